using System.Globalization;

namespace HeadacheInfo.Web.Clinic;

/// <summary>
/// Times as staff type and read them: in the clinic's own zone (<c>Clinic:TimeZone</c>), never the server's,
/// so "9 in the morning" means the clinic's morning wherever the site runs.
/// </summary>
public static class ClinicTime
{
    private static readonly string[] InputFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];

    /// <summary>
    /// Reads what a <c>datetime-local</c> field sends. Empty means no time. A time the clocks skip (they go
    /// forward) is read on the clock as it was before the change, which is the same moment as that far past the
    /// jump; a time that happens twice (they go back) is the first of the two. Either way the note says so.
    /// </summary>
    public static ClinicTimeReading Read(string? input, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new(null, null, null);
        }

        if (input.Length > 40 || !DateTime.TryParseExact(input.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new(null, "Enter the date and time as a day and a time, such as 2026-12-01 09:00.", null);
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        string? note = null;
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In the gap: the offset in force just before it, so 01:30 on the morning the clocks go forward an hour is 02:30 by the new clock.
            offset = zone.GetUtcOffset(local.AddHours(-3));
            note = string.Create(CultureInfo.InvariantCulture, $"The clocks go forward then, so {local:HH:mm} does not happen on {local:d MMMM}; it is taken as {Describe(new DateTimeOffset(local, offset), zone)}.");
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
            note = string.Create(CultureInfo.InvariantCulture, $"The clocks go back then, so {local:HH:mm} happens twice on {local:d MMMM}; the first of the two is taken.");
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        var at = new DateTimeOffset(local, offset).ToUniversalTime();
        if (at <= now)
        {
            return new(null, $"{Describe(at, zone)} has already passed. Choose a time in the future, or leave it empty to publish now.", null);
        }

        return at > now.AddYears(5)
            ? new(null, "Choose a time within the next five years.", null)
            : new(at, null, note);
    }

    /// <summary>A moment as staff read it: "1 December 2026 at 09:00 (Europe/London time)".</summary>
    public static string Describe(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id + " time)";
    }

    /// <summary>When something happened, briefly, on the clinic's clock: "30 November 2026, 07:06".</summary>
    public static string Brief(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A moment as a <c>datetime-local</c> field shows it, in the clinic's zone.</summary>
    public static string InputValue(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A moment for machines (data- attributes): ISO 8601 in UTC.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
