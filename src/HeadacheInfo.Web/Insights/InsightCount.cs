namespace HeadacheInfo.Web.Insights;

/// <summary>
/// One daily total: a day (UTC), what was counted and how many times. Nothing about who: no cookie, address,
/// browser or time of day is ever part of it. Deleted after <see cref="InsightsRetention.Months"/> months.
/// </summary>
public sealed class InsightCount
{
    public long Id { get; set; }

    public DateOnly On { get; set; }

    /// <summary>One of <see cref="InsightKind"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The scrubbed search, the page's path, or the check's outcome.</summary>
    public string Key { get; set; } = string.Empty;

    public int Count { get; set; }
}
