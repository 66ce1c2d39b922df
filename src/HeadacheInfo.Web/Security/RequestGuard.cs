using Microsoft.AspNetCore.Diagnostics;

namespace HeadacheInfo.Web.Security;

/// <summary>
/// Turns away requests no page could answer, before any page runs: methods other than GET and HEAD where no
/// endpoint answers (each page's own methods are routing's, from <see cref="PageMethods"/>), over-long
/// addresses, and uploads larger than the page's own limit (<see cref="TakesUploadsAttribute"/> and <c>[RequestSizeLimit]</c>). The friendly status page then explains. Runs after routing, so it can read the page's rules.
/// </summary>
public static class RequestGuard
{
    public const int MaxPathLength = 1024;
    public const int MaxQueryLength = 2048;

    /// <summary>The middleware itself: answers the request, or passes it on.</summary>
    public static async Task GuardAsync(HttpContext context, RequestDelegate next)
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

        // Every endpoint names its own methods (pages through PageMethods), and routing answers 405 for
        // those. An address no endpoint answers (a static file, or nothing at all) is for reading only.
        if (context.GetEndpoint() is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        // A form larger than the page takes is refused before a byte of it is read, with a page saying so.
        if (request.ContentLength is { } length && context.GetEndpoint()?.Metadata is { } metadata &&
            metadata.GetMetadata<TakesUploadsAttribute>() is not null &&
            metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit &&
            length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    }
}
