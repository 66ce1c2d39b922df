namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What one member of staff has to do: their drafts, their changes returned, and for a reviewer the changes waiting.</summary>
/// <param name="Sent">Their own changes waiting for a reviewer.</param>
public sealed record StaffWork(IReadOnlyList<WorkItem> Drafts, IReadOnlyList<WorkItem> Returned, IReadOnlyList<WorkItem> ToReview, int Waiting)
{
    public IReadOnlyList<WorkItem> Sent { get; init; } = [];
}
