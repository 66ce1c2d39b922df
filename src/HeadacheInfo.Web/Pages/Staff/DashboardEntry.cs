using HeadacheInfo.Web.Staff.Workflow;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>One article on the dashboard: its file as the site sees it, and its change in progress, if any.</summary>
public sealed record DashboardEntry(string Slug, string Title, string Status, DashboardRow? File, WorkItem? Change, ScheduledItem? Schedule = null)
{
    public bool AwaitingSignOff => File is { AwaitingSignOff: true } && Status == DashboardRow.Published;
}
