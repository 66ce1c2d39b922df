using System.IO.Compression;
using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.ResponseCompression;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The fast path for pages: responses rendered once per content snapshot and served from memory, answered
/// with 304 when the reader already has them, and compressed. The symptom check is never cached.
/// </summary>
public static class PageCaching
{
    public static WebApplicationBuilder AddPageCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            // Slugs are lowercase: /articles/Neck must stay a 404, not be served the cached /articles/neck.
            // Which pages are cached is said on each page ([ContentPage]); there is no base policy.
            options.UseCaseSensitivePaths = true;
        });
        builder.Services.AddSingleton<ISnapshotPart, PageValidatorsPart>();
        // Registered after the other parts: pages are rendered with the snapshot and everything else derived from it.
        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddSingleton<ISnapshotPart, PrerenderedPagesPart>();
        builder.Services.AddSingleton<StartupWarmUp>();
        builder.Services.AddHostedService<PrerenderingStarter>();
        builder.Services.AddHostedService<ContentCacheEviction>();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// Compression before the cache, so cached pages are stored once and compressed per reader as they ask.
    /// Pages that must not be compressed over HTTPS say so themselves (<see cref="NoHttpsCompressionAttribute"/>).
    /// </summary>
    public static WebApplication UsePageCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// The output cache, then ETag and Last-Modified on pages and 304 for conditional requests. The cache
    /// answers conditional requests for the pages it holds (which exist); the validators run inside it, so
    /// what it stores carries them, and a page the cache does not hold is rendered before it can be 304.
    /// </summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // A date in the future is not a valid If-Modified-Since (RFC 9110 13.1.3); ignore it, as the RFC says.
            var headers = context.Request.GetTypedHeaders();
            if (headers.IfModifiedSince is { } since && since > context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
            {
                context.Request.Headers.IfModifiedSince = default;
            }

            return next(context);
        });
        app.UseOutputCache();
        app.UseMiddleware<ConditionalGetMiddleware>();
        return app;
    }

    /// <summary>Fingerprinted assets (with ?v=hash) never change; others may.</summary>
    public static StaticFileOptions StaticFileOptions() => new()
    {
        OnPrepareResponse = context =>
        {
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600";
        },
    };
}
