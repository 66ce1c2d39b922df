using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HeadacheInfo.Web.Staff.Mail;

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
