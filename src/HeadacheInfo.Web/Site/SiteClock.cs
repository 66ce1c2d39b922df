namespace HeadacheInfo.Web.Site;

/// <summary>The site's calendar day. Review dates, feedback days and the daily re-render all count in UTC, so they agree.</summary>
public static class SiteClock
{
    public static DateOnly UtcToday(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
