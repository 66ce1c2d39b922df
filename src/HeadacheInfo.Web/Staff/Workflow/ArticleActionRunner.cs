using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Audit;
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
    /// <param name="act">Runs the model's transition; a result that did not succeed stores nothing.</param>
    /// <param name="conflict">What a concurrency conflict says.</param>
    public async Task<WorkflowResult> RunAsync(string slug, string? actor, Func<ArticleAction, Task<WorkflowResult>> act, string conflict = ChangedMeanwhile)
    {
        var result = await RunHeldAsync(slug, actor, act, conflict);
        // Only once the article's lock is let go: the log's applier takes the same lock to write the file.
        if (result.PublishedUpTo > 0)
        {
            await channel.WaitForAppliedAsync(result.PublishedUpTo, TimeSpan.FromSeconds(5));
        }

        return result;
    }

    private async Task<WorkflowResult> RunHeldAsync(string slug, string? actor, Func<ArticleAction, Task<WorkflowResult>> act, string conflict)
    {
        using var held = await locks.HoldAsync(slug);
        await using var transaction = await database.Database.BeginTransactionAsync();
        var action = new ArticleAction(slug, await rows.EnsureAsync(slug, tracked: true), rows);
        var result = await act(action);
        if (!result.Succeeded || !action.Touched)
        {
            return result;
        }

        try
        {
            var (stored, logged) = await StoreAsync(action, actor);
            await transaction.CommitAsync();
            if (logged > 0)
            {
                CrashPoint.Reached(CrashPoint.AfterCommit);
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
        foreach (var change in state.Events.OfType<Published>())
        {
            IReadOnlyList<(string Name, byte[] Bytes)> going = [];
            if (change.Text is { } text)
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

        long Id(Revision revision) => ids.TryGetValue(revision, out var row) ? row.Id : revision.Id;
        foreach (var happened in state.Events)
        {
            await TellAsync(happened, actor, Id, published);
        }

        if (logged > 0)
        {
            CrashPoint.Reached(CrashPoint.BeforeCommit);
        }

        return ([.. added.Select(a => a.Row)], logged);
    }

    /// <summary>What an event puts in the audit log and the outbox.</summary>
    private async Task TellAsync(EditorialEvent happened, string? actor, Func<Revision, long> id, IReadOnlyList<(string Name, byte[] Bytes)> published)
    {
        var slug = happened.Slug;
        switch (happened)
        {
            case DraftSaved { Origin: DraftOrigin.Restored } saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"restored {slug} from revision {saved.Revision.Subject} as a draft (revision {id(saved.Revision)})");
                break;
            case DraftSaved { Origin: DraftOrigin.BesideNewerChange } saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"saved {slug} (revision {id(saved.Revision)}) beside a change made since it was opened");
                break;
            case DraftSaved saved:
                await audit.RecordAsync(AuditEvents.RevisionSaved, actor, $"{RevisionActions.Saved} {slug} (revision {id(saved.Revision)})");
                break;
            case ChangeReturned returned:
                if (await database.ArticleRevisions.FindAsync(returned.SubmittedId) is { } submitted &&
                    await database.ArticleRevisions.FindAsync(id(returned.Revision)) is { } returnedRow)
                {
                    await mail.ReturnedAsync(submitted, returnedRow);
                }

                await audit.RecordAsync(AuditEvents.RevisionReturned, actor, $"returned {slug} (revision {returned.SubmittedId})");
                break;
            case ChangeApproved approved:
                await audit.RecordAsync(AuditEvents.RevisionApproved, actor, $"approved {slug} (revision {approved.SubmittedId}) and published it{PublishedPictures.Described(published)}");
                break;
            case ChangeScheduled scheduled:
                await audit.RecordAsync(AuditEvents.RevisionScheduled, actor, $"approved {slug} (revision {scheduled.SubmittedId}) to go live on {Describe(scheduled.At)}");
                break;
            case ScheduleCancelled cancelled:
                await audit.RecordAsync(AuditEvents.ScheduleCancelled, actor, $"cancelled the scheduled change to {slug} (revision {cancelled.Scheduled.Id})");
                break;
            case TakeDownScheduled scheduled:
                await audit.RecordAsync(AuditEvents.TakeDownScheduled, actor, $"set {slug} to come off the site on {Describe(scheduled.At)}: {scheduled.Reason}");
                break;
            case TakeDownCancelled cancelled:
                await audit.RecordAsync(AuditEvents.TakeDownCancelled, actor, $"cancelled taking {slug} off the site on {Describe(cancelled.At)}");
                break;
            case RolledBack rolledBack:
                await audit.RecordAsync(AuditEvents.ArticleRolledBack, actor, $"put back {slug} revision {rolledBack.PutBack.Id}{PublishedPictures.Described(published)}");
                break;
            case ArticleConfirmed:
                await audit.RecordAsync(AuditEvents.ArticleConfirmed, actor, $"confirmed {slug} still accurate");
                break;
            case Published:
                break; // rows in the publish log, above
            default:
                // An event this runner does not tell of yet comes from an action still run by hand in ArticleWorkflow.
                throw new InvalidOperationException($"The action runner does not tell of {happened.GetType().Name} yet.");
        }
    }

    private string Describe(DateTimeOffset at) => ClinicTime.Describe(at, clinic.Value.FindZone());

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish {Slug:l}: {Reason:l}")]
    private partial void LogWriteFailed(string slug, string reason);
}
