namespace HeadacheInfo.Web.Feedback;

/// <summary>A revision a comment can be marked as answered by, as the closing form offers it.</summary>
public sealed record RevisionChoice(long Id, string Action, DateTimeOffset At);
