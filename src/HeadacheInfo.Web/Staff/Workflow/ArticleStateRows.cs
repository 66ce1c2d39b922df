using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// The article's state row and its revisions as the editorial model (<see cref="EditorialState"/>,
/// <see cref="Revision"/>) sees them: the one place the stored text values are read and written.
/// </summary>
public sealed class ArticleStateRows(StaffDbContext database, IArticleFileStore files, TimeProvider time)
{
    /// <summary>
    /// The article's state row. A database made before state rows existed has only revisions: the row is worked
    /// out from them once, by replaying them through the model, the first time the article is touched, and kept.
    /// </summary>
    public async Task<ArticleState?> EnsureAsync(string slug, bool tracked)
    {
        var query = tracked ? database.ArticleStates : database.ArticleStates.AsNoTracking();
        if (await query.FirstOrDefaultAsync(s => s.Slug == slug) is { } state)
        {
            return state;
        }

        var history = await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug).OrderBy(r => r.Id).ToListAsync();
        if (history.Count == 0)
        {
            return null;
        }

        var derived = new ArticleState { Slug = slug };
        Write(EditorialState.Replay(slug, history.Select(ToModel), time), derived);
        database.ArticleStates.Add(derived);
        try
        {
            await database.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Worked out at the same moment elsewhere: theirs is the same.
            database.ChangeTracker.Clear();
            return await query.FirstOrDefaultAsync(s => s.Slug == slug);
        }

        if (!tracked)
        {
            database.Entry(derived).State = EntityState.Detached;
        }

        return derived;
    }

    /// <summary>A state row for an article the workflow has not seen, published as its file is now; added, not saved.</summary>
    public ArticleState New(string slug)
    {
        var state = new ArticleState { Slug = slug, PublishedHash = ArticleFile.ContentHash(files.Read(slug).Text) };
        database.ArticleStates.Add(state);
        return state;
    }

    /// <summary>The row as the model.</summary>
    public EditorialState Load(ArticleState row) => EditorialState.Load(new StateSnapshot(
        row.Slug, ChangeStates.Parse(row.Status), row.DraftRevisionId, row.DraftBaseHash, row.PublishedHash,
        row.ScheduledRevisionId, row.PublishAt, row.ScheduleProblem, row.TakeDownAt, row.TakeDownReason, row.TakeDownBy, row.TakeDownProblem), time);

    /// <summary>Writes the model's state onto its row (only what changed is updated).</summary>
    public static void Write(EditorialState state, ArticleState row)
    {
        var s = state.Snapshot();
        row.Status = ChangeStates.Text(s.Status);
        row.DraftRevisionId = s.DraftRevisionId;
        row.DraftBaseHash = s.DraftBaseHash;
        row.PublishedHash = s.PublishedHash;
        row.ScheduledRevisionId = s.ScheduledRevisionId;
        row.PublishAt = s.PublishAt;
        row.ScheduleProblem = s.ScheduleProblem;
        row.TakeDownAt = s.TakeDownAt;
        row.TakeDownReason = s.TakeDownReason;
        row.TakeDownBy = s.TakeDownBy;
        row.TakeDownProblem = s.TakeDownProblem;
    }

    public static Revision ToModel(ArticleRevision row) =>
        new(RevisionKinds.Parse(row.Action), row.Text, row.BaseHash, row.Author, row.At, row.Note, row.SubjectRevisionId) { Id = row.Id, ReaderNote = row.ReaderNote };

    public static ArticleRevision ToRow(string slug, Revision revision) => new()
    {
        Slug = slug,
        Action = RevisionKinds.Text(revision.Kind),
        Text = revision.Text,
        BaseHash = revision.BaseHash ?? string.Empty,
        Author = revision.Author,
        At = revision.At,
        Note = revision.Note,
        SubjectRevisionId = revision.Subject,
        ReaderNote = revision.ReaderNote,
    };
}
