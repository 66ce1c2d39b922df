namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// One version of one article, kept for good: every saved draft, submission, return, approval, take-down and
/// edit made outside the app is a row. The app never deletes one.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    /// <summary>One of <see cref="RevisionActions"/>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The whole Markdown file, front matter and all.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>A fingerprint of the published file this version was based on (empty for a new article).</summary>
    public string BaseHash { get; set; } = string.Empty;

    /// <summary>The email of the account that made it, or "outside the app".</summary>
    public string Author { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The author's note to the reviewer, or the reviewer's comment.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// For a decision (a return, an approval): the revision it decided. A return points at the text it sent
    /// back instead of copying it; an approval keeps the text it published, which differs only in the review fields.
    /// </summary>
    public long? SubjectRevisionId { get; set; }

    /// <summary>
    /// For a save or a submission: the author's "What changed, for readers" line. It reaches patients only
    /// when the change is approved, written into the article's change log (see <see cref="Articles.ArticleChanges"/>).
    /// </summary>
    public string? ReaderNote { get; set; }
}
