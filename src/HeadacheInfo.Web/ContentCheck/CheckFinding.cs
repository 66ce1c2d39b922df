namespace HeadacheInfo.Web.ContentCheck;

public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>One thing the checker found in one file.</summary>
public sealed record CheckFinding(FindingSeverity Severity, int? Line, string Message);
