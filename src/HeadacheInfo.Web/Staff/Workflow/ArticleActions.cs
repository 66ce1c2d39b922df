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
/// A reviewer's actions on an article (return, approve now or at a time, confirm, take down, roll back) and
/// restoring an old version, each asked of <see cref="EditorialRules"/> and run through
/// <see cref="ArticleActionRunner"/> as one of the model's transitions.
/// </summary>
public sealed class ArticleActions(
    ArticleQueries queries,
    IOptions<ReviewOptions> review,
    UserManager<StaffUser> users,
    WorkflowMail mail,
    IArticleFileStore files,
    StaffDbContext database,
    TimeProvider time,
    ArticleActionRunner runner)
{
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
        var when = ClinicTime.Read(publishAt, queries.ClinicZone, time.GetUtcNow());
        if (when.Problem is { } unusable)
        {
            return WorkflowResult.Invalid(unusable);
        }

        return await DecideAsync(revisionId, reviewer, when.At is null ? ArticleActionRunner.ChangedMeanwhile : DecisionConflict, async (submitted, action) =>
        {
            if (queries.Check(submitted.Slug, submitted.Text).HasErrors)
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
            if (ArticleChanges.Add(submitted.Text, queries.Today, submitted.ReaderNote) is not { } logged ||
                SignedOff(submitted.Slug, logged, reviewer, [(ArticleFields.Draft, "false")], reviewDates: wholeArticleReviewed || !wasSignedOff) is not { } text)
            {
                return WorkflowResult.Invalid("This text's front matter cannot be read, so it cannot be published. Return it to the author.");
            }

            // Queued now, while its writers are still the change in progress; saved with the state, in this transaction.
            await mail.ApprovedAsync(submitted, reviewer, comment, when.At is { } goesLive ? ClinicTime.Describe(goesLive, queries.ClinicZone) : null);
            var decided = ArticleStateRows.ToModel(submitted);
            action.ReturnsRevision = true;
            if (when.At is { } at)
            {
                var described = ClinicTime.Describe(at, queries.ClinicZone);
                var note = string.IsNullOrWhiteSpace(comment) ? $"approved revision {submitted.Id} to go live on {described}" : $"{comment.Trim()} (to go live on {described})";
                if (action.State.ApproveAt(decided, text, at, reviewer.Email!, note) is Refusal.AlreadyScheduled && action.State.PublishAt is { } other)
                {
                    return WorkflowResult.Conflict($"Another change to this article is already approved to go live on {ClinicTime.Describe(other, queries.ClinicZone)}. " +
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
            if (queries.PublishedText(slug) is not { } text)
            {
                return WorkflowResult.Invalid("This article is not on the site, so there is nothing to confirm.");
            }

            if (ArticleFile.ContentHash(text) != seenFingerprint)
            {
                return WorkflowResult.Conflict("The published article changed after you opened this page. Read it again, then confirm.");
            }

            if (EditorialRules.Check(EditorialAction.Confirm, actor, [.. await queries.PublishedAuthorsAsync(slug)], action.State.Status) is { } refused)
            {
                return refused == Refusal.ChangeWaiting
                    ? WorkflowResult.Conflict(RefusalWords.For(refused, EditorialAction.Confirm))
                    : RefusalWords.Forbidden(refused, EditorialAction.Confirm);
            }

            if (queries.Check(slug, text).HasErrors)
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

        if (queries.LinkingTo(slug) is { Count: > 0 } linking)
        {
            return LinkedFrom(linking);
        }

        return await runner.RunAsync(slug, reviewer.Email, action =>
        {
            if (queries.PublishedText(slug) is not { } text)
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
        if (!Slug.IsValid(slug) || await queries.FindAsync(revisionId) is not { } old || old.Slug != slug)
        {
            return WorkflowResult.NotFound("There is no such version of this article.");
        }

        var text = await queries.TextOfAsync(old);
        return await runner.RunAsync(slug, author.Email, action =>
        {
            if (action.State.Restore(ArticleStateRows.ToModel(old), text, ArticleFile.ContentHash(queries.PublishedText(slug)), author.Email!) is { } refused)
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

        if (!Slug.IsValid(slug) || await queries.FindAsync(revisionId) is not { } old || old.Slug != slug)
        {
            return WorkflowResult.NotFound("There is no such version of this article.");
        }

        if (!ArticleStateRows.ToModel(old).WasApproved)
        {
            return WorkflowResult.Invalid(RefusalWords.For(Refusal.NeverApproved));
        }

        return await runner.RunAsync(slug, reviewer.Email, action =>
        {
            var publishedHash = ArticleFile.ContentHash(queries.PublishedText(slug));
            if (ArticleFile.ContentHash(old.Text) == publishedHash)
            {
                return Task.FromResult(WorkflowResult.Invalid(RefusalWords.For(Refusal.AlreadyLive)));
            }

            if (queries.Check(slug, old.Text).HasErrors)
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
    /// The text as a reviewer signs it off: the reviewer's title (never an email) and the fingerprint of exactly
    /// this text, so the page stops claiming the sign-off if the file changes later; and, for a review of the
    /// whole article, today and the next review date.
    /// </summary>
    private string? SignedOff(string slug, string text, StaffUser reviewer, (string Key, string YamlValue)[] more, bool reviewDates)
    {
        var title = reviewer.PublicTitle;
        (string Key, string YamlValue)[] dates = reviewDates
            ? [(ArticleFields.LastReviewed, queries.Today.Iso()), (ArticleFields.NextReview, queries.Today.AddMonths(review.Value.ReviewIntervalMonths).Iso())]
            : [];
        var reviewed = FrontMatterEditor.Set(text, [.. dates, (ArticleFields.Reviewer, FrontMatterEditor.Quote(title)), .. more]);
        return reviewed is null || ArticleFile.SignOffHash(slug, reviewed) is not { } signOffHash
            ? null
            : FrontMatterEditor.Set(reviewed, [(ArticleFields.ReviewFingerprint, FrontMatterEditor.Quote(signOffHash))]);
    }

    /// <summary>What a decision says when someone else acted on the change at the same moment.</summary>
    private const string DecisionConflict = "Someone else acted on this change at the same moment. Open it again to see where it stands.";

    /// <summary>A decision on a change waiting for review: only by a reviewer who wrote none of it, only while it waits.</summary>
    private async Task<WorkflowResult> DecideAsync(long revisionId, StaffUser reviewer, string conflict,
        Func<ArticleRevision, ArticleAction, Task<WorkflowResult>> decide)
    {
        if (await queries.FindAsync(revisionId) is not { Action: RevisionActions.Submitted } submitted)
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

            if (EditorialRules.Check(EditorialAction.Decide, actor, [.. await queries.ContributorsAsync(submitted.Slug)], state.Status) is { } wroteIt)
            {
                return RefusalWords.Forbidden(wroteIt, EditorialAction.Decide);
            }

            return await decide(submitted, action);
        }, conflict);
    }
}
