using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// Publishing on a date and taking down on a date. The approval is a clinician's decision made now, so it is
/// recorded now (the sign-off says the day it was given); only writing the file waits. Whichever instance
/// first moves the article's state row on (its concurrency token) does the work, so it is done once.
/// </summary>
public sealed partial class ArticleWorkflow
{
    /// <summary>The clinic's time zone, in which staff type and read times.</summary>
    public TimeZoneInfo ClinicZone => clinic.Value.FindZone();

    /// <summary>
    /// Calls off a change approved for later. It goes back to waiting for review, not to its author: a clinician
    /// approved its words, and only the time is withdrawn, so a reviewer can publish it now, choose another
    /// time, or return it with a comment as usual. If a newer change is already being written, that one stays
    /// the change in progress and the scheduled text is kept in the history, where it can be restored.
    /// </summary>
    public async Task<WorkflowResult> CancelScheduleAsync(string slug, StaffUser reviewer)
    {
        if (await RefusedToAsync(slug, reviewer, EditorialAction.CancelSchedule) is { } refused)
        {
            return refused;
        }

        return await runner.RunAsync(slug, reviewer.Email, async action =>
        {
            if (!action.Exists || action.State.ScheduledRevisionId is not { } scheduledId || await FindAsync(scheduledId) is not { } scheduled ||
                action.State.CancelSchedule(ArticleStateRows.ToModel(scheduled), reviewer.Email!) is not null)
            {
                return WorkflowResult.Invalid("No change to this article is scheduled: it may have gone live or been cancelled already.");
            }

            return WorkflowResult.Done(action.State.Events.OfType<ScheduleCancelled>().Last().BackToReview
                ? "Cancelled. The version on the site stays; the change is back with the changes waiting for review."
                : "Cancelled. The version on the site stays; the scheduled text is kept in the history, and the change being written now carries on.");
        });
    }

    /// <summary>Sets a time for a published article to come off the site by itself, for seasonal or time-limited advice.</summary>
    public async Task<WorkflowResult> ScheduleTakeDownAsync(string slug, string? takeDownAt, string? reason, StaffUser reviewer)
    {
        if (await RefusedToAsync(slug, reviewer, EditorialAction.TakeDown) is { } refused)
        {
            return refused;
        }

        var when = ClinicTime.Read(takeDownAt, ClinicZone, time.GetUtcNow());
        if (when.Problem is { } unusable)
        {
            return WorkflowResult.Invalid(unusable.Replace("leave it empty to publish now", "take it off the site now", StringComparison.Ordinal));
        }

        if (when.At is not { } at)
        {
            return WorkflowResult.Invalid("Choose the date and time it comes off the site.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowResult.Invalid("Say why it is coming off the site. The reason is kept in its history.");
        }

        if (reason.Length > 1000)
        {
            return WorkflowResult.Invalid("Keep the reason to 1,000 characters or fewer.");
        }

        return await runner.RunAsync(slug, reviewer.Email, action =>
        {
            if (PublishedText(slug) is null)
            {
                return Task.FromResult(WorkflowResult.Invalid("This article is not on the site."));
            }

            action.State.TakeDownAtTime(at, reason, reviewer.Email!);
            var described = ClinicTime.Describe(at, ClinicZone);
            var linking = LinkingTo(slug);
            return Task.FromResult(WorkflowResult.Done($"It comes off the site on {described}." + (when.Note is null ? string.Empty : " " + when.Note) +
            (linking.Count == 0 ? string.Empty : $" Other articles link to it ({string.Join(", ", linking.Select(a => a.Title))}): change them before then, or it cannot come off.")));
        });
    }

    /// <summary>Calls off a take-down date; the article stays on the site.</summary>
    public async Task<WorkflowResult> CancelTakeDownAsync(string slug, StaffUser reviewer)
    {
        if (await RefusedToAsync(slug, reviewer, EditorialAction.ScheduleTakeDown) is { } refused)
        {
            return refused;
        }

        return await runner.RunAsync(slug, reviewer.Email, action => Task.FromResult(!action.Exists || action.State.CancelTakeDown() is not null
            ? WorkflowResult.Invalid("No take-down date is set for this article: it may have come off already, or been cancelled.")
            : WorkflowResult.Done("The take-down date is cancelled. The article stays on the site.")));
    }

    /// <summary>Every article with a change approved for later or a take-down date, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, ArticleState>> SchedulesAsync() =>
        await database.ArticleStates.AsNoTracking().Where(s => s.ScheduledRevisionId != null || s.TakeDownAt != null).ToDictionaryAsync(s => s.Slug, StringComparer.Ordinal);

    /// <summary>
    /// Publishes every scheduled change whose time has come and takes down every article whose take-down date
    /// has come, each with the same checks as doing it by hand, each once. A change that cannot go live (the
    /// checker finds errors, or the published text changed meanwhile) is left scheduled, with the reason.
    /// </summary>
    /// <returns>How many articles this pass published or took down.</returns>
    public async Task<int> RunDueAsync()
    {
        var now = time.GetUtcNow();
        var done = 0;
        _duePublishedUpTo = 0;
        foreach (var state in (await SchedulesAsync()).Values)
        {
            if (state is { ScheduledRevisionId: { } scheduledId, PublishAt: { } publishAt, ScheduleProblem: null } && publishAt <= now)
            {
                done += await PublishScheduledAsync(state.Slug, scheduledId, now) ? 1 : 0;
                database.ChangeTracker.Clear();
            }

            if (state is { TakeDownAt: { } takeDownAt, TakeDownProblem: null } && takeDownAt <= now)
            {
                done += await TakeDownScheduledAsync(state, takeDownAt) ? 1 : 0;
                database.ChangeTracker.Clear();
            }
        }

        // As a by-hand approval does: the pass ends once this instance's folder holds what it published. Only now,
        // with every article's lock let go, since the log's applier takes the same lock to write the file.
        if (_duePublishedUpTo > 0)
        {
            await channel.WaitForAppliedAsync(_duePublishedUpTo, TimeSpan.FromSeconds(5));
        }

        return done;
    }

    /// <summary>The last publish-log row this pass of <see cref="RunDueAsync"/> wrote.</summary>
    private long _duePublishedUpTo;

    private async Task<bool> PublishScheduledAsync(string slug, long scheduledId, DateTimeOffset now)
    {
        using var held = await locks.HoldAsync(slug);
        await using var transaction = await database.Database.BeginTransactionAsync();
        var state = await EnsureStateAsync(slug, tracked: true);
        // Read again under the lock: another pass, or another instance, may have published or cancelled it.
        if (state is not { ScheduleProblem: null, PublishAt: { } due } || state.ScheduledRevisionId != scheduledId || due > now ||
            await FindAsync(scheduledId) is not { } scheduled)
        {
            return false;
        }

        // The sign-off is the approving reviewer's: if they are no longer a reviewer here when it falls due (the role
        // taken away, the account disabled or removed), their word no longer stands behind it.
        if (await users.FindByEmailAsync(scheduled.Author) is not { } approver
            || !EditorialRules.Allows(EditorialAction.Decide, await EditorialActors.ForAsync(users, approver)))
        {
            return await ScheduleFailedAsync(state, transaction, $"Not published: {scheduled.Author}, who approved it, is no longer a reviewer here. " +
                "Cancel it, and another reviewer can approve it again.");
        }

        if (Check(slug, scheduled.Text).Findings.FirstOrDefault(f => f.Severity == ContentCheck.FindingSeverity.Error) is { } error)
        {
            return await ScheduleFailedAsync(state, transaction, $"Not published: the checker found an error when it was due ({error.Message}). " +
                "Cancel it, then return it to the author.");
        }

        if (scheduled.BaseHash != ArticleFile.ContentHash(PublishedText(slug)))
        {
            return await ScheduleFailedAsync(state, transaction, "Not published: the article on the site changed after this was approved, " +
                "and going live would have undone that change. Cancel it, then return it to the author to bring it up to date.");
        }

        state.ClearSchedule();
        state.PublishedHash = ArticleFile.ContentHash(scheduled.Text);
        // Signed by the reviewer who approved it, on the day they did; the same text byte for byte.
        var approved = NewRevision(slug, RevisionActions.Approved, scheduled.Text, scheduled.BaseHash, scheduled.Author,
            $"went live as scheduled (approved in revision {scheduled.Id})", scheduled.SubjectRevisionId);
        // Its pictures go live with it, as they do with an approval for now: never before the text that shows them.
        var pictures = await PicturesToWriteAsync(scheduled.Text);
        var result = await PublishAsync(state, transaction, approved, new PublishedChange(slug, scheduled.Text, pictures),
            AuditEvents.RevisionApproved, null, $"published {slug} as scheduled: revision {scheduled.SubjectRevisionId}, approved by {scheduled.Author} in revision {scheduled.Id}{WithPictures(pictures)}",
            "Published as scheduled.");
        _duePublishedUpTo = Math.Max(_duePublishedUpTo, result.PublishedUpTo);
        if (result.Outcome == WorkflowOutcome.Invalid)
        {
            // The file could not be written: the database is as it was, so the next pass tries again.
            LogScheduledWriteFailed(slug, result.Message);
        }

        return result.Succeeded;
    }

    private async Task<bool> ScheduleFailedAsync(ArticleState state, IDbContextTransaction transaction, string reason)
    {
        state.ScheduleProblem = Limit(reason);
        if (await SaveStateAsync(state) is not null)
        {
            // Another instance acted on it first; what it did stands.
            return false;
        }

        await audit.RecordAsync(AuditEvents.ScheduleFailed, null, $"{state.Slug}: {reason}");
        await transaction.CommitAsync();
        return false;
    }

    private async Task<bool> TakeDownScheduledAsync(ArticleState due, DateTimeOffset at)
    {
        bool StillDue(ArticleState state) => state.TakeDownAt == at && state.TakeDownProblem is null;
        var reason = due.TakeDownReason ?? "its take-down date came";
        var by = due.TakeDownBy ?? RevisionActions.OutsideTheApp;
        var result = PublishedText(due.Slug) is null
            ? WorkflowResult.Invalid("It was not on the site when its take-down date came.")
            : await TakeDownNowAsync(due.Slug, by, null, $"taken off the site as scheduled: {reason}",
                $"took {due.Slug} off the site as {by} scheduled: {reason}", StillDue);
        _duePublishedUpTo = Math.Max(_duePublishedUpTo, result.PublishedUpTo);
        if (result.Outcome != WorkflowOutcome.Invalid)
        {
            return result.Succeeded;
        }

        database.ChangeTracker.Clear();
        using var held = await locks.HoldAsync(due.Slug);
        await using var transaction = await database.Database.BeginTransactionAsync();
        if (await EnsureStateAsync(due.Slug, tracked: true) is not { } state || !StillDue(state))
        {
            return false;
        }

        state.TakeDownProblem = Limit("Not taken off the site when it was due. " + result.Message +
            (result.LinkedFrom.Count == 0 ? string.Empty : $" Linking here: {string.Join(", ", result.LinkedFrom.Select(a => a.Title))}."));
        if (await SaveStateAsync(state) is not null)
        {
            return false;
        }

        await audit.RecordAsync(AuditEvents.TakeDownFailed, null, $"{due.Slug}: {state.TakeDownProblem}");
        await transaction.CommitAsync();
        return false;
    }

    /// <summary>A scheduling step is a reviewer's, on an article that can exist.</summary>
    private async Task<WorkflowResult?> RefusedToAsync(string slug, StaffUser reviewer, EditorialAction action) =>
        EditorialRules.Check(action, await EditorialActors.ForAsync(users, reviewer)) is { } refused ? RefusalWords.Forbidden(refused, action)
        : !Slug.IsValid(slug) ? WorkflowResult.NotFound("There is no such article.")
        : null;

    /// <summary>Moves the state row on; someone who moved it first wins, and this step is refused as a conflict.</summary>
    private async Task<WorkflowResult?> SaveStateAsync(ArticleState state)
    {
        try
        {
            state.Version++;
            await database.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict("Someone else changed this article at the same moment. Open it again to see where it stands.");
        }
    }

    /// <summary>A reason as the state row keeps it: 1,000 characters at most.</summary>
    private static string Limit(string reason) => reason.Length <= 1000 ? reason : reason[..997] + "...";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the scheduled change to {Slug:l}; the next pass tries again: {Reason:l}")]
    private partial void LogScheduledWriteFailed(string slug, string reason);
}
