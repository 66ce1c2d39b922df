using System.Globalization;

namespace HeadacheInfo.Web.Site;

/// <summary>How dates and other values read on the page.</summary>
public static class DisplayFormats
{
    /// <summary>A date as people write it, such as "24 November 2026".</summary>
    public static string Readable(this DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as the HTML <c>time</c> element wants it.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
