using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Feedback;

/// <summary>
/// Readers' "No" comments, followed up: each is open until a member of staff marks it dealt with (optionally
/// naming the revision that answered it) or no change needed, with a note. Every rule is here, not in a page.
/// A comment's words are shown only in the staff area and never written to the audit log, a log or a mail.
/// </summary>
public sealed class FeedbackFollowUp(StaffDbContext database, UserManager<StaffUser> users, AuditLog audit, TimeProvider time)
{
    public const int MaxNote = 500;

    /// <summary>How many of an article's revisions the closing form offers, newest first.</summary>
    public const int RevisionChoices = 30;

    /// <summary>The revisions a comment on each of these articles can be marked as answered by, newest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RevisionChoice>>> ChoicesAsync(IEnumerable<string> slugs)
    {
        var wanted = slugs.Distinct(StringComparer.Ordinal).ToList();
        var rows = await database.ArticleRevisions.AsNoTracking()
            .Where(r => wanted.Contains(r.Slug) && r.Action != RevisionActions.Returned && r.Action != RevisionActions.Discarded)
            .Select(r => new { r.Slug, r.Id, r.Action, r.At }).ToListAsync();
        return rows.GroupBy(r => r.Slug).ToDictionary(g => g.Key,
            g => (IReadOnlyList<RevisionChoice>)[.. g.OrderByDescending(r => r.Id).Take(RevisionChoices).Select(r => new RevisionChoice(r.Id, r.Action, r.At))],
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Closes an open "No" comment: by any member of staff with a role, with a note; "dealt with" may name a
    /// revision of the same article. A comment already closed stays as it was closed, and says by whom.
    /// </summary>
    /// <param name="slug">The article the form was about: a comment on another article is not found.</param>
    public async Task<WorkflowResult> CloseAsync(string slug, long feedbackId, string resolution, string? note, long? revisionId, StaffUser me)
    {
        if ((await users.GetRolesAsync(me)).Count == 0)
        {
            return WorkflowResult.Forbidden("Only a member of staff with a role can close a reader's comment.");
        }

        if (resolution is not (FeedbackResolutions.DealtWith or FeedbackResolutions.NoChangeNeeded))
        {
            return WorkflowResult.Invalid("Choose \"Dealt with\" or \"No change needed\".");
        }

        if (await database.ArticleFeedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedbackId) is not { Helpful: false, Comment: not null } feedback || feedback.Slug != slug)
        {
            return WorkflowResult.NotFound("There is no such comment.");
        }

        if (feedback.Resolution is not null)
        {
            return AlreadyClosed(feedback);
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return WorkflowResult.Invalid("Write a short note saying what was done, or why no change is needed. Nothing was changed.");
        }

        if (note.Trim().Length > MaxNote)
        {
            return WorkflowResult.Invalid($"Keep the note to {MaxNote} characters or fewer (it is {note.Trim().Length}). Nothing was changed.");
        }

        long? answeredBy = null;
        if (resolution == FeedbackResolutions.DealtWith && revisionId is > 0)
        {
            if (!await database.ArticleRevisions.AnyAsync(r => r.Id == revisionId && r.Slug == feedback.Slug && r.Action != RevisionActions.Returned && r.Action != RevisionActions.Discarded))
            {
                return WorkflowResult.Invalid("That revision is not one of this article's. Choose one from the list, or none. Nothing was changed.");
            }

            answeredBy = revisionId;
        }

        await using var transaction = await database.Database.BeginTransactionAsync();
        var now = time.GetUtcNow();
        var trimmed = note.Trim();
        // Closed only if still open: of two people closing it at once, one wins and the other is told.
        var closed = await database.ArticleFeedback.Where(f => f.Id == feedbackId && f.Resolution == null)
            .ExecuteUpdateAsync(f => f
                .SetProperty(x => x.Resolution, resolution)
                .SetProperty(x => x.ResolutionNote, trimmed)
                .SetProperty(x => x.ResolvedBy, me.Email)
                .SetProperty(x => x.ResolvedAt, now)
                .SetProperty(x => x.AnsweredByRevisionId, answeredBy));
        if (closed == 0)
        {
            await transaction.RollbackAsync();
            return AlreadyClosed(await database.ArticleFeedback.AsNoTracking().FirstAsync(f => f.Id == feedbackId));
        }

        // The reader's words never go into the audit log: which comment, what was decided, and the revision.
        await audit.RecordAsync(
            resolution == FeedbackResolutions.DealtWith ? AuditEvents.FeedbackDealtWith : AuditEvents.FeedbackNoChangeNeeded, me.Email,
            $"marked a reader's comment on {feedback.Slug} (answer {feedback.Id}) {FeedbackResolutions.Describe(resolution).ToLowerInvariant()}" +
            (answeredBy is { } id ? $", answered by revision {id}" : string.Empty));
        await transaction.CommitAsync();
        return WorkflowResult.Done(resolution == FeedbackResolutions.DealtWith
            ? "Marked as dealt with. It no longer counts as open."
            : "Marked as no change needed. It no longer counts as open.");
    }

    private static WorkflowResult AlreadyClosed(ArticleFeedback feedback) =>
        WorkflowResult.Conflict($"This comment was already closed: {FeedbackResolutions.Describe(feedback.Resolution).ToLowerInvariant()}, " +
            $"by {feedback.ResolvedBy} on {feedback.ResolvedAt?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}. Nothing was changed.");
}
