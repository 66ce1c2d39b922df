using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>A change to an article, published or not yet; readers' open "No" comments on it beside the form.</summary>
[AcceptsFormPost]
[TakesUploads, RequestSizeLimit(MaxRequestBytes)]
public sealed class EditModel(
    ArticleQueries queries, DraftEditing drafts, PictureUploads pictures, UserManager<StaffUser> users, PageFeedback feedback, FeedbackFollowUp followUp,
    IAuthorizationService authorization)
    : ArticleEditorModel(queries, drafts, pictures, users)
{
    [FromRoute] public string Slug { get; set; } = string.Empty;

    public override string ArticleSlug => Slug;

    public override bool IsNew => false;

    /// <summary>Readers' "No" comments on this article that nobody has closed yet, oldest first.</summary>
    public IReadOnlyList<ArticleFeedback> OpenFeedback { get; private set; } = [];

    public IReadOnlyList<RevisionChoice> RevisionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Every answer of this page shows the open comments, whichever button was pressed.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && HeadacheInfo.Web.Articles.Slug.IsValid(Slug))
        {
            OpenFeedback = await feedback.OpenForAsync(Slug);
            MayDiscard = await Queries.StateAsync(Slug) is { Status: ChangeStatus.Draft or ChangeStatus.Returned } &&
                await authorization.MayAsync(User, HeadacheInfo.Editorial.EditorialAction.Discard, await Queries.ContributorsAsync(Slug));
            RevisionChoices = OpenFeedback.Count == 0 ? [] : (await followUp.ChoicesAsync([Slug])).GetValueOrDefault(Slug) ?? [];
        }
    }
}
