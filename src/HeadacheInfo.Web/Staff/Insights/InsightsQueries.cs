using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Insights;

/// <summary>
/// The staff's view of what patients looked for: the daily totals (<see cref="InsightCount"/>) summed over the
/// last <see cref="PageFeedback.DaysShown"/> days, the same window as the feedback counts. A search is shown only
/// once <see cref="SearchesShownFrom"/> or more searches share it, so no one person's search can be picked out.
/// </summary>
public sealed class InsightsQueries(StaffDbContext database, PageFeedback feedback, TimeProvider time)
{
    /// <summary>The k-anonymity threshold for searches.</summary>
    public const int SearchesShownFrom = 3;

    /// <summary>How many lines each table shows at most.</summary>
    public const int RowsShown = 50;

    public async Task<InsightsReport> ReportAsync()
    {
        var today = time.UtcToday();
        var since = PageFeedback.FirstDayCounted(today);
        var helpful = await feedback.CountsAsync(today);
        return new InsightsReport(
            since,
            today,
            await TopAsync(InsightKind.SearchNotFound, since, SearchesShownFrom),
            await TopAsync(InsightKind.Search, since, SearchesShownFrom),
            await TopAsync(InsightKind.PageRead, since, 1),
            await CheckResultsAsync(since),
            [.. helpful.OrderByDescending(h => h.Value.No).ThenByDescending(h => h.Value.Yes).ThenBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => (h.Key, h.Value.Yes, h.Value.No))]);
    }

    private async Task<IReadOnlyList<InsightsRow>> TopAsync(string kind, DateOnly since, int atLeast) =>
        await database.InsightCounts.AsNoTracking().Where(c => c.Kind == kind && c.On >= since)
            .GroupBy(c => c.Key).Select(g => new { Key = g.Key, Count = g.Sum(c => c.Count) })
            .Where(g => g.Count >= atLeast)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(RowsShown)
            .Select(g => new InsightsRow(g.Key, g.Count)).ToListAsync();

    private async Task<IReadOnlyList<CheckResultsWeek>> CheckResultsAsync(DateOnly since)
    {
        // At most 90 days × 4 outcomes: summed into weeks here rather than in each database's own date words.
        var days = await database.InsightCounts.AsNoTracking().Where(c => c.Kind == InsightKind.CheckResult && c.On >= since)
            .Select(c => new { c.On, c.Key, c.Count }).ToListAsync();
        return [.. days.GroupBy(d => WeekOf(d.On)).OrderByDescending(w => w.Key)
            .Select(w => new CheckResultsWeek(w.Key, w.GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Sum(d => d.Count), StringComparer.Ordinal)))];
    }

    /// <summary>The Monday a day's week starts on.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
