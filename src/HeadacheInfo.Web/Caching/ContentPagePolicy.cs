using System.Globalization;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Health;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Which responses the output cache keeps: successful GET and HEAD pages built from content. The cache key
/// includes the snapshot version, so a page rendered from an older snapshot is never served after a swap.
/// </summary>
internal sealed class ContentPagePolicy : IOutputCachePolicy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static bool IsSymptomCheck(PathString path) => path.StartsWithSegments(SitePaths.SymptomCheck, StringComparison.OrdinalIgnoreCase);

    public static bool IsContentPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
        !IsSymptomCheck(request.Path) &&
        // Search answers depend on the query string, which the cache key leaves out.
        !request.Path.StartsWithSegments(SitePaths.Search, StringComparison.OrdinalIgnoreCase) &&
        !request.Path.StartsWithSegments(HealthEndpoint.Route, StringComparison.OrdinalIgnoreCase) &&
        !request.Path.StartsWithSegments(SiteRegistration.StatusPrefix, StringComparison.OrdinalIgnoreCase) &&
        !request.Path.StartsWithSegments(SiteRegistration.ErrorRoute, StringComparison.OrdinalIgnoreCase);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsContentPage(context.HttpContext.Request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            var version = context.HttpContext.RequestServices.GetRequiredService<ContentStore>().Current.Version;
            context.CacheVaryByRules.VaryByValues["content-version"] = version.ToString(CultureInfo.InvariantCulture);
            context.Tags.Add(PageCaching.ContentTag);
            context.ResponseExpirationTimeSpan = Lifetime;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
