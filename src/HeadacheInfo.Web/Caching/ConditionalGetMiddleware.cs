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

    private Validators? _validators;

    public Task InvokeAsync(HttpContext context)
    {
        if (!ContentPagePolicy.IsContentPage(context.Request))
        {
            return next(context);
        }

        var (_, etag, lastModified) = ValidatorsFor(store.Current);

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

    /// <summary>The validators change only with the snapshot, so they are worked out once per snapshot.</summary>
    private Validators ValidatorsFor(ContentSnapshot snapshot)
    {
        var validators = Volatile.Read(ref _validators);
        if (validators is null || !ReferenceEquals(validators.Snapshot, snapshot))
        {
            // HTTP dates have whole seconds; a fraction would make every If-Modified-Since look older.
            var loaded = snapshot.LoadedAt.UtcTicks;
            validators = new Validators(
                snapshot,
                new EntityTagHeaderValue($"\"{Build}-{snapshot.Fingerprint}\""),
                new DateTimeOffset(loaded - (loaded % TimeSpan.TicksPerSecond), TimeSpan.Zero));
            Volatile.Write(ref _validators, validators);
        }

        return validators;
    }

    private sealed record Validators(ContentSnapshot Snapshot, EntityTagHeaderValue ETag, DateTimeOffset LastModified);

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
