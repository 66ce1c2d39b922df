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
/// Publishing on a date and taking down on a date: setting and cancelling them, and the pass that does what is
/// due. The approval is a clinician's decision made now, so it is recorded now (the sign-off says the day it was
/// given); only writing the file waits. Whichever instance first moves the article's state row on (its
/// concurrency token) does the work, so it is done once.
/// </summary>
public sealed partial class ScheduledPublishing(
    ArticleQueries queries,
    UserManager<StaffUser> users,
    ArticleLocks locks,
    StaffDbContext database,
    PublishChannel channel,
    TimeProvider time,
    ArticleActionRunner runner,
    ILogger<ScheduledPublishing> logger)
{
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
            if (!action.Exists || action.State.ScheduledRevisionId is not { } scheduledId || await queries.FindAsync(scheduledId) is not { } scheduled ||
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

        var when = ClinicTime.Read(takeDownAt, queries.ClinicZone, time.GetUtcNow());
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
            if (queries.PublishedText(slug) is null)
            {
                return Task.FromResult(WorkflowResult.Invalid("This article is not on the site."));
            }

            action.State.TakeDownAtTime(at, reason, reviewer.Email!);
            var described = ClinicTime.Describe(at, queries.ClinicZone);
            var linking = queries.LinkingTo(slug);
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

    /// <summary>A scheduling step is a reviewer's, on an article that can exist.</summary>
    private async Task<WorkflowResult?> RefusedToAsync(string slug, StaffUser reviewer, EditorialAction action) =>
        EditorialRules.Check(action, await EditorialActors.ForAsync(users, reviewer)) is { } refused ? RefusalWords.Forbidden(refused, action)
        : !Slug.IsValid(slug) ? WorkflowResult.NotFound("There is no such article.")
        : null;

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
        long publishedUpTo = 0;
        foreach (var due in (await queries.SchedulesAsync()).Values)
        {
            if (due is { ScheduledRevisionId: not null, PublishAt: { } publishAt, ScheduleProblem: null } && publishAt <= now)
            {
                var result = await DueAsync(due.Slug, action => PublishScheduledAsync(action, now));
                publishedUpTo = Math.Max(publishedUpTo, result.PublishedUpTo);
                if (result.Outcome == WorkflowOutcome.Invalid)
                {
                    // The file could not be written: the database is as it was, so the next pass tries again.
                    LogScheduledWriteFailed(due.Slug, result.Message);
                }

                done += result.Succeeded ? 1 : 0;
            }

            if (due is { TakeDownAt: { } takeDownAt, TakeDownProblem: null } && takeDownAt <= now)
            {
                var result = await DueAsync(due.Slug, action => Task.FromResult(TakeDownScheduled(action, now)));
                publishedUpTo = Math.Max(publishedUpTo, result.PublishedUpTo);
                done += result.Succeeded ? 1 : 0;
            }
        }

        // As a by-hand approval does: the pass ends once this instance's folder holds what it published. Only now,
        // with every article's lock let go, since the log's applier takes the same lock to write the file.
        if (publishedUpTo > 0)
        {
            await channel.WaitForAppliedAsync(publishedUpTo, TimeSpan.FromSeconds(5));
        }

        return done;
    }

    /// <summary>One due step, by the site itself, under the article's lock; the pass waits for the folder once, at its end.</summary>
    private async Task<WorkflowResult> DueAsync(string slug, Func<ArticleAction, Task<WorkflowResult>> act)
    {
        try
        {
            using var held = await locks.HoldAsync(slug);
            return await runner.RunLockedAsync(slug, null, act);
        }
        finally
        {
            database.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The change approved for later goes live, read again under the lock (another pass, or another instance, may
    /// have published or cancelled it), with the checks of an approval by hand; one that cannot is kept with the reason.
    /// </summary>
    private async Task<WorkflowResult> PublishScheduledAsync(ArticleAction action, DateTimeOffset now)
    {
        var slug = action.Slug;
        if (!action.Exists || !action.State.PublishDue(now) || await queries.FindAsync(action.State.ScheduledRevisionId!.Value) is not { } scheduled)
        {
            return WorkflowResult.Conflict(RefusalWords.For(Refusal.NotDue));
        }

        // The sign-off is the approving reviewer's: if they are no longer a reviewer here when it falls due (the role
        // taken away, the account disabled or removed), their word no longer stands behind it.
        string? problem = null;
        if (await users.FindByEmailAsync(scheduled.Author) is not { } approver
            || !EditorialRules.Allows(EditorialAction.Decide, await EditorialActors.ForAsync(users, approver)))
        {
            problem = $"Not published: {scheduled.Author}, who approved it, is no longer a reviewer here. " +
                "Cancel it, and another reviewer can approve it again.";
        }
        else if (queries.Check(slug, scheduled.Text).Findings.FirstOrDefault(f => f.Severity == ContentCheck.FindingSeverity.Error) is { } error)
        {
            problem = $"Not published: the checker found an error when it was due ({error.Message}). " +
                "Cancel it, then return it to the author.";
        }
        else if (scheduled.BaseHash != ArticleFile.ContentHash(queries.PublishedText(slug)))
        {
            problem = "Not published: the article on the site changed after this was approved, " +
                "and going live would have undone that change. Cancel it, then return it to the author to bring it up to date.";
        }

        if (problem is not null)
        {
            // Kept, with the reason; the pass counts only what it published.
            action.State.FailSchedule(problem);
            action.KeepsWork = true;
            return WorkflowResult.Conflict(problem);
        }

        // Signed by the reviewer who approved it, on the day they did; the same text byte for byte, its pictures with it.
        return action.State.PublishScheduled(ArticleStateRows.ToModel(scheduled), now) is { } refused
            ? WorkflowResult.Conflict(RefusalWords.For(refused))
            : WorkflowResult.Done("Published as scheduled.");
    }

    /// <summary>
    /// The article comes off the site at the time a reviewer set, as theirs; refused while published articles link
    /// to it, or when it is no longer on the site, and then kept with the reason until someone acts.
    /// </summary>
    private WorkflowResult TakeDownScheduled(ArticleAction action, DateTimeOffset now)
    {
        // Read again under the lock: another pass, or another instance, may have done it or moved it.
        if (!action.Exists || !action.State.TakeDownDue(now))
        {
            return WorkflowResult.Conflict(RefusalWords.For(Refusal.NotDue));
        }

        if (queries.PublishedText(action.Slug) is not { } text)
        {
            return TakeDownFailed(action, WorkflowResult.Invalid("It was not on the site when its take-down date came."));
        }

        if (queries.LinkingTo(action.Slug) is { Count: > 0 } linking)
        {
            return TakeDownFailed(action, ArticleActions.LinkedFrom(linking));
        }

        return action.State.TakeDownAsScheduled(text, now) is { } notDue
            ? WorkflowResult.Conflict(RefusalWords.For(notDue))
            : WorkflowResult.Done("Taken off the site as scheduled.");
    }

    /// <summary>The take-down date stays, with why it could not be done, until someone acts.</summary>
    private static WorkflowResult TakeDownFailed(ArticleAction action, WorkflowResult refused)
    {
        action.State.FailTakeDown("Not taken off the site when it was due. " + refused.Message +
            (refused.LinkedFrom.Count == 0 ? string.Empty : $" Linking here: {string.Join(", ", refused.LinkedFrom.Select(a => a.Title))}."));
        action.KeepsWork = true;
        return refused;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the scheduled change to {Slug:l}; the next pass tries again: {Reason:l}")]
    private partial void LogScheduledWriteFailed(string slug, string reason);
}
