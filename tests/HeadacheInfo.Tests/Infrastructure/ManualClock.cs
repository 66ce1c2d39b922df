namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>
/// A clock a test moves on by hand: it keeps real time (so sign-in codes and cookies behave as usual) plus
/// however far the test has moved it. Timers are real ones; a test that needs a background pass runs it itself.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock on (or back, with a negative span).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Sets the clock to a moment; it runs on from there.</summary>
    public void SetTo(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - TimeProvider.System.GetUtcNow()).Ticks);
}
