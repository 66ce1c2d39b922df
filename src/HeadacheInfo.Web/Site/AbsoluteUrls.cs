using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Site;

/// <summary>
/// Turns site paths into full addresses, from <c>Site:BaseUrl</c> or else the request's own host. The
/// request's host is whatever the client sent, so with <c>Site:BaseUrl</c> unset no page naming it may be
/// kept by a shared cache (see <see cref="IsFixed"/>).
/// </summary>
public sealed class AbsoluteUrls(IOptions<SiteOptions> options)
{
    /// <summary>Whether every address comes from <c>Site:BaseUrl</c>, the same whatever the request said.</summary>
    public bool IsFixed => !string.IsNullOrWhiteSpace(options.Value.BaseUrl);

    /// <summary>The site's root address without a trailing slash, or null when there is none to give (no host at all).</summary>
    public string? Root(HttpRequest request)
    {
        if (IsFixed)
        {
            return options.Value.BaseUrl!.TrimEnd('/');
        }

        // HTTP/1.0 may come without a Host; an address like "http:/" would be worse than none.
        return request.Host.HasValue
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : null;
    }

    /// <summary>The full address of <paramref name="path"/>, or null when there is no root to put before it.</summary>
    public string? For(HttpRequest request, string path) =>
        Root(request) is { } root ? root + (path.StartsWith('/') ? path : "/" + path) : null;
}
