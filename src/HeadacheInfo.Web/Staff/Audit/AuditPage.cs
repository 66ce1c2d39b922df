using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Audit;

/// <summary>One page of the audit log, newest first, and whether there are older events.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Page, bool HasOlder);
