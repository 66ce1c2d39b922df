using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Validators for content pages: an ETag from the content's fingerprint and the site's build, and
/// Last-Modified from when the content was loaded. A reader who already has the page gets 304 and no body.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, ContentStore store, IHostEnvironment environment)
{
    private static readonly string Build =
        (typeof(ConditionalGetMiddleware).Assembly.ManifestModule.ModuleVersionId.ToString("N"))[..8];

    // Browsers revalidate every time (cheap with the ETag); shared caches such as a CDN may keep a page a minute.
    private const string PageCacheControl = "public, max-age=0, s-maxage=60";

    public Task InvokeAsync(HttpContext context)
    {
        if (!ContentPagePolicy.IsContentPage(context.Request))
        {
            return next(context);
        }

        var snapshot = store.Current;
        var etag = new EntityTagHeaderValue($"\"{Build}-{snapshot.Fingerprint}\"");
        var lastModified = new DateTimeOffset(snapshot.LoadedAt.UtcDateTime.AddTicks(-(snapshot.LoadedAt.UtcTicks % TimeSpan.TicksPerSecond)), TimeSpan.Zero);

        if (IsNotModified(context.Request.GetTypedHeaders(), etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetValidators(context.Response, etag, lastModified);
            return Task.CompletedTask;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetValidators(context.Response, etag, lastModified);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private void SetValidators(HttpResponse response, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = environment.IsDevelopment() ? "no-cache" : PageCacheControl;
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.IfNoneMatch;
        if (ifNoneMatch is { Count: > 0 })
        {
            return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
