using HeadacheInfo.Web.Articles;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Staff.Guides;

/// <summary>
/// The guides the site serves, built into it as resources, so the guide read is the one for the running version:
/// the writing guide (<c>content/README.md</c>) at <c>/staff/guide</c> (and <c>/staff/guide/writing</c>), the staff
/// guide (<c>docs/staff-guide.md</c>) at <c>/staff/guide/staff</c>, and the operations guide's HTTPS section at
/// <c>/staff/guide/https</c>, which anyone may read (the sign-in page over plain http points there). A link from
/// one guide to another stays on the site; a link to a document the site does not serve is shown as its words.
/// </summary>
public static class StaffGuides
{
    public const string WritingName = "writing";
    public const string StaffName = "staff";
    public const string HttpsName = "https";

    /// <summary>The operations guide's heading whose section the site serves to anyone.</summary>
    private const string HttpsHeading = "HTTPS";

    private static readonly Lazy<string> StaffGuide = new(() => Render("staff-guide.md"));
    private static readonly Lazy<string> WritingGuide = new(() => Render("writing-guide.md"));
    private static readonly Lazy<string> HttpsGuide = new(() => Render("operations.md", HttpsHeading));

    /// <summary>The guide's HTML, headings one level down under the page's own; null for a name there is no guide for.</summary>
    public static string? Html(string? name) => name switch
    {
        null or "" or WritingName => WritingGuide.Value,
        StaffName => StaffGuide.Value,
        _ => null,
    };

    /// <summary>The operations guide's HTTPS section, the project's public documentation: no secrets, no settings' values.</summary>
    public static string HttpsHtml => HttpsGuide.Value;

    private static string Render(string resource, string? onlySection = null)
    {
        using var stream = typeof(StaffGuides).Assembly.GetManifestResourceStream("HeadacheInfo.Web.Guides." + resource)
            ?? throw new InvalidOperationException($"The guide {resource} is not built into the site.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().UseScrollableTables().DisableHtml().Build();
        var text = reader.ReadToEnd();
        if (onlySection is not null)
        {
            text = Section(text, onlySection) ?? throw new InvalidOperationException($"The guide {resource} has no section '## {onlySection}'.");
        }

        var document = Markdown.Parse(text, pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { } url || url.StartsWith('/') || url.StartsWith('#') || url.Contains(':', StringComparison.Ordinal))
            {
                continue; // a page of the site, a heading in this guide, or another site
            }

            var (file, anchor) = url.IndexOf('#') is var hash and >= 0 ? (url[..hash], url[hash..]) : (url, "");
            var inStaffArea = Path.GetFileName(file) switch
            {
                "staff-guide.md" => StaffPaths.Guide + "/" + StaffName,
                "README.md" when file.Contains("content", StringComparison.Ordinal) => StaffPaths.Guide,
                "operations.md" when anchor == "#https" => StaffPaths.HttpsGuide,
                _ => null,
            };

            if (inStaffArea is not null)
            {
                link.Url = inStaffArea + anchor;
            }
            else if (!link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(words => words.Content.ToString()))));
            }
        }

        return document.ToHtml(pipeline);
    }

    /// <summary>The text under <c>## heading</c> up to the next heading of that level, with its heading; null when there is none.</summary>
    private static string? Section(string text, string heading)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == "## " + heading);
        if (start < 0)
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
