namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>A front matter field whose value changed: what a reader sees of it before and after.</summary>
public sealed record FieldChange(string Field, string Name, string? Before, string? After);
