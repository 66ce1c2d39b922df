namespace HeadacheInfo.Web.Insights;

/// <summary>How long daily totals are kept: 13 months, so a month can be compared with the same month last year.</summary>
public static class InsightsRetention
{
    public const int Months = 13;

    /// <summary>The first day still kept: anything before it is deleted.</summary>
    public static DateOnly FirstDayKept(DateOnly today) => today.AddMonths(-Months);
}
