using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// What readers wrote in "What was missing or unclear?", newest first. Reviewers and admins can delete a comment;
/// any member of staff can close an open "No" comment (the rules are <see cref="FeedbackFollowUp"/>'s).
/// </summary>
[AcceptsFormPost]
public sealed class FeedbackModel(PageFeedback feedback, UserManager<StaffUser> users, IAuthorizationService authorization, FeedbackFollowUp followUp)
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

        // The answer still counts; only the words go.
        if (!await feedback.DeleteCommentAsync(FeedbackId, me.Email))
        {
            return NotFound();
        }

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
        Comments = await feedback.CommentsAsync(Shown);
        Choices = await followUp.ChoicesAsync(Comments.Where(IsOpen).Select(f => f.Slug));
    }

    public static bool IsOpen(ArticleFeedback comment) => PageFeedback.IsOpen(comment);
}
