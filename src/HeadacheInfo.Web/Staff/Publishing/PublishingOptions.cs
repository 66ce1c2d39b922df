using System.ComponentModel.DataAnnotations;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>The <c>Publishing</c> section: how this instance takes part in the publish log (PostgreSQL only).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>This instance's name in the log and in "outside the app" history. Unset: the machine's name.</summary>
    [MaxLength(100, ErrorMessage = "Publishing:Instance must be at most 100 characters.")]
    public string? Instance { get; set; }

    /// <summary>How often the log's last row is checked, in case a notification was missed.</summary>
    [Range(1, 300, ErrorMessage = "Publishing:PollSeconds must be a whole number of seconds from 1 to 300.")]
    public int PollSeconds { get; set; } = 5;

    public string InstanceName => string.IsNullOrWhiteSpace(Instance) ? Environment.MachineName : Instance.Trim();
}
