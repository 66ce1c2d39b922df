using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Reviews;

/// <summary>
/// One change, for a clinician to read: what changed, line by line, the preview, the checker's findings, who
/// wrote it and the author's note. The decisions and their rules are the workflow's.
/// </summary>
[AcceptsFormPost]
public sealed class ReviewModel(ArticleQueries queries, ArticleActions actions, UserManager<StaffUser> users, IAuthorizationService authorization) : PageModel
{
    [FromRoute] public long Id { get; set; }

    [BindProperty] public string? Comment { get; set; }

    /// <summary>The reviewer read the whole article, not only the change: the review dates move on.</summary>
    [BindProperty] public bool WholeArticleReviewed { get; set; }

    /// <summary>When the change goes live, as the <c>datetime-local</c> field sends it in the clinic's zone; empty for now.</summary>
    [BindProperty] public string? PublishAt { get; set; }

    /// <summary>The clinic's time zone, in which the time is read.</summary>
    public string ClinicZone => queries.ClinicZone.Id;

    /// <summary>The article as prose, paragraph by paragraph, with the words added and removed marked.</summary>
    public IReadOnlyList<IReadOnlyList<DiffWords>> Prose { get; private set; } = [];

    /// <summary>The front matter fields that changed, by name.</summary>
    public IReadOnlyList<FieldChange> FieldChanges { get; private set; } = [];

    /// <summary>The published article has a clinician's sign-off; when it has not, approving signs off the whole article.</summary>
    public bool PublishedSignedOff { get; private set; }

    public ArticleRevision Revision { get; private set; } = null!;

    public IReadOnlyList<DiffLine> Changes { get; private set; } = [];

    public DraftCheck Check { get; private set; } = null!;

    public bool Waiting { get; private set; }

    public bool IsNew { get; private set; }

    /// <summary>Everyone who wrote part of this change: none of them may decide on it.</summary>
    public IReadOnlyList<string> Contributors { get; private set; } = [];

    /// <summary>The pictures this change would put on the site first, each with who uploaded it.</summary>
    public IReadOnlyList<PictureGoingLive> PicturesGoingLive { get; private set; } = [];

    /// <summary>The signed-in person may approve or return it: a reviewer who wrote none of it.</summary>
    public bool CanDecide { get; private set; }

    public string? Problem { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(me => actions.ApproveAsync(Id, Comment, me, WholeArticleReviewed, PublishAt));

    public Task<IActionResult> OnPostReturnAsync() => DecideAsync(me => actions.ReturnAsync(Id, Comment, me));

    private async Task<IActionResult> DecideAsync(Func<StaffUser, Task<WorkflowResult>> decide)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        var result = await decide(me);
        if (this.Show(result, done => Message = done, refused => Problem = refused.Message) is { } answer)
        {
            return answer;
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await queries.FindAsync(Id) is not { Action: RevisionActions.Submitted } revision)
        {
            return false;
        }

        Revision = revision;
        var state = await queries.StateAsync(revision.Slug);
        Waiting = state is { Status: ChangeStatus.Waiting } && state.DraftRevisionId == revision.Id;
        var published = queries.PublishedText(revision.Slug);
        IsNew = published is null;
        Changes = ProseChange.MarkdownLines(published, revision.Text);
        Check = queries.Check(revision.Slug, revision.Text);
        var before = published is null ? null : queries.Check(revision.Slug, published).Article;
        PublishedSignedOff = before?.FrontMatter.ClinicallySignedOff == true;
        Prose = ProseDiff.Paragraphs(before, Check.Article);
        FieldChanges = ProseDiff.Fields(published, revision.Text, Web.Articles.ContentStore.For(HttpContext).CategoryList);
        Contributors = await queries.ContributorsAsync(revision.Slug);
        PicturesGoingLive = await queries.PicturesGoingLiveAsync(revision.Text);
        CanDecide = Waiting && await authorization.MayAsync(User, EditorialAction.Decide, Contributors);
        return true;
    }
}
