namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// What a revision row records: the text of <see cref="RevisionKind"/> (<see cref="RevisionKinds"/>), named here
/// for queries over the rows, with the words staff read.
/// </summary>
public static class RevisionActions
{
    public const string Saved = RevisionKinds.Saved;
    public const string Submitted = RevisionKinds.Submitted;
    public const string Returned = RevisionKinds.Returned;
    public const string Approved = RevisionKinds.Approved;
    public const string Unpublished = RevisionKinds.Unpublished;
    public const string OutsideEdit = RevisionKinds.OutsideEdit;
    public const string Confirmed = RevisionKinds.Confirmed;
    public const string RolledBack = RevisionKinds.RolledBack;

    /// <summary>Approved to go live at a set time: the signed-off text, waiting; an approved row follows when it goes live.</summary>
    public const string Scheduled = RevisionKinds.Scheduled;

    /// <summary>A scheduled change called off before its time; it points at the scheduled revision.</summary>
    public const string ScheduleCancelled = RevisionKinds.ScheduleCancelled;

    /// <summary>The change in progress dropped before review; it points at the revision dropped.</summary>
    public const string Discarded = RevisionKinds.Discarded;

    public const string OutsideTheApp = EditorialAuthors.OutsideTheApp;

    /// <summary>
    /// The author of a text a new release of the software ships, offered for review on an upgrade. Not a staff
    /// account (an email always has an @), so any reviewer may approve it under four eyes.
    /// </summary>
    public const string NewRelease = EditorialAuthors.NewRelease;

    /// <summary>What a revision row records, in words for staff; the short names stay for machines (<c>data-action</c>).</summary>
    public static string Describe(string action) => action switch
    {
        Saved => "draft saved",
        Submitted => "sent for review",
        Returned => "returned to the author",
        Approved => "approved and published",
        Unpublished => "taken off the site",
        OutsideEdit => "changed outside the staff area",
        Confirmed => "confirmed still accurate",
        RolledBack => "earlier version put back",
        Scheduled => "approved to go live later",
        ScheduleCancelled => "scheduled change cancelled",
        Discarded => "draft discarded",
        _ => action,
    };

    /// <summary>A step that leaves a change still being written or waiting for review, not yet published or dropped.</summary>
    public static bool IsInProgress(string action) => action is Saved or Submitted or Returned;

    /// <summary>
    /// A row that records what happened to the published file but is not a step in writing a change: it
    /// never hides a draft in progress or a change waiting for review.
    /// </summary>
    public static bool IsHistoryOnly(string action) => action is OutsideEdit or Confirmed;
}
