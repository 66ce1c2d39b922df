using System.Linq.Expressions;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Feedback;

/// <summary>
/// "Was this page helpful?": the one place answers are stored, counted and listed, for the article page and the
/// staff area alike. Closing a comment is <see cref="FeedbackFollowUp"/>'s.
/// </summary>
public sealed partial class PageFeedback(StaffDbContext database, StaffDatabaseReadiness readiness, AuditLog audit, TimeProvider time)
{
    public const int MaxCommentLength = 500;
    public const int DaysShown = 90;

    /// <summary>An open comment: a "No" with words, not yet closed.</summary>
    private static readonly Expression<Func<ArticleFeedback, bool>> OpenComment = f => !f.Helpful && f.Comment != null && f.Resolution == null;

    private static readonly Func<ArticleFeedback, bool> IsOpenComment = OpenComment.Compile();

    private IQueryable<ArticleFeedback> Open => database.ArticleFeedback.AsNoTracking().Where(OpenComment);

    public static bool IsOpen(ArticleFeedback feedback) => IsOpenComment(feedback);

    /// <summary>The first day of the last <see cref="DaysShown"/> days, today counted as one of them.</summary>
    public static DateOnly FirstDayCounted(DateOnly today) => today.AddDays(-(DaysShown - 1));

    /// <summary>Keeps one anonymous answer, dated today (UTC), with the comment's contact details taken out.</summary>
    public async Task RecordAsync(string slug, bool helpful, string? comment)
    {
        await readiness.Ready;
        database.ArticleFeedback.Add(new ArticleFeedback
        {
            Slug = slug,
            Helpful = helpful,
            Comment = Clean(comment),
            On = time.UtcToday(),
        });
        await database.SaveChangesAsync();
    }

    /// <summary>Yes and no answers per article over the last <see cref="DaysShown"/> days, today included.</summary>
    public async Task<IReadOnlyDictionary<string, (int Yes, int No)>> CountsAsync(DateOnly today)
    {
        var since = FirstDayCounted(today);
        var rows = await database.ArticleFeedback.AsNoTracking().Where(f => f.On >= since && f.On <= today)
            .GroupBy(f => new { f.Slug, f.Helpful }).Select(g => new { g.Key.Slug, g.Key.Helpful, Count = g.Count() }).ToListAsync();
        return rows.GroupBy(r => r.Slug).ToDictionary(
            g => g.Key,
            g => (g.Where(r => r.Helpful).Sum(r => r.Count), g.Where(r => !r.Helpful).Sum(r => r.Count)));
    }

    /// <summary>How many open comments each article has (articles with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenCountsAsync() =>
        await Open.GroupBy(f => f.Slug).Select(g => new { Slug = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Slug, g => g.Count, StringComparer.Ordinal);

    /// <summary>One article's open comments, oldest first: the longest waiting at the top.</summary>
    public async Task<IReadOnlyList<ArticleFeedback>> OpenForAsync(string slug) =>
        await Open.Where(f => f.Slug == slug).OrderBy(f => f.On).ThenBy(f => f.Id).ToListAsync();

    /// <summary>The comments each revision of an article answered, by revision.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<ArticleFeedback>>> AnsweredAsync(string slug) =>
        (await database.ArticleFeedback.AsNoTracking().Where(f => f.Slug == slug && f.AnsweredByRevisionId != null).OrderBy(f => f.Id).ToListAsync())
        .GroupBy(f => f.AnsweredByRevisionId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ArticleFeedback>)[.. g]);

    /// <summary>The newest answers that have words, newest first.</summary>
    public async Task<IReadOnlyList<ArticleFeedback>> CommentsAsync(int count) =>
        await database.ArticleFeedback.AsNoTracking().Where(f => f.Comment != null)
            .OrderByDescending(f => f.On).ThenByDescending(f => f.Id).Take(count).ToListAsync();

    /// <summary>Deletes a comment's words (the answer still counts), in the audit log by whom.</summary>
    /// <returns>False when there is no such comment.</returns>
    public async Task<bool> DeleteCommentAsync(long id, string? by)
    {
        if (await database.ArticleFeedback.FirstOrDefaultAsync(f => f.Id == id) is not { Comment: not null } feedback)
        {
            return false;
        }

        feedback.Comment = null;
        await database.SaveChangesAsync();
        await audit.RecordAsync(AuditEvents.FeedbackCommentDeleted, by, $"deleted a reader's comment on {feedback.Slug} (answer {feedback.Id})");
        return true;
    }
}
