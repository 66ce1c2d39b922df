using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Tests.Clinic;

/// <summary>Times staff type, read in the clinic's zone, including the two nights a year the clocks change.</summary>
public sealed class ClinicTimeTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_summer_time_is_read_on_the_clinics_clock_not_the_servers()
    {
        var reading = ClinicTime.Read("2026-07-01T09:00", London, Now);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), reading.At);
        Assert.Null(reading.Note);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_taken_as_that_far_past_the_jump_and_says_so()
    {
        // 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST.
        var reading = ClinicTime.Read("2026-03-29T01:30", London, Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), reading.At);
        Assert.Contains("clocks go forward", reading.Note, StringComparison.Ordinal);
        Assert.Contains("02:30", reading.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_that_happens_twice_is_the_first_and_says_so()
    {
        // 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:30 happens twice.
        var reading = ClinicTime.Read("2026-10-25T01:30", London, Now);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), reading.At);
        Assert.Contains("happens twice", reading.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-10T11:00", "has already passed")]
    [InlineData("tomorrow", "Enter the date and time")]
    [InlineData("2026-02-30T09:00", "Enter the date and time")]
    [InlineData("2099-01-01T09:00", "five years")]
    public void A_past_unreadable_or_far_off_time_is_refused_with_a_reason(string typed, string reason)
    {
        var reading = ClinicTime.Read(typed, London, Now);

        Assert.Null(reading.At);
        Assert.Contains(reason, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_means_now()
    {
        Assert.Equal(new ClinicTimeReading(null, null, null), ClinicTime.Read("  ", London, Now));
    }
}
