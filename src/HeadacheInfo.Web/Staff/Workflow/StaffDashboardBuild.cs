namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The dashboard of one content snapshot, being built or built (see <see cref="StaffDashboardPart"/>).</summary>
public sealed record StaffDashboardBuild(Task<StaffDashboard> Built);
