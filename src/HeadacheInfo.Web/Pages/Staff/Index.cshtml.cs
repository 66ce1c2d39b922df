using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>The content dashboard: every article file, its state and the checker's findings, for every member of staff.</summary>
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    public StaffDashboard Dashboard { get; private set; } = new([], DateOnly.MinValue);

    public void OnGet()
    {
        var snapshot = ContentStore.For(HttpContext);
        // Built with the snapshot; a snapshot made before the staff area existed is built here once.
        Dashboard = snapshot.Part<StaffDashboard>() ??
            (StaffDashboard)ActivatorUtilities.CreateInstance<StaffDashboardPart>(services).Build(snapshot, ContentSnapshot.Empty);
    }
}
