namespace HeadacheInfo.Web.Staff.Audit;

/// <summary>What an admin asked the audit page for: an event name, an account (who did it), and a page, 1 the newest.</summary>
public sealed record AuditQuery(string? Event, string? Account, int Page);
