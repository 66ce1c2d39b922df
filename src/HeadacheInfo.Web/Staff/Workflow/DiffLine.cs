namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One line of a comparison: added, removed or the same, with its text.</summary>
public sealed record DiffLine(string Kind, string Text)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Same = "same";

    /// <summary>A sign in front of the line, so the change is clear without colour: + added, - removed.</summary>
    public string Sign => Kind switch { Added => "+", Removed => "-", _ => " " };
}
