using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// The one way an action on an article runs: the article's lock, one transaction, its state loaded as the model,
/// the model's transition, then the revisions it recorded and the state saved together, its events turned into
/// audit rows, mail and publish-log rows in the same transaction, and a concurrency conflict (someone else moved
/// the state row first) turned into a conflict result. A publication reaches the folder only through the log's
/// applier, after the commit; the result waits (lock let go) until this instance's folder shows it.
/// </summary>
public sealed partial class ArticleActionRunner(
    StaffDbContext database,
    ArticleLocks locks,
    ArticleStateRows rows,
    AuditLog audit,
    WorkflowMail mail,
    PublishChannel channel,
    IArticleFileStore files,
    PublishedPictures pictures,
    IOptions<ClinicOptions> clinic,
    TimeProvider time,
    ILogger<ArticleActionRunner> logger)
{
    public const string ChangedMeanwhile = "Someone else changed this article at the same moment. Open it again to see where it stands.";

    /// <param name="actor">Who acts, for the audit log (null for the site itself).</param>
    /// <param name="act">Runs the model's transition; a result that did not succeed stores nothing (unless the action keeps its work).</param>
    /// <param name="conflict">What a concurrency conflict says.</param>
    public async Task<WorkflowResult> RunAsync(string slug, string? actor, Func<ArticleAction, Task<WorkflowResult>> act, string conflict = ChangedMeanwhile)
    {
        WorkflowResult result;
        using (await locks.HoldAsync(slug))
        {
            result = await RunLockedAsync(slug, actor, act, conflict);
        }

        // Only once the article's lock is let go: the log's applier takes the same lock to write the file.
        if (result.PublishedUpTo > 0)
        {
            await channel.WaitForAppliedAsync(result.PublishedUpTo, TimeSpan.FromSeconds(5));
        }

        return result;
    }

    /// <summary>
    /// Runs an action whose caller already holds the article's lock (the log's applier, a look at the folder, a
    /// pass over what is due); it does not wait for the folder: the caller does, once the lock is let go.
    /// </summary>
    public async Task<WorkflowResult> RunLockedAsync(string slug, string? actor, Func<ArticleAction, Task<WorkflowResult>> act, string conflict = ChangedMeanwhile)
    {
        await using var transaction = await database.Database.BeginTransactionAsync();
        var action = new ArticleAction(slug, await rows.EnsureAsync(slug, tracked: true), rows);
        var result = await act(action);
        if ((!result.Succeeded && !action.KeepsWork) || !action.Touched)
        {
            return result;
        }

        try
        {
            var (stored, logged) = await StoreAsync(action, actor);
            await transaction.CommitAsync();
            if (logged > 0)
            {
                if (action.State.Events.Any(e => e is OutsideEditRecorded))
                {
                    // The file is on this disk already: the applier must not write it again over a newer edit.
                    channel.FoundHere(logged);
                }
                else
                {
                    CrashPoint.Reached(CrashPoint.AfterCommit);
                }

                channel.Wake();
            }

            return result with { PublishedUpTo = logged, Revision = action.ReturnsRevision && stored.Count > 0 ? stored[^1] : result.Revision };
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict(conflict);
        }
        catch (IOException ex)
        {
            LogWriteFailed(slug, ex.Message);
            return WorkflowResult.Invalid($"The article could not be written to the content folder, so nothing changed on the site: {ex.Message} " +
                "Try again, or ask whoever looks after the server.");
        }
    }

    private async Task<(List<ArticleRevision> Stored, long Logged)> StoreAsync(ArticleAction action, string? actor)
    {
        var state = action.State;
        var added = state.NewRevisions.Where(r => r.Id == 0).Select(r => (Model: r, Row: ArticleStateRows.ToRow(action.Slug, r))).ToList();
        database.ArticleRevisions.AddRange(added.Select(a => a.Row));
        // A photo's smaller web sizes are kept beside it, with the same revision.
        foreach (var picture in action.Pictures.SelectMany(p => (RevisionPicture[])[p, .. p.Sizes]))
        {
            picture.Revision = added[^1].Row;
            database.RevisionPictures.Add(picture);
        }

        await database.SaveChangesAsync();
        foreach (var (model, row) in added)
        {
            state.Stored(model, row.Id);
        }

        ArticleStateRows.Write(state, action.Row!);
        action.Row!.Version++;
        await database.SaveChangesAsync();

        // Before committing, the folder is checked to take the file, so one that cannot be written (read-only, full)
        // leaves everything as it was; the file itself is written by the log's applier once this commits.
        long logged = 0;
        var published = new List<(string Name, byte[] Bytes)>();
        // A text found in the folder, or its file found gone, is there (or not) already: it only travels.
        var found = state.Events.Any(e => e is OutsideEditRecorded or OutsideDeletionRecorded);
        foreach (var change in state.Events.OfType<Published>())
        {
            IReadOnlyList<(string Name, byte[] Bytes)> going = [];
            if (change.Text is { } text && !found)
            {
                files.CheckWritable(change.Slug, text);
                // Its pictures go live with it: never before the text that shows them.
                going = await pictures.ToWriteAsync(text);
                published.AddRange(going);
            }

            logged = await PublishChannel.AppendAsync(database, channel.RowsFor(new PublishedChange(change.Slug, change.Text, going), time.GetUtcNow()));
        }

        var ids = new Dictionary<Revision, ArticleRevision>(ReferenceEqualityComparer.Instance);
        foreach (var (model, row) in added)
        {
            ids[model] = row;
        }

        var told = new Told(actor, revision => ids.TryGetValue(revision, out var row) ? row.Id : revision.Id,
            revision => ids.GetValueOrDefault(revision), published, action.Pictures);
        foreach (var happened in state.Events)
        {
            await TellAsync(happened, told);
        }

        if (logged > 0 && !found)
        {
            CrashPoint.Reached(CrashPoint.BeforeCommit);
        }

        return ([.. added.Select(a => a.Row)], logged);
    }

    /// <summary>What the events of one action are told with: who acted, the revisions as stored, what went live.</summary>
    private sealed record Told(
        string? Actor, Func<Revision, long> Id, Func<Revision, ArticleRevision?> Row,
        IReadOnlyList<(string Name, byte[] Bytes)> Published, IReadOnlyList<RevisionPicture> Pictures);

    /// <summary>What an event puts in the audit log and the outbox: every event the model raises is told here.</summary>
    private async Task TellAsync(EditorialEvent happened, Told told)
    {
        var (actor, id, slug) = (told.Actor, told.Id, happened.Slug);
        switch (happened)
        {
            case DraftSaved { Origin: DraftOrigin.Restored } saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"restored {slug} from revision {saved.Revision.Subject} as a draft (revision {id(saved.Revision)})");
                break;
            case DraftSaved { Origin: DraftOrigin.BesideNewerChange } saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"saved {slug} (revision {id(saved.Revision)}) beside a change made since it was opened");
                await TellPicturesAsync(told, slug, saved.Revision);
                break;
            case DraftSaved saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"{RevisionActions.Saved} {slug} (revision {id(saved.Revision)})");
                await TellPicturesAsync(told, slug, saved.Revision);
                break;
            case DraftDiscarded discarded:
                await audit.RecordAsync(AuditEvents.DraftDiscarded, actor, $"discarded the draft of {slug} (revision {discarded.DiscardedId}); the published version stays as it was");
                break;
            case SentForReview sent:
                if (told.Row(sent.Revision) is { } submitted)
                {
                    await mail.SentForReviewAsync(submitted);
                }

                if (sent.Revision.Author == EditorialAuthors.NewRelease)
                {
                    var names = told.Pictures.Select(p => p.Name).ToList();
                    await audit.RecordAsync(AuditEvents.ReleaseOffered, actor, $"offered {slug} from the new release for review (revision {id(sent.Revision)})" +
                        (names.Count == 0 ? string.Empty : $", with the picture{(names.Count == 1 ? string.Empty : "s")} {string.Join(", ", names)}"));
                }
                else
                {
                    await audit.RecordAsync(AuditEvents.RevisionSubmitted, actor, $"{RevisionActions.Submitted} {slug} (revision {id(sent.Revision)})");
                    await TellPicturesAsync(told, slug, sent.Revision);
                }

                break;
            case ChangeReturned returned:
                if (await database.ArticleRevisions.FindAsync(returned.SubmittedId) is { } submittedRow &&
                    await database.ArticleRevisions.FindAsync(id(returned.Revision)) is { } returnedRow)
                {
                    await mail.ReturnedAsync(submittedRow, returnedRow);
                }

                await audit.RecordAsync(AuditEvents.RevisionReturned, actor, $"returned {slug} (revision {returned.SubmittedId})");
                break;
            case ChangeApproved approved:
                await audit.RecordAsync(AuditEvents.RevisionApproved, actor, $"approved {slug} (revision {approved.SubmittedId}) and published it{PublishedPictures.Described(told.Published)}");
                break;
            case ChangeScheduled scheduled:
                await audit.RecordAsync(AuditEvents.RevisionScheduled, actor, $"approved {slug} (revision {scheduled.SubmittedId}) to go live on {Describe(scheduled.At)}");
                break;
            case ScheduleCancelled cancelled:
                await audit.RecordAsync(AuditEvents.ScheduleCancelled, actor, $"cancelled the scheduled change to {slug} (revision {cancelled.Scheduled.Id})");
                break;
            case ScheduledChangePublished due:
                await audit.RecordAsync(AuditEvents.RevisionApproved, actor, $"published {slug} as scheduled: revision {due.Scheduled.Subject}, " +
                    $"approved by {due.Scheduled.Author} in revision {due.Scheduled.Id}{PublishedPictures.Described(told.Published)}");
                break;
            case ScheduleFailed failed:
                await audit.RecordAsync(AuditEvents.ScheduleFailed, actor, $"{slug}: {failed.Reason}");
                break;
            case ArticleConfirmed:
                await audit.RecordAsync(AuditEvents.ArticleConfirmed, actor, $"confirmed {slug} still accurate");
                break;
            case TakenDown { ScheduledBy: { } by } takenDown:
                await audit.RecordAsync(AuditEvents.ArticleUnpublished, actor, $"took {slug} off the site as {by} scheduled: {takenDown.Reason}");
                break;
            case TakenDown takenDown:
                await audit.RecordAsync(AuditEvents.ArticleUnpublished, actor, $"took {slug} off the site: {takenDown.Reason}");
                break;
            case TakeDownScheduled scheduled:
                await audit.RecordAsync(AuditEvents.TakeDownScheduled, actor, $"set {slug} to come off the site on {Describe(scheduled.At)}: {scheduled.Reason}");
                break;
            case TakeDownCancelled cancelled:
                await audit.RecordAsync(AuditEvents.TakeDownCancelled, actor, $"cancelled taking {slug} off the site on {Describe(cancelled.At)}");
                break;
            case TakeDownFailed failed:
                await audit.RecordAsync(AuditEvents.TakeDownFailed, actor, $"{slug}: {failed.Problem}");
                break;
            case RolledBack rolledBack:
                await audit.RecordAsync(AuditEvents.ArticleRolledBack, actor, $"put back {slug} revision {rolledBack.PutBack.Id}{PublishedPictures.Described(told.Published)}");
                break;
            case OutsideEditRecorded or OutsideDeletionRecorded:
                break; // the history says "outside the app"; no member of staff did it, so the audit log has nothing to add
            case Published:
                break; // rows in the publish log, above
        }
    }

    /// <summary>A picture uploaded with a save is audited after it, naming the revision it is kept beside.</summary>
    private async Task TellPicturesAsync(Told told, string slug, Revision revision)
    {
        foreach (var picture in told.Pictures)
        {
            await audit.RecordAsync(AuditEvents.PictureUploaded, told.Actor,
                $"uploaded the picture {picture.Name} ({picture.Bytes.Length / 1024} KB" +
                $"{(picture.Sizes.Count == 0 ? string.Empty : $"; with its smaller sizes {string.Join(", ", picture.Sizes.Select(p => p.Name))}")}) with {slug} (revision {told.Id(revision)})");
        }
    }

    private string Describe(DateTimeOffset at) => ClinicTime.Describe(at, clinic.Value.FindZone());

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish {Slug:l}: {Reason:l}")]
    private partial void LogWriteFailed(string slug, string reason);
}
