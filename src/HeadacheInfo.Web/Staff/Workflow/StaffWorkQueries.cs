using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// Every change in progress, from the workflow's state rows: for the dashboard's rows, "Your work", and the
/// counts in the staff navigation. Read per request (a few rows); the published files come from the snapshot.
/// </summary>
public sealed class StaffWorkQueries(StaffDbContext database)
{
    /// <summary>Every article the workflow knows of that has a change in progress or is off the site, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, WorkItem>> InProgressAsync()
    {
        var states = await database.ArticleStates.AsNoTracking()
            .Where(s => s.Status != ChangeStatus.None || s.PublishedHash == string.Empty).ToListAsync();
        var draftIds = states.Where(s => s.DraftRevisionId is not null).Select(s => s.DraftRevisionId!.Value).ToList();
        var drafts = await database.ArticleRevisions.AsNoTracking().Where(r => draftIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        var returnedIds = states.Where(s => s.Status == ChangeStatus.Returned).Select(s => s.DraftRevisionId).ToList();
        var comments = (await database.ArticleRevisions.AsNoTracking()
                .Where(r => r.Action == RevisionActions.Returned && returnedIds.Contains(r.SubjectRevisionId))
                .Select(r => new { r.SubjectRevisionId, r.Id, r.Note }).ToListAsync())
            .GroupBy(r => r.SubjectRevisionId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First().Note);
        var offSiteSlugs = states.Where(s => s.Status == ChangeStatus.None).Select(s => s.Slug).ToList();
        var takenDown = (await database.ArticleRevisions.AsNoTracking()
                .Where(r => offSiteSlugs.Contains(r.Slug) && r.Action == RevisionActions.Unpublished)
                .Select(r => new { r.Slug, r.Id, r.Author, r.At, r.Note }).ToListAsync())
            .GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());

        var work = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            if (state.DraftRevisionId is { } id && drafts.TryGetValue(id, out var draft) && state.Status != ChangeStatus.None)
            {
                work[state.Slug] = new WorkItem(state.Slug, ArticleDraft.FromMarkdown(draft.Text)?.Title ?? state.Slug, state.Status, draft.Id,
                    draft.Author, draft.At, comments.GetValueOrDefault(draft.Id));
            }
            else if (takenDown.TryGetValue(state.Slug, out var down))
            {
                work[state.Slug] = new WorkItem(state.Slug, state.Slug, DashboardRow.OffSite, down.Id, down.Author, down.At, down.Note);
            }
        }

        return work;
    }

    /// <summary>The work of one member of staff, from every change in progress: to review, what the editorial rules let them decide on.</summary>
    public async Task<StaffWork> ForAsync(EditorialActor me)
    {
        var email = me.Email;
        var changes = (await InProgressAsync()).Values.ToList();
        var contributors = await ArticleQueries.ContributorsAsync(database, [.. changes.Where(c => c.Status is ChangeStatus.Draft or ChangeStatus.Returned or ChangeStatus.Waiting).Select(c => c.Slug)]);
        bool Mine(WorkItem item) => contributors.TryGetValue(item.Slug, out var authors) && authors.Contains(email, StringComparer.OrdinalIgnoreCase);
        var waiting = changes.Where(c => c.Status == ChangeStatus.Waiting).ToList();
        return new StaffWork(
            [.. changes.Where(c => c.Status == ChangeStatus.Draft && Mine(c)).OrderByDescending(c => c.At)],
            [.. changes.Where(c => c.Status == ChangeStatus.Returned && Mine(c)).OrderByDescending(c => c.At)],
            [.. waiting.Where(c => EditorialRules.Allows(EditorialAction.Decide, me, contributors.GetValueOrDefault(c.Slug) ?? [])).OrderBy(c => c.At)],
            waiting.Count)
        {
            Sent = [.. waiting.Where(Mine).OrderBy(c => c.At)],
        };
    }

    /// <summary>Every article with a change approved for later or a take-down date, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, ScheduledItem>> ScheduledAsync()
    {
        var states = await database.ArticleStates.AsNoTracking().Where(s => s.ScheduledRevisionId != null || s.TakeDownAt != null).ToListAsync();
        var ids = states.Where(s => s.ScheduledRevisionId is not null).Select(s => s.ScheduledRevisionId!.Value).ToList();
        var texts = await database.ArticleRevisions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Text);
        return states.ToDictionary(s => s.Slug, s => new ScheduledItem(s,
            s.ScheduledRevisionId is { } id && texts.TryGetValue(id, out var text) ? ArticleDraft.FromMarkdown(text)?.Title : null), StringComparer.Ordinal);
    }

    /// <summary>How many changes wait for review: for the navigation on every staff page.</summary>
    public Task<int> WaitingCountAsync() => database.ArticleStates.CountAsync(s => s.Status == ChangeStatus.Waiting);
}
