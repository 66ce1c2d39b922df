namespace HeadacheInfo.Web.PageRules;

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
