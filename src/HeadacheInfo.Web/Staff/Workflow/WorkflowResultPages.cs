using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>How a staff page answers a workflow result: the same way on every page that acts.</summary>
public static class WorkflowResultPages
{
    /// <summary>
    /// Not found is a 404. Anything else is said on the page itself: done as a message, the rest as a problem;
    /// a refusal with its 403 status, a staff page that says why, never the patients' error page.
    /// </summary>
    /// <returns>The answer when it is not the page itself, else null.</returns>
    public static IActionResult? Show(this PageModel page, WorkflowResult result, Action<string> done, Action<WorkflowResult> problem)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.NotFound:
                return page.NotFound();
            case WorkflowOutcome.Done:
                done(result.Message);
                return null;
            case WorkflowOutcome.Forbidden:
                page.Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }

        problem(result);
        return null;
    }
}
