using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Reviews;

/// <summary>
/// One change, for a clinician to read: what changed, line by line, the preview, the checker's findings, and
/// the author's note. Only a reviewer may approve, never their own change; approving publishes it.
/// </summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class ReviewModel(ArticleWorkflow workflow, UserManager<StaffUser> users) : PageModel
{
    [FromRoute] public long Id { get; set; }

    [BindProperty] public string? Comment { get; set; }

    public ArticleRevision Revision { get; private set; } = null!;

    public IReadOnlyList<DiffLine> Changes { get; private set; } = [];

    public DraftCheck Check { get; private set; } = null!;

    public bool Waiting { get; private set; }

    public bool IsNew { get; private set; }

    public string? Problem { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var me = await users.GetUserAsync(User);
        if (me is null || !await users.IsInRoleAsync(me, StaffRoles.Reviewer) ||
            string.Equals(Revision.Author, me.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Only a reviewer may decide, and never on their own change.
            return Forbid();
        }

        if (!Waiting)
        {
            Problem = "This change is no longer waiting for review: it was approved, returned or changed again.";
            return Page();
        }

        switch (action)
        {
            case "approve":
                if (Check.HasErrors)
                {
                    Problem = "The checker found errors, so this cannot be published. Return it to the author.";
                    return Page();
                }

                if (Revision.BaseHash != ArticleDraft.Fingerprint(workflow.PublishedText(Revision.Slug)))
                {
                    Problem = "The published article changed after this was written, so approving it would lose that change. Return it so the author can look again.";
                    return Page();
                }

                try
                {
                    await workflow.ApproveAsync(Revision, me, Comment);
                }
                catch (PublishFailedException ex)
                {
                    Problem = ex.Message + " The change is still waiting for review; try again, or ask whoever looks after the server.";
                    return Page();
                }

                Message = "Approved and published. Patients will see it within a second or two.";
                break;
            case "return":
                if (string.IsNullOrWhiteSpace(Comment))
                {
                    Problem = "Say what needs changing before you return it.";
                    return Page();
                }

                await workflow.RecordAsync(Revision.Slug, RevisionActions.Returned, Revision.Text, Revision.BaseHash, me.Email!, Comment);
                Message = "Returned to the author with your comment.";
                break;
            default:
                return BadRequest();
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await workflow.FindAsync(Id) is not { } revision)
        {
            return false;
        }

        Revision = revision;
        var latest = await workflow.LatestAsync(revision.Slug);
        Waiting = revision.Action == RevisionActions.Submitted && latest?.Id == revision.Id;
        var published = workflow.PublishedText(revision.Slug);
        IsNew = published is null;
        Changes = TextDiff.Lines(published ?? string.Empty, revision.Text);
        Check = workflow.Check(revision.Slug, revision.Text);
        return true;
    }
}
