using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Caching;

/// <summary>One content page, rendered once: its headers and its bytes, plain, Brotli and gzip.</summary>
public sealed record PrerenderedPage(
    KeyValuePair<string, string>[] Headers, byte[] Identity, byte[] Brotli, byte[] Gzip, Article? Article, string RelatedKey)
{
    /// <summary>A page a person reads (HTML), not the sitemap or robots.txt: what counts as a page read.</summary>
    public bool IsPage { get; } = Headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) &&
        h.Value.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));
}
