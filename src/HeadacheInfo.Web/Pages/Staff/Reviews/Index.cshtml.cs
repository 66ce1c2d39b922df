using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Reviews;

/// <summary>Every revision waiting for a reviewer.</summary>
public sealed class IndexModel(ArticleQueries queries) : PageModel
{
    public IReadOnlyList<ArticleRevision> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await queries.WaitingAsync();
}
