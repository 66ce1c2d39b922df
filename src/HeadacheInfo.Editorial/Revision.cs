namespace HeadacheInfo.Editorial;

/// <summary>
/// One step in an article's history, as Wagtail's Revision: once recorded it never changes. A decision points at
/// the revision it decided (<see cref="Subject"/>). <see cref="Id"/> is 0 until the revision is stored.
/// </summary>
/// <param name="Text">The whole file, front matter and all; empty for a return or a cancelled schedule.</param>
/// <param name="BaseHash">The content hash of the published text this step started from.</param>
/// <param name="Author">An email, or one of <see cref="EditorialAuthors"/>.</param>
/// <param name="Note">The author's note to the reviewer, the reviewer's comment, or what happened.</param>
public sealed record Revision(RevisionKind Kind, string Text, string BaseHash, string Author, DateTimeOffset At, string? Note = null, long? Subject = null)
{
    public long Id { get; init; }

    /// <summary>For a save or a submission: the author's "What changed, for readers" line.</summary>
    public string? ReaderNote { get; init; }

    /// <summary>A version patients once saw as approved, so any reviewer may put it back at once.</summary>
    public bool WasApproved => Kind is RevisionKind.Approved or RevisionKind.RolledBack or RevisionKind.Confirmed;
}
