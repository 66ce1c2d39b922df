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

/// <summary>
/// On a page model: the page answers whatever method a failed request had, because the status and error pages
/// are reached by re-executing that request (a refused PUT is shown its friendly 405 as a PUT). A method the
/// page has no handler for runs its GET handler; without one, Razor Pages would answer an OPTIONS request
/// 200 with an empty body and never run the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnswersAnyMethodAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IPageFilter
{
    public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.FirstOrDefault(handler =>
            handler.Name is null && HttpMethods.Equals(handler.HttpMethod, HttpMethods.Get));

    public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
    }
}

/// <summary>
/// Turns each page's method rules into endpoint metadata: GET and HEAD, and POST where the page has
/// <see cref="AcceptsFormPostAttribute"/>. Routing then answers any other method 405, with <c>Allow</c>.
/// </summary>
public sealed class PageMethods : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention
{
    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        // The page's own rules: its model's attributes, or the page's (@attribute) where it has no model.
        var rules = model.HandlerTypeAttributes.Concat(model.PageType.GetCustomAttributes(inherit: true)).ToArray();
        if (rules.OfType<AnswersAnyMethodAttribute>().Any())
        {
            return;
        }

        string[] methods = rules.OfType<AcceptsFormPostAttribute>().Any()
            ? [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post]
            : [HttpMethods.Get, HttpMethods.Head];
        model.EndpointMetadata.Add(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(methods));
    }
}
