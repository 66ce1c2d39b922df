namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>A clock stopped at one moment, in UTC, so date checks give the same answer every day.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
