using Microsoft.AspNetCore.Mvc.Filters;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// Staff forms say what a button does with <c>name="action"</c> (a contract the pages keep); this picks the
/// page's named handler for it, so <c>value="save-draft"</c> runs <c>OnPostSaveDraftAsync</c> and each action is
/// its own method instead of a branch of a switch. An action a page has no handler for runs the page's plain
/// <c>OnPost</c>, which answers 400.
/// </summary>
internal sealed class ActionButtonHandlers : IAsyncPageFilter
{
    public const string Field = "action";

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        if (form[Field] is not [{ Length: > 0 } action])
        {
            return;
        }

        var name = action.Replace("-", string.Empty, StringComparison.Ordinal);
        var named = context.ActionDescriptor.HandlerMethods.FirstOrDefault(handler =>
            string.Equals(handler.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(handler.Name, name, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            context.HandlerMethod = named;
        }
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) => next();
}
