namespace HeadacheInfo.Web.ContentCheck;

/// <summary>One thing the checker found in one file.</summary>
public sealed record CheckFinding(FindingSeverity Severity, int? Line, string Message);
