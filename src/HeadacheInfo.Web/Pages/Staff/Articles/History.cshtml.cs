using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>
/// Every version of one article, newest first: view one, compare it with what is published, restore it (a new
/// draft reviewed like any other) or put back one approved before. Reviewers confirm the article still
/// accurate, or take it down, here. The rules are the workflow's.
/// </summary>
[AcceptsFormPost]
public sealed class HistoryModel(
    ArticleQueries queries, ArticleActions actions, ScheduledPublishing schedules, UserManager<StaffUser> users, PageFeedback feedback, StaffNames names, IAuthorizationService authorization)
    : PageModel
{
    /// <summary>The article's title as patients see it, or as its latest change has it; the address only when neither has one.</summary>
    public string ArticleTitle => PublishedDraft?.Title is { Length: > 0 } published ? published
        : Revisions.Select(r => string.IsNullOrEmpty(r.Text) ? null : ArticleDraft.FromMarkdown(r.Text)?.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? Slug;

    /// <summary>A person's name and title, by the e-mail address a revision keeps.</summary>
    public Func<string?, string> Name { get; private set; } = email => email ?? string.Empty;

    [FromRoute] public string Slug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)] public long? Show { get; set; }

    [BindProperty(SupportsGet = true)] public long? Compare { get; set; }

    /// <summary>The version whose put-back is being confirmed (<c>?putback=ID</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "putback")] public long? PutBackId { get; set; }

    public ArticleRevision? PutBack { get; private set; }

    /// <summary>What putting <see cref="PutBack"/> back would change on the site, as the review page shows a change.</summary>
    public ProseChange? PutBackChanges { get; private set; }

    [BindProperty] public long RevisionId { get; set; }

    /// <summary>Why the article is coming off the site: asked on the confirmation step, kept in its history.</summary>
    [BindProperty] public string? Reason { get; set; }

    /// <summary>When the article comes off the site by itself, as the <c>datetime-local</c> field sends it in the clinic's zone.</summary>
    [BindProperty] public string? TakeDownAt { get; set; }

    /// <summary>Where the article stands: its change approved for later and its take-down date, if any.</summary>
    public ArticleState? State { get; private set; }

    /// <summary>The clinic's time zone, in which times are typed and shown.</summary>
    public TimeZoneInfo ClinicZone => queries.ClinicZone;

    /// <summary>The take-down's confirmation step is showing.</summary>
    [BindProperty(SupportsGet = true)] public bool TakeDown { get; set; }

    /// <summary>The published articles that link here, when a take-down was refused for them.</summary>
    public IReadOnlyList<HeadacheInfo.Web.Articles.Article> LinkedFrom { get; private set; } = [];

    /// <summary>The fingerprint of the published text the reviewer read before confirming it.</summary>
    [BindProperty] public string? PublishedFingerprint { get; set; }

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    /// <summary>The readers' comments each revision answered, as staff marked them "dealt with".</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ArticleFeedback>> Answered { get; private set; } = new Dictionary<long, IReadOnlyList<ArticleFeedback>>();

    public ArticleRevision? Shown { get; private set; }

    public string? ShownText { get; private set; }

    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public bool Published { get; private set; }

    public string CurrentFingerprint { get; private set; } = string.Empty;

    /// <summary>The published file's fields, for its sign-off line.</summary>
    public ArticleDraft? PublishedDraft { get; private set; }

    /// <summary>The published text is the one a clinician signed off (see <see cref="HeadacheInfo.Web.Articles.SignOff"/>).</summary>
    public bool PublishedSignedOff { get; private set; }

    /// <summary>The signed-in person may confirm the published text still accurate: a reviewer who did not write it.</summary>
    public bool CanConfirm { get; private set; }

    /// <summary>The signed-in person may cancel a change approved for later.</summary>
    public bool CanCancelSchedule { get; private set; }

    /// <summary>The signed-in person may take the article off the site now.</summary>
    public bool CanTakeDown { get; private set; }

    /// <summary>The signed-in person may set, change or cancel the date it comes off the site.</summary>
    public bool CanScheduleTakeDown { get; private set; }

    /// <summary>The signed-in person may put back a version approved before.</summary>
    public bool MayRollBack { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Revisions.Count == 0 && !Published ? NotFound() : Page();
    }

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public Task<IActionResult> OnPostRestoreAsync() => ActAsync(me => actions.RestoreAsync(Slug, RevisionId, me));

    public Task<IActionResult> OnPostRollbackAsync() => ActAsync(me => actions.RollBackAsync(Slug, RevisionId, me));

    public Task<IActionResult> OnPostConfirmAsync() => ActAsync(me => actions.ConfirmAsync(Slug, PublishedFingerprint ?? string.Empty, me));

    public Task<IActionResult> OnPostUnpublishAsync() => ActAsync(me => actions.TakeDownAsync(Slug, Reason, me));

    public Task<IActionResult> OnPostCancelScheduleAsync() => ActAsync(me => schedules.CancelScheduleAsync(Slug, me));

    public Task<IActionResult> OnPostScheduleTakeDownAsync() => ActAsync(me => schedules.ScheduleTakeDownAsync(Slug, TakeDownAt, Reason, me));

    public Task<IActionResult> OnPostCancelTakeDownAsync() => ActAsync(me => schedules.CancelTakeDownAsync(Slug, me));

    private async Task<IActionResult> ActAsync(Func<StaffUser, Task<WorkflowResult>> act)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        var result = await act(me);
        if (this.Show(result, done => Message = done, refused => (Problem, LinkedFrom) = (refused.Message, refused.LinkedFrom)) is { } answer)
        {
            return answer;
        }

        // After a take-down is done, its confirmation step is done too.
        TakeDown = TakeDown && !result.Succeeded;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (!HeadacheInfo.Web.Articles.Slug.IsValid(Slug))
        {
            return;
        }

        Revisions = await queries.HistoryAsync(Slug);
        Name = await names.LoadAsync();
        Answered = await feedback.AnsweredAsync(Slug);
        State = await queries.StateAsync(Slug);
        var published = queries.PublishedText(Slug);
        Published = published is not null;
        CurrentFingerprint = ArticleFile.ContentHash(published);
        PublishedDraft = published is null ? null : ArticleDraft.FromMarkdown(published);
        PublishedSignedOff = published is not null && HeadacheInfo.Web.Articles.SignOff.Holds(Slug, published);
        Shown = Revisions.FirstOrDefault(r => r.Id == (Show ?? Compare));
        ShownText = Shown is null ? null : ProseChange.WithoutFingerprint(await queries.TextOfAsync(Shown));
        if (Compare is not null && ShownText is not null)
        {
            Changes = ProseChange.MarkdownLines(published, ShownText);
        }

        PutBack = Revisions.FirstOrDefault(r => r.Id == PutBackId);
        PutBackChanges = PutBack is null ? null
            : ProseChange.Between(published, PutBack.Text, text => queries.Check(Slug, text).Article, ContentStore.For(HttpContext).CategoryList, added: "that come back", removed: "that go");
        // A confirmation waits while a change does: the rules say so, and the page asks them with the state.
        CanConfirm = Published && await authorization.MayAsync(User, EditorialAction.Confirm, await queries.PublishedAuthorsAsync(Slug),
            State is null ? null : ChangeStates.Parse(State.Status));
        CanCancelSchedule = await authorization.MayAsync(User, EditorialAction.CancelSchedule);
        CanTakeDown = await authorization.MayAsync(User, EditorialAction.TakeDown);
        CanScheduleTakeDown = await authorization.MayAsync(User, EditorialAction.ScheduleTakeDown);
        MayRollBack = await authorization.MayAsync(User, EditorialAction.RollBack);
    }

    /// <summary>A version approved before, other than what is live: a reviewer may put it back at once.</summary>
    public bool CanRollBack(ArticleRevision revision) =>
        MayRollBack && revision.Action is RevisionActions.Approved or RevisionActions.RolledBack or RevisionActions.Confirmed &&
        ArticleFile.ContentHash(revision.Text) != CurrentFingerprint;
}
