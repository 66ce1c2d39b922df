namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// Records a text found changed in this instance's content folder as an edit made outside the app. The log's
/// applier asks it before writing over such a file; the workflow implements it (its <c>OutsideEdits</c>), so
/// publishing never calls into the workflow.
/// </summary>
public interface IFolderEditRecorder
{
    /// <summary>Records <paramref name="text"/> as the article's latest version, by "outside the app"; the caller holds the article's lock.</summary>
    /// <returns>Whether it was recorded.</returns>
    Task<bool> RecordOutsideEditAsync(string slug, string text);
}
