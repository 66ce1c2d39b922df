using HeadacheInfo.Web.Staff.Workflow;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>What <c>_DraftPreview</c> shows: the checker's findings on <paramref name="Text"/>, placed as the editor shows it, and the preview.</summary>
/// <param name="Text">The whole file that was checked, so that each finding's line can be given as the body box's.</param>
public sealed record DraftPreview(DraftCheck Check, string Text)
{
    public IReadOnlyList<WriterFinding> Findings => WriterFinding.Place(Check.Findings, Text);
}
