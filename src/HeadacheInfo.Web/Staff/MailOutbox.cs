using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HeadacheInfo.Web.Staff;

/// <summary>
/// One e-mail to one person, written in the same transaction as the workflow action it tells of, and sent
/// later by <see cref="MailDelivery"/>: a mail server that is down never holds up the action. The row's own
/// state decides which instance sends it, so it goes once however many instances run.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Plain text: nothing in it is ever read as markup.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>One of <see cref="MailStates"/>.</summary>
    public string State { get; set; } = MailStates.Waiting;

    public int Attempts { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Not tried again before this.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While being sent: the instance that claimed it, and until when its claim holds.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last try failed, in plain words, with no setting's secret in it.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>A kind of mail a person has turned off on their account page; no row means they get it.</summary>
public sealed class MailOptOut
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;
}

/// <summary>A week whose review digest was queued: the key makes a second one that week impossible.</summary>
public sealed class MailDigestWeek
{
    /// <summary>The Monday (UTC) the week starts.</summary>
    public DateOnly WeekOf { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}

/// <summary>The kinds of staff mail, each of which a person can turn off.</summary>
public static class MailKinds
{
    public const string Sent = "sent";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Digest = "digest";

    public static readonly IReadOnlyList<(string Key, string Name, string Who)> All =
    [
        (Sent, "A change is sent for review", "reviewers, for changes they did not write"),
        (Returned, "Your change is returned, with the reviewer's comment", "its authors"),
        (Approved, "Your change is approved and published", "its authors"),
        (Digest, "Weekly list of articles overdue or due for review within 30 days", "reviewers"),
    ];
}

public static class MailStates
{
    public const string Waiting = "waiting";
    public const string Sending = "sending";
    public const string Sent = "sent";

    /// <summary>Refused by the mail server for good (such as an address it does not know): not tried again.</summary>
    public const string Failed = "failed";
}

internal static class MailOutboxModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutboxMail>(mail =>
        {
            mail.ToTable("MailOutbox");
            mail.Property(m => m.Kind).HasMaxLength(20);
            mail.Property(m => m.To).HasMaxLength(256);
            mail.Property(m => m.Subject).HasMaxLength(300);
            mail.Property(m => m.Body).HasMaxLength(20000);
            mail.Property(m => m.State).HasMaxLength(20);
            mail.Property(m => m.ClaimedBy).HasMaxLength(64);
            mail.Property(m => m.LastError).HasMaxLength(500);
            mail.HasIndex(m => new { m.State, m.NextAttemptAt });
        });
        builder.Entity<MailOptOut>(optOut =>
        {
            optOut.HasKey(o => new { o.UserId, o.Kind });
            optOut.Property(o => o.Kind).HasMaxLength(20);
            optOut.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MailDigestWeek>().HasKey(w => w.WeekOf);
    }

    /// <summary>SQLite cannot order or compare DateTimeOffset; ticks sort the same way.</summary>
    public static void StoreTimesAsTicks(ModelBuilder builder)
    {
        var ticks = new DateTimeOffsetToBinaryConverter();
        builder.Entity<OutboxMail>(mail =>
        {
            mail.Property(m => m.QueuedAt).HasConversion(ticks);
            mail.Property(m => m.NextAttemptAt).HasConversion(ticks);
            mail.Property(m => m.LeaseUntil).HasConversion(ticks);
            mail.Property(m => m.LastAttemptAt).HasConversion(ticks);
            mail.Property(m => m.SentAt).HasConversion(ticks);
        });
        builder.Entity<MailDigestWeek>().Property(w => w.QueuedAt).HasConversion(ticks);
    }
}
