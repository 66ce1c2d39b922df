using System.Collections.Frozen;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Every content page of one snapshot (home, article list, each article, how-it-works, sitemap.xml,
/// robots.txt), rendered through the site's own pipeline with the snapshot, so its headers are exactly those
/// of the ordinary path. Swapped in with the snapshot: never a page from two versions. <paramref name="OnlyHost"/>
/// is the one Host they may answer when the site's address is not fixed (they name it); null when it is.
/// </summary>
public sealed record PrerenderedPages(FrozenDictionary<string, PrerenderedPage> ByPath, DateOnly BuiltOn, string Scheme, string? OnlyHost = null)
{
    public static PrerenderedPages None { get; } = new(FrozenDictionary<string, PrerenderedPage>.Empty, DateOnly.MinValue, string.Empty);

    /// <summary>Whether these pages are the ones this request would be rendered: same scheme, host and day.</summary>
    public bool Answer(HttpRequest request, DateOnly today) =>
        Scheme == request.Scheme && BuiltOn == today &&
        (OnlyHost is null || string.Equals(OnlyHost, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}
