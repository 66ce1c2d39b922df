using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>
/// Every version of one article, newest first: view one, compare it with what is published, or restore it
/// (a new draft that goes through review like any other). A reviewer can also take the article down here.
/// </summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class HistoryModel(ArticleWorkflow workflow, UserManager<StaffUser> users) : PageModel
{
    [FromRoute] public string Slug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)] public long? Show { get; set; }

    [BindProperty(SupportsGet = true)] public long? Compare { get; set; }

    [BindProperty] public long RevisionId { get; set; }

    /// <summary>The fingerprint of the published text the reviewer read before confirming it.</summary>
    [BindProperty] public string? PublishedFingerprint { get; set; }

    public string CurrentFingerprint { get; private set; } = string.Empty;

    /// <summary>The published file's fields, for its sign-off line.</summary>
    public ArticleDraft? PublishedDraft { get; private set; }

    /// <summary>The signed-in person may confirm the published text still accurate: a reviewer who did not write it.</summary>
    public bool CanConfirm { get; private set; }

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    public ArticleRevision? Shown { get; private set; }

    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public bool Published { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Revisions.Count == 0 && !Published ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        await LoadAsync();
        var me = await users.GetUserAsync(User);
        switch (action)
        {
            case "restore":
                if (Revisions.FirstOrDefault(r => r.Id == RevisionId) is not { } old)
                {
                    return NotFound();
                }

                await workflow.RecordAsync(Slug, RevisionActions.Saved, old.Text, ArticleDraft.Fingerprint(workflow.PublishedText(Slug)),
                    me!.Email!, $"restored from revision {old.Id}");
                Message = $"Revision {old.Id} is now a draft. Check it, then send it for review.";
                break;
            case "confirm":
                var confirmed = await workflow.ConfirmAsync(Slug, PublishedFingerprint ?? string.Empty, me!);
                if (confirmed.Outcome == WorkflowOutcome.Forbidden)
                {
                    return Forbid();
                }

                if (confirmed.Succeeded)
                {
                    Message = confirmed.Message;
                }
                else
                {
                    Problem = confirmed.Message;
                }

                break;
            case "unpublish":
                if (me is null || !await users.IsInRoleAsync(me, StaffRoles.Reviewer))
                {
                    return Forbid();
                }

                if (!Published)
                {
                    Problem = "This article is not on the site.";
                    break;
                }

                try
                {
                    await workflow.UnpublishAsync(Slug, me);
                    Message = "Taken off the site. Its history is kept, and it can be restored.";
                }
                catch (PublishFailedException ex)
                {
                    Problem = ex.Message;
                }

                break;
            default:
                return BadRequest();
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (!HeadacheInfo.Web.Articles.Slug.IsValid(Slug))
        {
            return;
        }

        Revisions = await workflow.HistoryAsync(Slug);
        var published = workflow.PublishedText(Slug);
        Published = published is not null;
        CurrentFingerprint = ArticleDraft.Fingerprint(published);
        PublishedDraft = published is null ? null : ArticleDraft.FromMarkdown(published);
        var me = await users.GetUserAsync(User);
        CanConfirm = Published && me is not null && await users.IsInRoleAsync(me, StaffRoles.Reviewer)
            && !string.Equals(await workflow.LastAuthorAsync(Slug), me.Email, StringComparison.OrdinalIgnoreCase);
        Shown = Revisions.FirstOrDefault(r => r.Id == (Show ?? Compare));
        if (Compare is not null && Shown is not null)
        {
            Changes = TextDiff.Lines(published ?? string.Empty, Shown.Text);
        }
    }
}
