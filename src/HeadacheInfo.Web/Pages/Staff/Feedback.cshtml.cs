using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// What readers wrote in "What was missing or unclear?", newest first. Reviewers and admins can delete a comment;
/// any member of staff can close an open "No" comment (the rules are <see cref="FeedbackFollowUp"/>'s).
/// </summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class FeedbackModel(StaffDbContext database, UserManager<StaffUser> users, IAuthorizationService authorization, AuditLog audit, FeedbackFollowUp followUp)
    : PageModel
{
    public const int Shown = 200;

    [BindProperty] public long FeedbackId { get; set; }

    /// <summary>The article the closing form was about.</summary>
    [BindProperty] public string? Slug { get; set; }

    [BindProperty] public string? ResolutionNote { get; set; }

    [BindProperty] public long? AnsweredByRevision { get; set; }

    public IReadOnlyList<ArticleFeedback> Comments { get; private set; } = [];

    /// <summary>The revisions each article's open comments can be marked as answered by.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RevisionChoice>> Choices { get; private set; } = new Dictionary<string, IReadOnlyList<RevisionChoice>>();

    public bool MayDelete { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

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

    public Task<IActionResult> OnPostDealtWithAsync() => CloseAsync(FeedbackResolutions.DealtWith);

    public Task<IActionResult> OnPostNoChangeNeededAsync() => CloseAsync(FeedbackResolutions.NoChangeNeeded);

    private async Task<IActionResult> CloseAsync(string resolution)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        var result = await followUp.CloseAsync(Slug ?? string.Empty, FeedbackId, resolution, ResolutionNote, AnsweredByRevision, me);
        if (this.Show(result, done => Message = done, refused => Problem = refused.Message) is { } answer)
        {
            return answer;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        MayDelete = (await authorization.AuthorizeAsync(User, StaffPolicies.ReviewerOrAdmin)).Succeeded;
        Comments = await database.ArticleFeedback.AsNoTracking().Where(f => f.Comment != null)
            .OrderByDescending(f => f.On).ThenByDescending(f => f.Id).Take(Shown).ToListAsync();
        Choices = await followUp.ChoicesAsync(Comments.Where(IsOpen).Select(f => f.Slug));
    }

    public static bool IsOpen(ArticleFeedback feedback) => !feedback.Helpful && feedback.Comment is not null && feedback.Resolution is null;
}
