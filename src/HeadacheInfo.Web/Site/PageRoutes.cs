using Microsoft.AspNetCore.Routing.Patterns;

namespace HeadacheInfo.Web.Site;

/// <summary>
/// The site's addresses as routing holds them, read in one way: each page once, at its own address (not the
/// second spelling Razor Pages gives an Index page, such as <c>/Index</c> for <c>/</c>), and an article's page
/// with its slug filled in. Used by the sitemap, the pre-renderer and the warm-up alike.
/// </summary>
public static class PageRoutes
{
    public const string SlugParameter = "slug";

    /// <summary>Every endpoint with an address of its own, with the metadata a caller selects by.</summary>
    public static IEnumerable<RouteEndpoint> Addressed(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressLinkGenerationMetadata>() is not { SuppressLinkGeneration: true });

    /// <summary>Whether the route is one article's page: its only parameter is the slug.</summary>
    public static bool IsPerArticle(RoutePattern pattern) => pattern.Parameters is [{ Name: SlugParameter }];

    /// <summary>The path of a route without parameters, or of an article's page for <paramref name="slug"/>; null for any other.</summary>
    public static string? PathOf(RoutePattern pattern, string? slug = null)
    {
        var path = "/" + (pattern.RawText ?? string.Empty).Trim('/');
        return pattern.Parameters.Count == 0 ? path
            : IsPerArticle(pattern) && slug is not null ? path.Replace("{" + SlugParameter + "}", slug, StringComparison.Ordinal)
            : null;
    }
}
