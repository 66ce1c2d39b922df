using System.IO.Compression;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.ResponseCompression;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The fast path for pages: responses rendered once per content snapshot and served from memory, answered
/// with 304 when the reader already has them, and compressed. The symptom check is never cached.
/// </summary>
public static class CachingRegistration
{
    public static WebApplicationBuilder AddCaching(this WebApplicationBuilder builder)
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
    /// The early middleware: a GET or HEAD for a pre-rendered page is answered from memory with its
    /// precomputed headers; anything else goes on. The pipeline from here on is handed to the renderer.
    /// </summary>
    public static WebApplication UsePrerenderedPages(this WebApplication app)
    {
        var renderer = app.Services.GetRequiredService<PageRenderer>();
        var urls = app.Services.GetRequiredService<AbsoluteUrls>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var counter = app.Services.GetRequiredService<Insights.UsageCounter>();
        app.Use(rest =>
        {
            // Pages are rendered through what follows this step, and answered here in place of it: so it goes after
            // what every real request needs (the pinned snapshot) and before what the page's headers already carry.
            RequestDelegate answer = new PrerenderedPagesMiddleware(rest, urls, time, counter).InvokeAsync;
            renderer.Attach(answer, rest);
            return answer;
        });
        return app;
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
            // The output cache answers 304 by its own reading: it is given only an If-Modified-Since we accept.
            var headers = context.Request.GetTypedHeaders();
            if (headers.IfModifiedSince is not null &&
                NotModified.IfModifiedSince(headers, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) is null)
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
