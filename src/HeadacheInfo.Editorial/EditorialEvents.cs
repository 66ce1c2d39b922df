namespace HeadacheInfo.Editorial;

/// <summary>
/// What a transition of <see cref="EditorialState"/> tells the world, as eShop's domain events: the web turns each
/// into audit rows, mail and publish-log rows committed in the same transaction as the state.
/// </summary>
public abstract record EditorialEvent(string Slug);

/// <summary>How a draft came to be saved: the audit line says which.</summary>
public enum DraftOrigin
{
    /// <summary>Saved from the editor.</summary>
    Editor,

    /// <summary>Saved from the editor beside a change made since it was opened: a conflict, the author's words kept.</summary>
    BesideNewerChange,

    /// <summary>An old version put back as a draft.</summary>
    Restored,
}

public sealed record DraftSaved(string Slug, Revision Revision, DraftOrigin Origin) : EditorialEvent(Slug);

/// <summary>The change in progress (revision <paramref name="DiscardedId"/>) was dropped; the published text stays.</summary>
public sealed record DraftDiscarded(string Slug, Revision Revision, long? DiscardedId) : EditorialEvent(Slug);

public sealed record SentForReview(string Slug, Revision Revision) : EditorialEvent(Slug);

public sealed record ChangeReturned(string Slug, Revision Revision, long SubmittedId) : EditorialEvent(Slug);

/// <summary>A change approved to go live now (a <see cref="Published"/> event follows).</summary>
public sealed record ChangeApproved(string Slug, Revision Revision, long SubmittedId) : EditorialEvent(Slug);

/// <summary>A change approved to go live at <paramref name="At"/>; the published text stays until then.</summary>
public sealed record ChangeScheduled(string Slug, Revision Revision, long SubmittedId, DateTimeOffset At) : EditorialEvent(Slug);

/// <param name="BackToReview">The change went back to waiting for review; else a newer change was in progress and stays so.</param>
public sealed record ScheduleCancelled(string Slug, Revision Revision, Revision Scheduled, bool BackToReview) : EditorialEvent(Slug);

/// <summary>A change approved for later went live at its time, signed by the reviewer who approved it.</summary>
public sealed record ScheduledChangePublished(string Slug, Revision Revision, Revision Scheduled) : EditorialEvent(Slug);

public sealed record ScheduleFailed(string Slug, string Reason) : EditorialEvent(Slug);

public sealed record ArticleConfirmed(string Slug, Revision Revision) : EditorialEvent(Slug);

/// <param name="Reason">Why, in the reviewer's words.</param>
/// <param name="ScheduledBy">For a take-down at a time set earlier: the reviewer who set it; null for one done now.</param>
public sealed record TakenDown(string Slug, Revision Revision, string Reason, string? ScheduledBy = null) : EditorialEvent(Slug);

public sealed record TakeDownScheduled(string Slug, DateTimeOffset At, string Reason, string By) : EditorialEvent(Slug);

public sealed record TakeDownCancelled(string Slug, DateTimeOffset At) : EditorialEvent(Slug);

public sealed record TakeDownFailed(string Slug, string Problem) : EditorialEvent(Slug);

public sealed record RolledBack(string Slug, Revision Revision, Revision PutBack) : EditorialEvent(Slug);

public sealed record OutsideEditRecorded(string Slug, Revision Revision) : EditorialEvent(Slug);

public sealed record OutsideDeletionRecorded(string Slug, Revision Revision) : EditorialEvent(Slug);

/// <summary>What patients see changes: this text goes live, or, when <paramref name="Text"/> is null, the article comes off.</summary>
public sealed record Published(string Slug, string? Text) : EditorialEvent(Slug);
