using System.ComponentModel.DataAnnotations;

namespace HeadacheInfo.Web.Insights;

/// <summary>The <c>Insights</c> settings.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>How often the day's totals are moved from memory to the staff database (and at shutdown).</summary>
    [Range(1, 3600, ErrorMessage = "Insights:FlushSeconds must be a whole number of seconds from 1 to 3600.")]
    public int FlushSeconds { get; set; } = 60;
}
