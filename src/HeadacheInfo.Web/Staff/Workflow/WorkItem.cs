namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One change in progress, as the lists of work show it.</summary>
/// <param name="Comment">For a returned change: the reviewer's comment.</param>
public sealed record WorkItem(string Slug, string Title, string Status, long RevisionId, string Author, DateTimeOffset At, string? Comment);
