namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What the editor opens: the text to edit and where it stands.</summary>
/// <param name="Status">Where the change stands, when it matters: returned with the reviewer's comment, or waiting.</param>
public sealed record EditorStart(ArticleDraft? Fields, string? RawText, long StartedFrom, string BaseHash, string? Status, IReadOnlyList<string> Notices)
{
    /// <summary>The change in progress's "What changed, for readers" line.</summary>
    public string? ReaderNote { get; init; }
}
