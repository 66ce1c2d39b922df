namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One thing that happened to someone's work, for the dashboard.</summary>
/// <param name="Event">What happened, as <c>data-event</c> says it: returned, approved, scheduled, schedule-cancelled, discarded, sent, edited, taken-down, rolled-back, confirmed, changed-outside, account-changed, sign-in-failed.</param>
/// <param name="RevisionId">For a change sent for review, the revision to review.</param>
public sealed record WorkEvent(string Event, string? Slug, string Title, string Said, DateTimeOffset At, long? RevisionId = null);
