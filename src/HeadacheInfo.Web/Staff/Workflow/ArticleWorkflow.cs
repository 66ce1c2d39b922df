using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// The article workflow: every rule about who may do what to an article, each action in one database
/// transaction against the article's state row, whose concurrency token lets only one of two people acting at
/// once succeed. Revisions are never changed; a decision points at the revision it decided. An approval, a
/// roll-back, a confirmation or a take-down publishes as rows in the publish log; only its applier writes the folder.
/// </summary>
public sealed partial class ArticleWorkflow(
    StaffDbContext database,
    IArticleFileStore files,
    IOptions<ContentOptions> content,
    IOptions<ReviewOptions> review,
    IOptions<ClinicOptions> clinic,
    ArticleParser parser,
    ContentStore store,
    ContentImages images,
    UserManager<StaffUser> users,
    ArticleLocks locks,
    DraftRenderCache rendered,
    TimeProvider time,
    WorkflowMail mail,
    PublishChannel channel,
    IHttpContextAccessor http,
    ArticleActionRunner runner,
    ArticleStateRows stateRows,
    PublishedPictures publishedPictures,
    ILogger<ArticleWorkflow> logger)
{
    public DateOnly Today => time.UtcToday();

    /// <summary>The published file's text, or null when there is none or the site would refuse it.</summary>
    public string? PublishedText(string slug) => files.Read(slug).Text;

    public Task<ArticleRevision?> FindAsync(long id) => database.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);

    public async Task<IReadOnlyList<ArticleRevision>> HistoryAsync(string slug) =>
        await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug).OrderByDescending(r => r.Id).ToListAsync();

    /// <summary>The text a revision stands for: its own, or for a return, the text it sent back.</summary>
    public async Task<string> TextOfAsync(ArticleRevision revision) =>
        revision.Text.Length > 0 || revision.SubjectRevisionId is not { } subject
            ? revision.Text
            : (await FindAsync(subject))?.Text ?? string.Empty;

    /// <summary>Where an article stands, or null when the workflow has never seen it.</summary>
    public async Task<ArticleState?> StateAsync(string slug) =>
        Slug.IsValid(slug) ? await EnsureStateAsync(slug, tracked: false) : null;

    /// <summary>The latest revision of the change in progress on an article, if any.</summary>
    public async Task<ArticleRevision?> DraftAsync(string slug) =>
        await StateAsync(slug) is { DraftRevisionId: { } id } ? await FindAsync(id) : null;

    /// <summary>Every change waiting for review, oldest first.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> WaitingAsync()
    {
        var ids = await database.ArticleStates.AsNoTracking().Where(s => s.Status == ChangeStatus.Waiting && s.DraftRevisionId != null)
            .Select(s => s.DraftRevisionId!.Value).ToListAsync();
        return await database.ArticleRevisions.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>
    /// Everyone who wrote part of the change in progress: every save and submission since the article was last
    /// published through the workflow, and whoever uploaded a picture it would put on the site for the first
    /// time (a picture is part of the text that first shows it). None of them may approve it.
    /// </summary>
    public async Task<IReadOnlyList<string>> ContributorsAsync(string slug)
    {
        var writers = (await ContributorsAsync(database, [slug])).GetValueOrDefault(slug) ?? [];
        var uploaders = await DraftAsync(slug) is { } draft ? (await PicturesGoingLiveAsync(await TextOfAsync(draft))).Select(p => p.UploadedBy) : [];
        return [.. writers.Union(uploaders, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    /// <summary>The contributors to the change in progress on each of these articles (see <see cref="Authorship"/>).</summary>
    internal static async Task<Dictionary<string, List<string>>> ContributorsAsync(StaffDbContext database, IReadOnlyList<string> slugs) =>
        (await HistoriesAsync(database, slugs)).ToDictionary(h => h.Key, h => h.Value.ChangeInProgress().ToList(), StringComparer.Ordinal);

    /// <summary>Who wrote the published text: they may not confirm it still accurate, as they could not approve it.</summary>
    public async Task<IReadOnlyList<string>> PublishedAuthorsAsync(string slug) =>
        (await HistoriesAsync(database, [slug])).GetValueOrDefault(slug)?.Published() ?? [];

    private static async Task<Dictionary<string, Authorship>> HistoriesAsync(StaffDbContext database, IReadOnlyList<string> slugs) =>
        (await database.ArticleRevisions.AsNoTracking().Where(r => slugs.Contains(r.Slug))
            .Select(r => new { r.Slug, Step = new RevisionStep(r.Id, r.Action, r.Author, r.SubjectRevisionId) }).ToListAsync())
        .GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => new Authorship([.. g.Select(r => r.Step)]), StringComparer.Ordinal);

    /// <summary>
    /// Renders a text with the site's own pipeline and runs the same checks as check-content on it. A text is
    /// rendered once (kept while unchanged, for the day), so opening a review again costs nothing; whatever
    /// goes wrong becomes a checker error, never a failed request.
    /// </summary>
    public DraftCheck Check(string slug, string text) => Check(slug, text, uploading: null);

    /// <param name="uploading">A picture being uploaded with this text, not in the database yet.</param>
    private DraftCheck Check(string slug, string text, RevisionPicture? uploading)
    {
        var file = $"{ContentLoader.ArticlesFolder}/{slug}{ContentLoader.ArticleExtension}";
        var today = Today;
        var drafted = DraftPictures(text, uploading);
        // The pictures found are part of what was checked: a picture uploaded later is checked afresh.
        var found = string.Join('|', drafted.Keys.Order(StringComparer.Ordinal));
        var (article, onItsOwn) = rendered.Cache.GetOrCreate((nameof(ArticleWorkflow), slug, ArticleFile.ContentHash(text), today, found), entry =>
        {
            entry.SetSize(1).SetSlidingExpiration(TimeSpan.FromMinutes(30));
            try
            {
                // A render for a request stops when the request is aborted (the parser has its own deadline too).
                var parsed = parser.Parse(file, slug, text, http.HttpContext?.RequestAborted ?? CancellationToken.None);
                return parsed.Article is { } parsedArticle
                    ? (parsedArticle, ContentChecker.CheckOnItsOwn(parsedArticle, content.Value.FullPath, today, clinic.Value, text, drafted.GetValueOrDefault))
                    : ((Article?)null, new FileCheck(file, null, [.. parsed.Problems.Select(p => new CheckFinding(FindingSeverity.Error, p.Line, p.Reason))]));
            }
#pragma warning disable CA1031 // Whatever a text does to the renderer, the author's words are saved and the fault is shown as a finding.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRenderFailed(slug, ex.GetType().Name, ex.Message);
                return ((Article?)null, new FileCheck(file, null, [new CheckFinding(FindingSeverity.Error, null,
                    $"the article could not be rendered ({ex.GetType().Name}); simplify the part you changed last")]));
            }
        });

        if (article is null)
        {
            return new DraftCheck(null, onItsOwn.Findings);
        }

        var snapshot = store.Current;
        Article? Find(string other) => other == slug ? article : snapshot.Find(other) ?? snapshot.Drafts.FirstOrDefault(d => d.Slug == other);
        return new DraftCheck(article, ContentChecker.CheckArticle(article, Find, onItsOwn).Findings);
    }

    /// <summary>What the editor opens: the change in progress if there is one, else the published text, with what the author should know.</summary>
    public async Task<EditorStart?> StartEditingAsync(string slug, StaffUser me)
    {
        var state = await StateAsync(slug);
        var file = files.Read(slug);
        if (file.Problem is { } refused)
        {
            return new EditorStart(null, null, 0, string.Empty, null,
                [$"The site does not serve this article's file, so it cannot be edited here until it is fixed on the server: {refused}"]);
        }

        var published = file.Text;
        var draft = state?.DraftRevisionId is { } id ? await FindAsync(id) : null;
        if (draft is null && published is null && !await HasHistoryAsync(slug))
        {
            return null;
        }

        var notices = new List<string>();
        string? status = null;
        if (draft is not null)
        {
            if (state!.Status == ChangeStatus.Returned && await ReturnNoteAsync(slug, draft.Id) is { } comment)
            {
                status = $"The reviewer sent this back: {comment}";
            }
            else if (state.Status == ChangeStatus.Waiting)
            {
                status = "This change is waiting for review. Saving again takes it back to a draft.";
            }

            if (!string.Equals(draft.Author, me.Email, StringComparison.OrdinalIgnoreCase))
            {
                notices.Add($"This draft was last saved by {draft.Author}, not by you. What you save and send is yours too: a reviewer who wrote any of it cannot approve it.");
            }

            if (draft.BaseHash != ArticleFile.ContentHash(published))
            {
                notices.Add("This draft was based on an older version of the published article, which has changed since. Compare them on the History page before you send it.");
            }
        }

        // An article taken off the site starts from the text it had when it came off.
        var offSite = draft is null && published is null
            ? await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug && r.Action == RevisionActions.Unpublished)
                .OrderByDescending(r => r.Id).Select(r => r.Text).FirstOrDefaultAsync()
            : null;
        if (offSite is not null)
        {
            notices.Add("This article is off the site. This is the text it had when it came off; what you save is a draft, and it goes back on the site only when a reviewer approves it.");
        }

        if (state is { ScheduledRevisionId: not null, PublishAt: { } goesLive, ScheduleProblem: null })
        {
            notices.Add($"A change to this article was approved to go live on {ClinicTime.Describe(goesLive, clinic.Value.FindZone())}. " +
                "You are editing the version on the site now; once that change is live, yours will need looking at again before it can be approved.");
        }

        var text = draft?.Text ?? published ?? offSite;
        var fields = text is null ? null : ArticleDraft.FromMarkdown(text);
        return new EditorStart(fields, fields is null ? text : null, draft?.Id ?? 0, draft?.BaseHash ?? ArticleFile.ContentHash(published), status, notices)
            { ReaderNote = draft?.ReaderNote };
    }

    /// <summary>The text the form would save, as the site renders it and the checker finds it; nothing is kept.</summary>
    public async Task<(string? Text, DraftCheck? Check, IReadOnlyList<string> Problems)> PreviewAsync(ArticleEdit edit)
    {
        if (!Slug.IsValid(edit.Slug))
        {
            return (null, null, ["The web address must use only lowercase letters, numbers and single hyphens, such as neck-exercises."]);
        }

        var published = files.Read(edit.Slug);
        if (!edit.IsNew && !published.Exists && !await HasHistoryAsync(edit.Slug))
        {
            return (null, null, [$"There is no article at /articles/{edit.Slug}."]);
        }

        var fields = FieldsOf(edit, published.Text);
        if (FormProblems(edit, fields) is { Count: > 0 } problems)
        {
            return (null, null, problems);
        }

        var draft = edit.StartedFrom > 0 ? await FindAsync(edit.StartedFrom) : null;
        var text = fields.ApplyTo(draft?.Slug == edit.Slug ? draft.Text : published.Text);
        return (text, Check(edit.Slug, text), []);
    }

    /// <summary>Every field of the form, the note for readers too: the same for a preview as for a save.</summary>
    private static List<string> FormProblems(ArticleEdit edit, ArticleDraft fields) =>
        [.. fields.Problems(), .. ArticleChanges.Problem(edit.ReaderNote) is { } note ? [note] : Array.Empty<string>()];

    /// <summary>Saves the author's text as a draft, or sends it for review. The words are kept whatever else happens.</summary>
    public Task<WorkflowResult> SaveAsync(ArticleEdit edit, StaffUser author, bool send) => SaveAsync(edit, author, send, picture: null);

    /// <param name="picture">A picture uploaded with this save, kept with the revision it makes.</param>
    private async Task<WorkflowResult> SaveAsync(ArticleEdit edit, StaffUser author, bool send, RevisionPicture? picture)
    {
        if (!Slug.IsValid(edit.Slug))
        {
            return edit.IsNew
                ? WorkflowResult.Invalid("The web address must use only lowercase letters, numbers and single hyphens, such as neck-exercises.")
                : WorkflowResult.NotFound("There is no such article.");
        }

        return await runner.RunAsync(edit.Slug, author.Email, action => SaveCheckedAsync(action, edit, author, send, picture),
            "Someone else saved this article at the same moment, so nothing was saved. Your text is still in the form: press Save draft again.");
    }

    private async Task<WorkflowResult> SaveCheckedAsync(ArticleAction action, ArticleEdit edit, StaffUser author, bool send, RevisionPicture? picture)
    {
        // Read under the article's lock, so an approval cannot change the file between this read and the save.
        var published = files.Read(edit.Slug);
        if (edit.IsNew && published.Exists)
        {
            return WorkflowResult.Invalid($"There is already an article at /articles/{edit.Slug}. Choose another web address, or edit that article.");
        }

        if (!edit.IsNew && !published.Exists && !await HasHistoryAsync(edit.Slug))
        {
            return WorkflowResult.NotFound($"There is no article at /articles/{edit.Slug}.");
        }

        // A new article's first save must not take over someone's draft, or an article taken off the site, at the same address.
        if (edit.IsNew && edit.StartedFrom == 0 && await HasHistoryAsync(edit.Slug))
        {
            return WorkflowResult.Invalid($"There is already an article at /articles/{edit.Slug}: a draft, or one taken off the site. " +
                "Choose another web address, or open that article from the dashboard.");
        }

        if (published.Problem is { } refused)
        {
            return WorkflowResult.Invalid($"The published file cannot be edited here: {refused}");
        }

        var fields = FieldsOf(edit, published.Text);
        if (FormProblems(edit, fields) is { Count: > 0 } problems)
        {
            return WorkflowResult.Invalid("Some fields need changing before this can be saved.") with { Problems = problems };
        }

        var state = action.State;
        var current = state.DraftRevisionId is { } draftId ? await FindAsync(draftId) : null;
        // The author's own formatting is kept: the draft they continue, else the published file, is the base.
        var baseText = current is not null && current.Id == edit.StartedFrom ? current.Text : published.Text;
        var text = fields.ApplyTo(baseText);
        var check = Check(edit.Slug, text, picture);
        var publishedHash = ArticleFile.ContentHash(published.Text);
        var baseHash = edit.BaseHash ?? string.Empty;
        if (picture is not null)
        {
            action.Pictures.Add(picture);
        }

        action.ReturnsRevision = true;
        action.KeepsWork = true;

        // A conflict is decided from what the author started from and their own last save, never from a counter.
        var publishedChanged = baseHash != publishedHash;
        var someoneElseSaved = current is not null && current.Id != edit.StartedFrom &&
            !string.Equals(current.Author, author.Email, StringComparison.OrdinalIgnoreCase);
        if (publishedChanged || someoneElseSaved)
        {
            state.Save(text, baseHash, author.Email!, edit.Note, edit.ReaderNote, DraftOrigin.BesideNewerChange);
            return WorkflowResult.Conflict(someoneElseSaved
                ? $"{current!.Author} saved a version of this article after you opened it. Your text is saved too; compare the two below, then keep yours (adding anything of theirs you need)."
                : "The published article changed after you opened it. Your text is saved; compare below, then keep yours (adding anything that changed that you need).")
                with { Theirs = someoneElseSaved ? current!.Text : published.Text ?? string.Empty, BaseHash = publishedHash };
        }

        var sending = send && !check.HasErrors;
        if (sending)
        {
            state.Send(text, baseHash, author.Email!, edit.Note, edit.ReaderNote);
        }
        else
        {
            state.Save(text, baseHash, author.Email!, edit.Note, edit.ReaderNote);
        }

        if (send && !sending)
        {
            return WorkflowResult.Invalid("Fix the errors the checker found before sending this for review. Your text is saved as a draft.")
                with { BaseHash = baseHash };
        }

        return WorkflowResult.Done(sending
            ? "Sent for review. A reviewer will read it before patients see it."
            : DraftSaved) with { BaseHash = baseHash };
    }

    /// <summary>What a plain save says; a step that saves as part of something else says it in its own words instead.</summary>
    private const string DraftSaved = "Draft saved. Patients do not see it until a reviewer approves it.";

    /// <summary>Sends a change back to its author with the reviewer's comment.</summary>
    public async Task<WorkflowResult> ReturnAsync(long revisionId, string? comment, StaffUser reviewer)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return WorkflowResult.Invalid("Say what needs changing before you return it.");
        }

        return await DecideAsync(revisionId, reviewer, DecisionConflict, (submitted, action) =>
            Task.FromResult(action.State.Return(ArticleStateRows.ToModel(submitted), reviewer.Email!, comment.Trim()) is { } refused
                ? WorkflowResult.Conflict(RefusalWords.For(refused))
                : WorkflowResult.Done("Returned to the author with your comment.")));
    }

    /// <summary>
    /// Publishes a change waiting for review: exactly the text the reviewer read, with the review fields set,
    /// written atomically. Refused to anyone who wrote any of it, when the checker finds errors, and when the
    /// published text changed after the change was begun.
    /// </summary>
    /// <param name="wholeArticleReviewed">
    /// The reviewer read the whole article, not only the change: the review dates move on, as a confirmation's
    /// do. An article no clinician has signed off yet is always reviewed whole at its first approval.
    /// </param>
    /// <param name="publishAt">
    /// Empty to publish now; else a time in the clinic's zone, as a <c>datetime-local</c> field sends it: the
    /// approval is recorded now and the change goes live then (see <see cref="RunDueAsync"/>).
    /// </param>
    public async Task<WorkflowResult> ApproveAsync(long revisionId, string? comment, StaffUser reviewer, bool wholeArticleReviewed = false, string? publishAt = null)
    {
        var when = ClinicTime.Read(publishAt, clinic.Value.FindZone(), time.GetUtcNow());
        if (when.Problem is { } unusable)
        {
            return WorkflowResult.Invalid(unusable);
        }

        return await DecideAsync(revisionId, reviewer, when.At is null ? ArticleActionRunner.ChangedMeanwhile : DecisionConflict, async (submitted, action) =>
        {
            if (Check(submitted.Slug, submitted.Text).HasErrors)
            {
                return WorkflowResult.Invalid("The checker found errors, so this cannot be published. Return it to the author.");
            }

            var published = files.Read(submitted.Slug);
            if (submitted.BaseHash != ArticleFile.ContentHash(published.Text))
            {
                return WorkflowResult.Conflict("The published article changed after this was written, so approving it would lose that change. Return it so the author can look again.");
            }

            // Byte for byte what the reviewer read, but for the review fields and the author's reader note, which
            // joins the public change log dated the day it is published, inside what the sign-off fingerprints.
            var wasSignedOff = published.Text is { } live && SignOff.Holds(submitted.Slug, live);
            if (ArticleChanges.Add(submitted.Text, Today, submitted.ReaderNote) is not { } logged ||
                SignedOff(submitted.Slug, logged, reviewer, [(ArticleFields.Draft, "false")], reviewDates: wholeArticleReviewed || !wasSignedOff) is not { } text)
            {
                return WorkflowResult.Invalid("This text's front matter cannot be read, so it cannot be published. Return it to the author.");
            }

            // Queued now, while its writers are still the change in progress; saved with the state, in this transaction.
            await mail.ApprovedAsync(submitted, reviewer, comment, when.At is { } goesLive ? ClinicTime.Describe(goesLive, ClinicZone) : null);
            var decided = ArticleStateRows.ToModel(submitted);
            action.ReturnsRevision = true;
            if (when.At is { } at)
            {
                var described = ClinicTime.Describe(at, ClinicZone);
                var note = string.IsNullOrWhiteSpace(comment) ? $"approved revision {submitted.Id} to go live on {described}" : $"{comment.Trim()} (to go live on {described})";
                if (action.State.ApproveAt(decided, text, at, reviewer.Email!, note) is Refusal.AlreadyScheduled && action.State.PublishAt is { } other)
                {
                    return WorkflowResult.Conflict($"Another change to this article is already approved to go live on {ClinicTime.Describe(other, ClinicZone)}. " +
                        "Cancel that one on the article's history page first, or publish this one now.");
                }

                return WorkflowResult.Done($"Approved. It goes live on {described}; until then patients see the version on the site now." +
                    (when.Note is null ? string.Empty : " " + when.Note));
            }

            action.State.ApproveNow(decided, text, reviewer.Email!, string.IsNullOrWhiteSpace(comment) ? $"approved revision {submitted.Id}" : comment.Trim());
            return WorkflowResult.Done("Approved and published. Patients will see it within a second or two.");
        });
    }

    /// <summary>
    /// "Confirm still accurate": a reviewer signs off the published text as it stands (the first sign-off, or
    /// a periodic review). Only the review fields change; every other byte of the file stays as it is.
    /// </summary>
    /// <param name="seenFingerprint">The fingerprint of the published text the reviewer read.</param>
    public async Task<WorkflowResult> ConfirmAsync(string slug, string seenFingerprint, StaffUser reviewer)
    {
        var actor = await EditorialActors.ForAsync(users, reviewer);
        if (EditorialRules.Check(EditorialAction.Confirm, actor) is { } notAReviewer)
        {
            return RefusalWords.Forbidden(notAReviewer, EditorialAction.Confirm);
        }

        if (!Slug.IsValid(slug))
        {
            return WorkflowResult.NotFound("There is no such article.");
        }

        return await runner.RunAsync(slug, reviewer.Email, async action =>
        {
            if (PublishedText(slug) is not { } text)
            {
                return WorkflowResult.Invalid("This article is not on the site, so there is nothing to confirm.");
            }

            if (ArticleFile.ContentHash(text) != seenFingerprint)
            {
                return WorkflowResult.Conflict("The published article changed after you opened this page. Read it again, then confirm.");
            }

            if (EditorialRules.Check(EditorialAction.Confirm, actor, [.. await PublishedAuthorsAsync(slug)], action.State.Status) is { } refused)
            {
                return refused == Refusal.ChangeWaiting
                    ? WorkflowResult.Conflict(RefusalWords.For(refused, EditorialAction.Confirm))
                    : RefusalWords.Forbidden(refused, EditorialAction.Confirm);
            }

            if (Check(slug, text).HasErrors)
            {
                return WorkflowResult.Invalid("The checker finds errors in this article, so it cannot be signed off. Fix them first.");
            }

            if (SignedOff(slug, text, reviewer, [], reviewDates: true) is not { } confirmed)
            {
                return WorkflowResult.Invalid("This article's front matter cannot be read, so it cannot be signed off here.");
            }

            return action.State.Confirm(text, confirmed, reviewer.Email!) is { } waiting
                ? WorkflowResult.Conflict(RefusalWords.For(waiting, EditorialAction.Confirm))
                : WorkflowResult.Done("Confirmed still accurate. The page now says who signed it off and when.");
        });
    }

    /// <summary>The published articles that link to this one: a take-down would break every one of those links.</summary>
    public IReadOnlyList<Article> LinkingTo(string slug)
    {
        var address = SitePaths.Article(slug);
        return [.. store.Current.Articles.Where(article => article.Slug != slug && article.Body.Links.Any(link =>
            link.Url.Split('#', '?')[0].TrimEnd('/').Equals(address, StringComparison.Ordinal)))];
    }

    /// <summary>
    /// Takes an article off the site, for a reason kept in the history and the audit log; its text is kept as a
    /// revision, so it can be brought back. Refused while other published articles link to it.
    /// </summary>
    public async Task<WorkflowResult> TakeDownAsync(string slug, string? reason, StaffUser reviewer)
    {
        if (EditorialRules.Check(EditorialAction.TakeDown, await EditorialActors.ForAsync(users, reviewer)) is { } refused)
        {
            return RefusalWords.Forbidden(refused, EditorialAction.TakeDown);
        }

        if (!Slug.IsValid(slug))
        {
            return WorkflowResult.NotFound("There is no such article.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowResult.Invalid("Say why it is coming off the site. The reason is kept in its history.");
        }

        if (reason.Length > 1000)
        {
            return WorkflowResult.Invalid("Keep the reason to 1,000 characters or fewer.");
        }

        if (LinkingTo(slug) is { Count: > 0 } linking)
        {
            return LinkedFrom(linking);
        }

        return await runner.RunAsync(slug, reviewer.Email, action =>
        {
            if (PublishedText(slug) is not { } text)
            {
                return Task.FromResult(WorkflowResult.Invalid("This article is not on the site."));
            }

            action.State.TakeDown(text, reviewer.Email!, $"taken off the site: {reason.Trim()}", reason.Trim());
            return Task.FromResult(WorkflowResult.Done("Taken off the site. Its history is kept, and it can be restored."));
        });
    }

    /// <summary>A take-down refused while published articles link to the article: patients following those links would find nothing.</summary>
    internal static WorkflowResult LinkedFrom(IReadOnlyList<Article> linking) =>
        WorkflowResult.Invalid("Other articles on the site link to this one, and patients following those links would find nothing. " +
            "Change each of them first, then take this one down.") with { LinkedFrom = linking };

    /// <summary>Makes a new draft from an old version, to be reviewed like any other change.</summary>
    public async Task<WorkflowResult> RestoreAsync(string slug, long revisionId, StaffUser author)
    {
        if (!Slug.IsValid(slug) || await FindAsync(revisionId) is not { } old || old.Slug != slug)
        {
            return WorkflowResult.NotFound("There is no such version of this article.");
        }

        var text = await TextOfAsync(old);
        return await runner.RunAsync(slug, author.Email, action =>
        {
            if (action.State.Restore(ArticleStateRows.ToModel(old), text, ArticleFile.ContentHash(PublishedText(slug)), author.Email!) is { } refused)
            {
                return Task.FromResult(WorkflowResult.Conflict(RefusalWords.For(refused)));
            }

            action.ReturnsRevision = true;
            return Task.FromResult(WorkflowResult.Done($"Revision {old.Id} is now a draft. Check it, then send it for review."));
        });
    }

    /// <summary>
    /// Puts back a version that was published before, at once: it was signed off then, so any reviewer may, with
    /// its review fields as they were. Anything never published still needs a reviewer who did not write it.
    /// </summary>
    public async Task<WorkflowResult> RollBackAsync(string slug, long revisionId, StaffUser reviewer)
    {
        if (EditorialRules.Check(EditorialAction.RollBack, await EditorialActors.ForAsync(users, reviewer)) is { } refused)
        {
            return RefusalWords.Forbidden(refused, EditorialAction.RollBack);
        }

        if (!Slug.IsValid(slug) || await FindAsync(revisionId) is not { } old || old.Slug != slug)
        {
            return WorkflowResult.NotFound("There is no such version of this article.");
        }

        if (!ArticleStateRows.ToModel(old).WasApproved)
        {
            return WorkflowResult.Invalid(RefusalWords.For(Refusal.NeverApproved));
        }

        return await runner.RunAsync(slug, reviewer.Email, action =>
        {
            var publishedHash = ArticleFile.ContentHash(PublishedText(slug));
            if (ArticleFile.ContentHash(old.Text) == publishedHash)
            {
                return Task.FromResult(WorkflowResult.Invalid(RefusalWords.For(Refusal.AlreadyLive)));
            }

            if (Check(slug, old.Text).HasErrors)
            {
                return Task.FromResult(WorkflowResult.Invalid("The checker finds errors in that version today, so it cannot be put back as it is. Restore it as a draft instead."));
            }

            if (action.State.RollBack(ArticleStateRows.ToModel(old), publishedHash, reviewer.Email!) is { } refused)
            {
                return Task.FromResult(WorkflowResult.Invalid(RefusalWords.For(refused)));
            }

            action.ReturnsRevision = true;
            return Task.FromResult(WorkflowResult.Done($"Revision {old.Id} is back on the site, as it was approved then."));
        });
    }

    /// <summary>
    /// Records a version for every article file whose text differs from what the workflow last published or
    /// recorded: edits made on disk, with an editor or git, so the history has no gaps. With PostgreSQL, a file
    /// is an edit on this disk when it differs both from what the log last wrote here and from the log's latest
    /// row for it (another instance's, not applied here yet); the edit then goes into the log for every instance.
    /// </summary>
    public async Task<int> RecordOutsideEditsAsync()
    {
        var problems = new List<ContentProblem>();
        var added = 0;
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, file) in files.List(problems))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!Slug.IsValid(slug))
            {
                continue;
            }

            onDisk.Add(slug);
            using var held = await locks.HoldAsync(slug);
            // A text the site cannot read is a problem on the dashboard (from the content store), not a version:
            // it is never sent, so every other instance keeps serving the last good one.
            if (files.ReadText(path, file, []) is not { } text || parser.Parse(file, slug, text).Article is null)
            {
                continue;
            }

            var hash = ArticleFile.ContentHash(text);
            var logged = await PublishChannel.LatestHashAsync(database, slug);
            // An article the log has never held (published before the log was SQLite's path too): its state row says.
            var known = channel.AppliedHash(slug) == hash || logged == hash || (logged is null && (await StateAsync(slug))?.PublishedHash == hash);
            if (!known)
            {
                added += await RecordOutsideEditAsync(slug, text) ? 1 : 0;
            }
        }

        // What was published here: what the log last left in this folder, and what the state rows say is published.
        var published = channel.PublishedHere().Union(
            await database.ArticleStates.AsNoTracking().Where(s => s.PublishedHash != string.Empty).Select(s => s.Slug).ToListAsync(), StringComparer.Ordinal);
        foreach (var slug in published.Where(slug => !onDisk.Contains(slug)))
        {
            using var held = await locks.HoldAsync(slug);
            added += await RecordOutsideDeletionAsync(slug) ? 1 : 0;
        }

        return added;
    }

    /// <summary>
    /// Records that a published article's file was deleted by hand: a take-down by "outside the app" (with
    /// PostgreSQL, as a row in the log, so the other instances take it down too). The caller holds the lock.
    /// With PostgreSQL, only once this instance has applied every row about the article: a file the log has
    /// not brought here yet is on its way, not deleted.
    /// </summary>
    internal async Task<bool> RecordOutsideDeletionAsync(string slug)
    {
        var latest = files.Read(slug).Exists ? long.MaxValue : await PublishChannel.LatestSeqAsync(database, slug);
        if (latest > channel.LastApplied)
        {
            return false;
        }

        var appliedHere = channel.AppliedHash(slug);
        try
        {
            var result = await runner.RunLockedAsync(slug, null, async action =>
            {
                // Published here: by the log's last row applied here, or, for an article the log never held, by its state row.
                if (appliedHere is null ? latest > 0 || action.State.PublishedHash.Length == 0 : appliedHere.Length == 0)
                {
                    return WorkflowResult.Invalid("It was not published here.");
                }

                var last = await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug && r.Text != string.Empty)
                    .OrderByDescending(r => r.Id).Select(r => r.Text).FirstOrDefaultAsync() ?? string.Empty;
                action.State.RecordOutsideDeletion(last, channel.Shared
                    ? $"deleted from the content folder on {channel.Instance}, not through the staff area"
                    : "deleted from the content folder, not through the staff area");
                return WorkflowResult.Done("Recorded.");
            });
            return result.Succeeded;
        }
        catch (DbUpdateException)
        {
            // Someone acted on the article at the same moment: the next look at the folder decides again.
            return false;
        }
        finally
        {
            database.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Records one article's text found on disk as a version by "outside the app" (with PostgreSQL, naming this
    /// instance, and as a row in the log). The caller holds the article's lock. Someone acting on the article at
    /// the same moment only delays it: it is tried again, so neither text is lost.
    /// </summary>
    internal async Task<bool> RecordOutsideEditAsync(string slug, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await runner.RunLockedAsync(slug, null, action =>
                {
                    action.State.RecordOutsideEdit(text, channel.Shared
                        ? $"changed in the content folder on {channel.Instance}, not through the staff area"
                        : "changed in the content folder, not through the staff area");
                    return Task.FromResult(WorkflowResult.Done("Recorded."));
                });
                if (result.Succeeded)
                {
                    return true;
                }

                if (attempt >= 5)
                {
                    throw new DbUpdateConcurrencyException(result.Message);
                }
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another instance recorded or published this article at the same moment: look again.
            }
            finally
            {
                database.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The text as a reviewer signs it off: the reviewer's title (never an email) and the fingerprint of exactly
    /// this text, so the page stops claiming the sign-off if the file changes later; and, for a review of the
    /// whole article, today and the next review date.
    /// </summary>
    private string? SignedOff(string slug, string text, StaffUser reviewer, (string Key, string YamlValue)[] more, bool reviewDates)
    {
        var title = reviewer.PublicTitle;
        (string Key, string YamlValue)[] dates = reviewDates
            ? [(ArticleFields.LastReviewed, Today.Iso()), (ArticleFields.NextReview, Today.AddMonths(review.Value.ReviewIntervalMonths).Iso())]
            : [];
        var reviewed = FrontMatterEditor.Set(text, [.. dates, (ArticleFields.Reviewer, FrontMatterEditor.Quote(title)), .. more]);
        return reviewed is null || ArticleFile.SignOffHash(slug, reviewed) is not { } signOffHash
            ? null
            : FrontMatterEditor.Set(reviewed, [(ArticleFields.ReviewFingerprint, FrontMatterEditor.Quote(signOffHash))]);
    }

    /// <summary>The form's fields as a draft; the review fields are never the author's to set, so they come from the file.</summary>
    private ArticleDraft FieldsOf(ArticleEdit edit, string? published)
    {
        var existing = published is null ? null : ArticleDraft.FromMarkdown(published);
        return new ArticleDraft(edit.Title ?? string.Empty, edit.Summary ?? string.Empty, edit.Category ?? string.Empty, edit.Order,
            [.. edit.References.Select(r => r.Trim()).Where(r => r.Length > 0)], string.IsNullOrWhiteSpace(edit.Author) ? null : edit.Author,
            existing?.Reviewer, edit.Body ?? string.Empty, existing?.LastReviewed ?? Today, existing?.NextReview ?? Today.AddYears(1),
            existing?.Draft ?? true);
    }

    /// <summary>What a decision says when someone else acted on the change at the same moment.</summary>
    private const string DecisionConflict = "Someone else acted on this change at the same moment. Open it again to see where it stands.";

    /// <summary>A decision on a change waiting for review: only by a reviewer who wrote none of it, only while it waits.</summary>
    private async Task<WorkflowResult> DecideAsync(long revisionId, StaffUser reviewer, string conflict,
        Func<ArticleRevision, ArticleAction, Task<WorkflowResult>> decide)
    {
        if (await FindAsync(revisionId) is not { Action: RevisionActions.Submitted } submitted)
        {
            return WorkflowResult.NotFound("There is no such change waiting for review.");
        }

        var actor = await EditorialActors.ForAsync(users, reviewer);
        if (EditorialRules.Check(EditorialAction.Decide, actor) is { } notAReviewer)
        {
            return RefusalWords.Forbidden(notAReviewer, EditorialAction.Decide);
        }

        return await runner.RunAsync(submitted.Slug, reviewer.Email, async action =>
        {
            var state = action.Exists ? action.State : null;
            if (EditorialRules.Check(EditorialAction.Decide, actor, null, state?.Status ?? ChangeState.None) is not null || state!.DraftRevisionId != submitted.Id)
            {
                var decided = await database.ArticleRevisions.AsNoTracking()
                    .Where(r => r.Slug == submitted.Slug && r.Id > submitted.Id)
                    .OrderBy(r => r.Id).Select(r => new { r.Action, r.Author, r.At }).FirstOrDefaultAsync();
                return WorkflowResult.Conflict(decided is null
                    ? RefusalWords.For(Refusal.NotWaiting)
                    : $"{RefusalWords.For(Refusal.NotWaiting).TrimEnd('.')}: {decided.Author} {decided.Action switch { RevisionActions.Approved => "approved and published it", RevisionActions.Scheduled => "approved it to go live later", RevisionActions.Returned => "returned it", _ => "changed it again" }} " +
                      $"at {decided.At:HH:mm} on {decided.At:d MMMM yyyy} (UTC).");
            }

            if (EditorialRules.Check(EditorialAction.Decide, actor, [.. await ContributorsAsync(submitted.Slug)], state.Status) is { } wroteIt)
            {
                return RefusalWords.Forbidden(wroteIt, EditorialAction.Decide);
            }

            return await decide(submitted, action);
        }, conflict);
    }

    private Task<bool> HasHistoryAsync(string slug) => database.ArticleRevisions.AnyAsync(r => r.Slug == slug);

    private async Task<string?> ReturnNoteAsync(string slug, long submittedId) =>
        await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && r.Action == RevisionActions.Returned && (r.SubjectRevisionId == submittedId || r.Id > submittedId))
            .OrderByDescending(r => r.Id).Select(r => r.Note).FirstOrDefaultAsync();

    private Task<ArticleState?> EnsureStateAsync(string slug, bool tracked) => stateRows.EnsureAsync(slug, tracked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not render a draft of {Slug:l}: {Kind:l} {Reason}")]
    private partial void LogRenderFailed(string slug, string kind, string reason);
}
