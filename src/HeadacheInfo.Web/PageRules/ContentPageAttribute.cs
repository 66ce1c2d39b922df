using System.Globalization;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace HeadacheInfo.Web.PageRules;

/// <summary>
/// On a page built only from the content (or on an endpoint, as metadata): the page is the same for every
/// reader until the content changes. So it is kept in the output cache per content snapshot, carries an
/// ETag and Last-Modified, answers 304, and is pre-rendered with each snapshot. Pages without it (the
/// symptom check, search, errors) go the ordinary way every time.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ContentPageAttribute : Attribute, IOutputCachePolicy
{
    public const string Tag = "content";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Whether the request is a GET or HEAD of a content page: the only requests the page's rules apply to.</summary>
    public static bool Applies(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) &&
        context.GetEndpoint()?.Metadata.GetMetadata<ContentPageAttribute>() is not null;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // A page rendered for the pre-rendered set must not also land in (or come from) the cache.
        var cacheable = Applies(context.HttpContext) && !Prerendering.IsRendering(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            // The snapshot's version is in the key, so a page rendered from an older snapshot is never served after a swap.
            var version = ContentStore.For(context.HttpContext).Version;
            context.CacheVaryByRules.VaryByValues["content-version"] = version.ToString(CultureInfo.InvariantCulture);
            context.Tags.Add(Tag);
            context.ResponseExpirationTimeSpan = Lifetime;
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
