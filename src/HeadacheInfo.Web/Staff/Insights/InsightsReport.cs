namespace HeadacheInfo.Web.Staff.Insights;

/// <summary>Everything /staff/insights shows, over the days from <paramref name="Since"/> to <paramref name="Until"/>.</summary>
public sealed record InsightsReport(
    DateOnly Since,
    DateOnly Until,
    IReadOnlyList<InsightsRow> SearchesNotFound,
    IReadOnlyList<InsightsRow> SearchesFrequent,
    IReadOnlyList<InsightsRow> PagesRead,
    IReadOnlyList<CheckResultsWeek> CheckResults,
    IReadOnlyList<(string Slug, int Yes, int No)> Helpful);
