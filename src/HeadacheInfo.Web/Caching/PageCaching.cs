using System.IO.Compression;
using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The fast path for pages: responses rendered once per content snapshot and served from memory, answered
/// with 304 when the reader already has them, and compressed. The symptom check is never cached.
/// </summary>
public static class PageCaching
{
    public const string ContentTag = "content";

    public static WebApplicationBuilder AddPageCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            // Slugs are lowercase: /articles/Neck must stay a 404, not be served the cached /articles/neck.
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(new ContentPagePolicy());
        });
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

    /// <summary>Compression first, so cached pages are stored once and compressed per reader as they ask.</summary>
    public static WebApplication UseResponseCompressionExceptForms(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Pages with secrets (the antiforgery token) and reflected answers are never compressed over HTTPS,
            // which rules out BREACH-style attacks on them.
            if (ContentPagePolicy.IsSymptomCheck(context.Request.Path))
            {
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpsCompressionFeature>()?.Mode =
                    Microsoft.AspNetCore.Http.Features.HttpsCompressionMode.DoNotCompress;
            }

            return next(context);
        });
        app.UseResponseCompression();
        return app;
    }

    /// <summary>ETag and Last-Modified on pages, 304 for conditional requests, then the output cache.</summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.UseOutputCache();
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
