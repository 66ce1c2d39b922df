namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// Where one article stands in the workflow, one row per article beside its revisions (which never change),
/// as Wagtail's WorkflowState sits beside its Revisions: the change in progress, if any, what it started from,
/// and a concurrency token, so two people acting at once cannot both win.
/// </summary>
public sealed class ArticleState
{
    public string Slug { get; set; } = string.Empty;

    /// <summary>One of <see cref="ChangeStatus"/>: the change in progress, if any.</summary>
    public string Status { get; set; } = ChangeStatus.None;

    /// <summary>The latest revision of the change in progress: the draft saved, or the text sent or returned.</summary>
    public long? DraftRevisionId { get; set; }

    /// <summary>A fingerprint of the published text the change in progress started from (empty for a new article).</summary>
    public string DraftBaseHash { get; set; } = string.Empty;

    /// <summary>A fingerprint of the published text as the workflow last wrote or recorded it (empty when not on the site).</summary>
    public string PublishedHash { get; set; } = string.Empty;

    /// <summary>Bumped by every action; an action that read an older value is refused as a conflict.</summary>
    public int Version { get; set; }

    /// <summary>
    /// A change approved to go live later: its <see cref="RevisionActions.Scheduled"/> revision, holding the signed-off
    /// text. Kept apart from the draft, so the published version stays live and authors can go on writing meanwhile.
    /// </summary>
    public long? ScheduledRevisionId { get; set; }

    /// <summary>When the scheduled change goes live (UTC).</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>Why the scheduled change could not go live at its time (checker errors, a newer published text); null while it may.</summary>
    public string? ScheduleProblem { get; set; }

    /// <summary>When the article comes off the site by itself (UTC), for seasonal or time-limited advice.</summary>
    public DateTimeOffset? TakeDownAt { get; set; }

    /// <summary>Why it comes off at that time, kept in its history as a take-down's reason is.</summary>
    public string? TakeDownReason { get; set; }

    /// <summary>The reviewer who set the take-down date: the take-down is recorded as theirs.</summary>
    public string? TakeDownBy { get; set; }

    /// <summary>Why the take-down could not happen at its time (other articles link to it); null while it may.</summary>
    public string? TakeDownProblem { get; set; }
}
