namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>A week whose review digest was queued: the key makes a second one that week impossible.</summary>
public sealed class MailDigestWeek
{
    /// <summary>The Monday (UTC) the week starts.</summary>
    public DateOnly WeekOf { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}
