using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The embedded default: one file, nothing to set up.</summary>
public sealed class SqliteStaffDbContext(DbContextOptions<SqliteStaffDbContext> options) : StaffDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite cannot order or compare DateTimeOffset; store it as ticks, which sort the same way.
        builder.Entity<AuditEvent>().Property(a => a.At).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<ArticleRevision>().Property(r => r.At).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<ArticleFeedback>().Property(f => f.ResolvedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<ArticleState>().Property(s => s.PublishAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<ArticleState>().Property(s => s.TakeDownAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        MailOutboxModel.StoreTimesAsTicks(builder);
        AccountResetModel.StoreTimesAsTicks(builder);
        builder.Entity<RevisionPicture>().Property(p => p.UploadedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<PublishLogEntry>().Property(p => p.At).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
    }
}
