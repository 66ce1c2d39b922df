using HeadacheInfo.Web.Staff.Insights;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// What patients looked for over the last 90 days, for every member of staff: searches that found nothing,
/// the most frequent searches, the most-read pages, symptom-check results per week and "Was this page helpful?"
/// answers per article. Read-only: the page has no form.
/// </summary>
public sealed class InsightsModel(InsightsQueries queries) : PageModel
{
    public InsightsReport Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await queries.ReportAsync();
}
