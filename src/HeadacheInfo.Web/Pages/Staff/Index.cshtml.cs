using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>The content dashboard: every article file, its state and the checker's findings, for every member of staff.</summary>
public sealed class IndexModel(IServiceProvider services, StaffDbContext database, TimeProvider time) : PageModel
{
    public StaffDashboard Dashboard { get; private set; } = new([], DateOnly.MinValue);

    /// <summary>Yes and no answers per article over the last 90 days.</summary>
    public IReadOnlyDictionary<string, (int Yes, int No)> Feedback { get; private set; } = new Dictionary<string, (int Yes, int No)>();

    public async Task OnGetAsync()
    {
        Feedback = await PageFeedback.CountsAsync(database, time.UtcToday());
        var snapshot = ContentStore.For(HttpContext);
        // Built with the snapshot; a snapshot made before the staff area existed is built here once.
        Dashboard = snapshot.Part<StaffDashboard>() ??
            (StaffDashboard)ActivatorUtilities.CreateInstance<StaffDashboardPart>(services).Build(snapshot, ContentSnapshot.Empty);
    }
}
