using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Keeps links and images to addresses a reader can safely follow: addresses on this site, and http, https,
/// mailto and tel. Anything else, such as <c>javascript:</c>, <c>vbscript:</c> or <c>data:</c>, is emptied
/// before the article is rendered, so it never reaches a page.
/// </summary>
public static class SafeLinks
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so do the same.
        var compact = new string([.. url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // A colon after the first '/', '?' or '#' is part of a relative address, not a scheme.
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }

        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    public static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(link => !IsSafe(link.Url)))
        {
            link.Url = string.Empty;
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(link => !IsSafe(link.Url)))
        {
            link.Url = string.Empty;
        }
    }
}
