using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>Answers GET and HEAD for pre-rendered pages from memory, with 304 and the encoding the reader takes.</summary>
internal sealed class PrerenderedPagesMiddleware(RequestDelegate next, AbsoluteUrls urls, TimeProvider time, UsageCounter counter)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue ||
            context.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
            ContentStore.For(context) is not { } snapshot ||
            snapshot.Part<PrerenderedPages>() is not { } pages ||
            !pages.ByPath.TryGetValue(request.Path.Value ?? string.Empty, out var page) ||
            !pages.Answer(request, time.UtcToday()))
        {
            return next(context);
        }

        if (page.IsPage && HttpMethods.IsGet(request.Method))
        {
            // Memory only: the flush writes it out later, so this path stays as fast.
            counter.PageRead(request.Path.Value!);
        }

        var (etag, lastModified) = ConditionalGetMiddleware.ValidatorsFor(snapshot, request, urls);
        var response = context.Response;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }

        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = lastModified;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        if (NotModified.ReaderHasIt(request.GetTypedHeaders(), etag, lastModified, time.GetUtcNow()))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var accepts = request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (page.Brotli, "br")
            : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (page.Gzip, "gzip")
            : (page.Identity, null);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
