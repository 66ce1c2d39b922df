using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// An author's side of the editor: what it opens with, a preview, and a save or a send, through the action
/// runner and the model's <see cref="EditorialState.Save"/> and <see cref="EditorialState.Send"/>. The author's
/// words are kept whatever else happens: a conflict or a checker error saves them all the same.
/// </summary>
public sealed class DraftEditing(
    ArticleQueries queries,
    IArticleFileStore files,
    StaffDbContext database,
    ArticleActionRunner runner,
    UserManager<StaffUser> users)
{
    /// <summary>What the editor opens: the change in progress if there is one, else the published text, with what the author should know.</summary>
    public async Task<EditorStart?> StartEditingAsync(string slug, StaffUser me)
    {
        var state = await queries.StateAsync(slug);
        var file = files.Read(slug);
        if (file.Problem is { } refused)
        {
            return new EditorStart(null, null, 0, string.Empty, null,
                [$"The site does not serve this article's file, so it cannot be edited here until it is fixed on the server: {refused}"]);
        }

        var published = file.Text;
        var draft = state?.DraftRevisionId is { } id ? await queries.FindAsync(id) : null;
        if (draft is null && published is null && !await queries.HasHistoryAsync(slug))
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
            notices.Add($"A change to this article was approved to go live on {ClinicTime.Describe(goesLive, queries.ClinicZone)}. " +
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
        if (!edit.IsNew && !published.Exists && !await queries.HasHistoryAsync(edit.Slug))
        {
            return (null, null, [$"There is no article at /articles/{edit.Slug}."]);
        }

        var fields = FieldsOf(edit, published.Text);
        if (FormProblems(edit, fields) is { Count: > 0 } problems)
        {
            return (null, null, problems);
        }

        var draft = edit.StartedFrom > 0 ? await queries.FindAsync(edit.StartedFrom) : null;
        var text = fields.ApplyTo(draft?.Slug == edit.Slug ? draft.Text : published.Text);
        return (text, queries.Check(edit.Slug, text), []);
    }

    /// <summary>Every field of the form, the note for readers too: the same for a preview as for a save.</summary>
    private List<string> FormProblems(ArticleEdit edit, ArticleDraft fields) =>
        [.. fields.Problems(queries.Categories), .. ArticleChanges.Problem(edit.ReaderNote) is { } note ? [note] : Array.Empty<string>()];

    /// <summary>Saves the author's text as a draft, or sends it for review. The words are kept whatever else happens.</summary>
    public Task<WorkflowResult> SaveAsync(ArticleEdit edit, StaffUser author, bool send) => SaveAsync(edit, author, send, picture: null);

    /// <param name="picture">A picture uploaded with this save, kept with the revision it makes.</param>
    internal async Task<WorkflowResult> SaveAsync(ArticleEdit edit, StaffUser author, bool send, RevisionPicture? picture)
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

        if (!edit.IsNew && !published.Exists && !await queries.HasHistoryAsync(edit.Slug))
        {
            return WorkflowResult.NotFound($"There is no article at /articles/{edit.Slug}.");
        }

        // A new article's first save must not take over someone's draft, or an article taken off the site, at the same address.
        if (edit.IsNew && edit.StartedFrom == 0 && await queries.HasHistoryAsync(edit.Slug) && !await OnlyDiscardedAsync(edit.Slug))
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
        var current = state.DraftRevisionId is { } draftId ? await queries.FindAsync(draftId) : null;
        // The author's own formatting is kept: the draft they continue, else the published file, is the base.
        var baseText = current is not null && current.Id == edit.StartedFrom ? current.Text : published.Text;
        var text = fields.ApplyTo(baseText);
        var check = queries.Check(edit.Slug, text, picture);
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

    /// <summary>
    /// Whether <paramref name="me"/> may discard the change in progress now (its writers or a reviewer, and only a
    /// draft or a returned change): what the editor asks before it shows the button, the same the discard asks.
    /// </summary>
    public async Task<Refusal?> DiscardRefusalAsync(string slug, StaffUser me)
    {
        var state = await queries.StateAsync(slug);
        var status = state is null ? ChangeState.None : ChangeStates.Parse(state.Status);
        return EditorialRules.Check(EditorialAction.Discard, await EditorialActors.ForAsync(users, me), await queries.ContributorsAsync(slug), status);
    }

    /// <summary>
    /// Throws away the draft or returned change in progress, as the editor showed it (<paramref name="seen"/>): the
    /// published version stays as it is; the history keeps the discarded text.
    /// </summary>
    public async Task<WorkflowResult> DiscardAsync(string slug, long seen, StaffUser me)
    {
        if (!Slug.IsValid(slug))
        {
            return WorkflowResult.NotFound("There is no such article.");
        }

        return await runner.RunAsync(slug, me.Email, async action =>
        {
            if (!action.Exists)
            {
                return WorkflowResult.NotFound($"There is no article at /articles/{slug}.");
            }

            var state = action.State;
            if (EditorialRules.Check(EditorialAction.Discard, await EditorialActors.ForAsync(users, me), await queries.ContributorsAsync(slug), state.Status) is { } refused)
            {
                return refused == Refusal.NotAWriter ? RefusalWords.Forbidden(refused, EditorialAction.Discard) : WorkflowResult.Conflict(RefusalWords.For(refused, EditorialAction.Discard));
            }

            // Only the draft the person was shown: one saved since may hold words they have not read.
            if (state.DraftRevisionId != seen)
            {
                return WorkflowResult.Conflict("Someone saved this draft after you opened it, so nothing was discarded. Read the newer version, then discard it if you still want to.");
            }

            state.Discard(me.Email!);
            return WorkflowResult.Done(files.Read(slug).Exists
                ? "Draft discarded. The published version stays as it is, and the form shows it again."
                : "Draft discarded. This article was never on the site, so nothing of it is left to edit; the history keeps its text.");
        });
    }

    /// <summary>What a plain save says; a step that saves as part of something else says it in its own words instead.</summary>
    internal const string DraftSaved = "Draft saved. Patients do not see it until a reviewer approves it.";

    /// <summary>The form's fields as a draft; the review fields are never the author's to set, so they come from the file.</summary>
    private ArticleDraft FieldsOf(ArticleEdit edit, string? published)
    {
        var existing = published is null ? null : ArticleDraft.FromMarkdown(published);
        return new ArticleDraft(edit.Title ?? string.Empty, edit.Summary ?? string.Empty, edit.Category ?? string.Empty, edit.Order,
            [.. edit.References.Select(r => r.Trim()).Where(r => r.Length > 0)], string.IsNullOrWhiteSpace(edit.Author) ? null : edit.Author,
            existing?.Reviewer, edit.Body ?? string.Empty, existing?.LastReviewed ?? queries.Today, existing?.NextReview ?? queries.Today.AddYears(1),
            existing?.Draft ?? true);
    }

    /// <summary>A new article whose only draft was discarded, never on the site: its address is free again.</summary>
    private async Task<bool> OnlyDiscardedAsync(string slug)
    {
        var actions = await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        return actions is [.., RevisionActions.Discarded] && actions.All(a => RevisionActions.IsInProgress(a) || a == RevisionActions.Discarded);
    }

    private async Task<string?> ReturnNoteAsync(string slug, long submittedId) =>
        await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && r.Action == RevisionActions.Returned && (r.SubjectRevisionId == submittedId || r.Id > submittedId))
            .OrderByDescending(r => r.Id).Select(r => r.Note).FirstOrDefaultAsync();
}
