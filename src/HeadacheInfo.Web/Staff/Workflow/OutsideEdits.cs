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
/// Records what changed in the content folder outside the app (an editor, git, a deleted file) as revisions by
/// "outside the app", through the action runner and the model's transitions, so the history has no gaps and,
/// with PostgreSQL, the change travels to every instance.
/// </summary>
public sealed class OutsideEdits(
    ArticleQueries queries,
    IArticleFileStore files,
    ArticleParser parser,
    ArticleLocks locks,
    StaffDbContext database,
    PublishChannel channel,
    ArticleActionRunner runner) : IFolderEditRecorder
{
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
            var known = channel.AppliedHash(slug) == hash || logged == hash || (logged is null && (await queries.StateAsync(slug))?.PublishedHash == hash);
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
    public async Task<bool> RecordOutsideEditAsync(string slug, string text)
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
}
