namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The editor's form: the fields an author writes, and what the form was opened from.</summary>
/// <param name="StartedFrom">The revision the form was opened from or last saved as (0 for the published text).</param>
/// <param name="BaseHash">A fingerprint of the published text the author's text started from.</param>
public sealed record ArticleEdit(
    string Slug, bool IsNew, string Title, string Summary, string Category, int? Order, IReadOnlyList<string> References,
    string? Author, string Body, string? Note, long StartedFrom, string BaseHash)
{
    /// <summary>"What changed, for readers": one optional line, public in the change log once approved.</summary>
    public string? ReaderNote { get; init; }
}
