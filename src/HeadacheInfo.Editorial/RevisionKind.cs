namespace HeadacheInfo.Editorial;

/// <summary>What a revision records. Stored as <see cref="RevisionKinds"/>' text.</summary>
public enum RevisionKind
{
    Saved,
    Submitted,
    Returned,
    Approved,
    Unpublished,
    OutsideEdit,
    Confirmed,
    RolledBack,

    /// <summary>Approved to go live at a set time: the signed-off text, waiting; an approval follows when it goes live.</summary>
    Scheduled,

    /// <summary>A scheduled change called off before its time; it points at the scheduled revision.</summary>
    ScheduleCancelled,

    /// <summary>The change in progress dropped before review; it points at the revision dropped, whose text the history keeps.</summary>
    Discarded,
}

/// <summary>The text each <see cref="RevisionKind"/> is stored as (and shown to machines as <c>data-action</c>): never changes.</summary>
public static class RevisionKinds
{
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Unpublished = "unpublished";
    public const string OutsideEdit = "outside-edit";
    public const string Confirmed = "confirmed";
    public const string RolledBack = "rolled-back";
    public const string Scheduled = "scheduled";
    public const string ScheduleCancelled = "schedule-cancelled";
    public const string Discarded = "discarded";

    public static string Text(RevisionKind kind) => kind switch
    {
        RevisionKind.Saved => Saved,
        RevisionKind.Submitted => Submitted,
        RevisionKind.Returned => Returned,
        RevisionKind.Approved => Approved,
        RevisionKind.Unpublished => Unpublished,
        RevisionKind.OutsideEdit => OutsideEdit,
        RevisionKind.Confirmed => Confirmed,
        RevisionKind.RolledBack => RolledBack,
        RevisionKind.Scheduled => Scheduled,
        RevisionKind.ScheduleCancelled => ScheduleCancelled,
        RevisionKind.Discarded => Discarded,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a revision kind"),
    };

    /// <summary>The kind a stored text stands for.</summary>
    /// <exception cref="FormatException">The text is none of the stored values.</exception>
    public static RevisionKind Parse(string text) => text switch
    {
        Saved => RevisionKind.Saved,
        Submitted => RevisionKind.Submitted,
        Returned => RevisionKind.Returned,
        Approved => RevisionKind.Approved,
        Unpublished => RevisionKind.Unpublished,
        OutsideEdit => RevisionKind.OutsideEdit,
        Confirmed => RevisionKind.Confirmed,
        RolledBack => RevisionKind.RolledBack,
        Scheduled => RevisionKind.Scheduled,
        ScheduleCancelled => RevisionKind.ScheduleCancelled,
        Discarded => RevisionKind.Discarded,
        _ => throw new FormatException($"'{text}' is not a stored revision kind"),
    };
}

/// <summary>Authors of revisions that are not staff accounts (an email always has an @).</summary>
public static class EditorialAuthors
{
    /// <summary>A text changed or deleted in the content folder, not through the staff area.</summary>
    public const string OutsideTheApp = "outside the app";

    /// <summary>A text a new release of the software ships, offered for review on an upgrade.</summary>
    public const string NewRelease = "New release";
}
