using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>What readers wrote in "What was missing or unclear?", newest first. Reviewers and admins can delete a comment.</summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class FeedbackModel(StaffDbContext database, UserManager<StaffUser> users, IAuthorizationService authorization, AuditLog audit) : PageModel
{
    public const int Shown = 200;

    [BindProperty] public long FeedbackId { get; set; }

    public IReadOnlyList<ArticleFeedback> Comments { get; private set; } = [];

    public bool MayDelete { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null || !(await authorization.AuthorizeAsync(User, StaffPolicies.ReviewerOrAdmin)).Succeeded)
        {
            return Forbid();
        }

        if (await database.ArticleFeedback.FirstOrDefaultAsync(f => f.Id == FeedbackId) is not { Comment: not null } feedback)
        {
            return NotFound();
        }

        // The answer still counts; only the words go.
        feedback.Comment = null;
        await database.SaveChangesAsync();
        await audit.RecordAsync(AuditEvents.FeedbackCommentDeleted, me.Email, $"deleted a reader's comment on {feedback.Slug} (answer {feedback.Id})");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        MayDelete = (await authorization.AuthorizeAsync(User, StaffPolicies.ReviewerOrAdmin)).Succeeded;
        Comments = await database.ArticleFeedback.AsNoTracking().Where(f => f.Comment != null)
            .OrderByDescending(f => f.On).ThenByDescending(f => f.Id).Take(Shown).ToListAsync();
    }
}
