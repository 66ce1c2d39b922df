using Microsoft.AspNetCore.Diagnostics;

namespace HeadacheInfo.Web.Security;

/// <summary>
/// Turns away requests no page could answer, before any page runs: methods other than GET and HEAD (POST
/// only where the page says it takes a form, with <see cref="AcceptsFormPostAttribute"/>), over-long
/// addresses, and uploads larger than the page's own limit (<see cref="TakesUploadsAttribute"/> and <c>[RequestSizeLimit]</c>). The friendly status page then explains. Runs after routing, so it can read the page's rules.
/// </summary>
public static class RequestGuard
{
    public const int MaxPathLength = 1024;
    public const int MaxQueryLength = 2048;

    public static WebApplication UseRequestGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The status and error pages are reached by re-executing the failed request, method and all.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                await next(context);
                return;
            }

            var request = context.Request;
            if (request.Path.Value?.Length > MaxPathLength || request.QueryString.Value?.Length > MaxQueryLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return;
            }

            var takesPost = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsFormPostAttribute>() is not null;
            var allowed = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ||
                (HttpMethods.IsPost(request.Method) && takesPost);
            if (!allowed)
            {
                context.Response.Headers.Allow = takesPost ? "GET, HEAD, POST" : "GET, HEAD";
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                // The friendly page is rendered by re-executing this request; as a GET, every page can answer it.
                // The log still says what the client sent.
                context.Features.Set(new RefusedMethodFeature(request.Method));
                request.Method = HttpMethods.Get;
                return;
            }

            // A form larger than the page takes is refused before a byte of it is read, with a page saying so.
            if (request.ContentLength is { } length && context.GetEndpoint()?.Metadata is { } metadata &&
                metadata.GetMetadata<TakesUploadsAttribute>() is not null &&
                metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit &&
                length > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Features.Set(new RefusedMethodFeature(request.Method));
                request.Method = HttpMethods.Get;
                return;
            }

            await next(context);
        });
        return app;
    }
}

/// <summary>On a page model: the page takes a form POST. Every other page answers GET and HEAD only.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsFormPostAttribute : Attribute;

/// <summary>
/// On a page model: its form takes a file. A request larger than its <c>[RequestSizeLimit]</c> is answered 413,
/// with a page saying what to do, before anything reads it (without this, an oversized form is a plain 400).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TakesUploadsAttribute : Attribute;

/// <summary>The method a client sent before the guard turned the request into a GET for the friendly page.</summary>
public sealed record RefusedMethodFeature(string Method);
