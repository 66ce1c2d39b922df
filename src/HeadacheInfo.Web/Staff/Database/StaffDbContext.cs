using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// Everything the staff area stores, in one database: accounts and roles (Identity), the audit log, articles'
/// revisions, states and pictures, readers' feedback, the mail outbox, the publish log, resets of accounts and patients' daily usage totals.
/// Each database provider has its own subclass, so each has its own migrations.
/// </summary>
public abstract class StaffDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<ArticleFeedback> ArticleFeedback => Set<ArticleFeedback>();

    public DbSet<ArticleState> ArticleStates => Set<ArticleState>();

    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    public DbSet<MailOptOut> MailOptOuts => Set<MailOptOut>();

    public DbSet<MailDigestWeek> MailDigestWeeks => Set<MailDigestWeek>();

    public DbSet<RevisionPicture> RevisionPictures => Set<RevisionPicture>();

    public DbSet<PublishLogEntry> PublishLog => Set<PublishLogEntry>();

    public DbSet<AccountReset> AccountResets => Set<AccountReset>();

    public DbSet<InsightCount> InsightCounts => Set<InsightCount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<StaffUser>().Property(u => u.RoleTitle).HasMaxLength(200);
        builder.Entity<ArticleFeedback>(feedback =>
        {
            feedback.Property(f => f.Slug).HasMaxLength(200);
            feedback.Property(f => f.Comment).HasMaxLength(500);
            feedback.HasIndex(f => new { f.Slug, f.On });
            feedback.Property(f => f.Resolution).HasMaxLength(20);
            feedback.Property(f => f.ResolutionNote).HasMaxLength(500);
            feedback.Property(f => f.ResolvedBy).HasMaxLength(256);
            feedback.HasIndex(f => f.AnsweredByRevisionId);
        });
        builder.Entity<ArticleRevision>(revision =>
        {
            revision.Property(r => r.Slug).HasMaxLength(200);
            revision.Property(r => r.Action).HasMaxLength(40);
            revision.Property(r => r.BaseHash).HasMaxLength(64);
            revision.Property(r => r.Author).HasMaxLength(256);
            revision.Property(r => r.Note).HasMaxLength(4000);
            revision.Property(r => r.ReaderNote).HasMaxLength(200);
            revision.HasIndex(r => new { r.Slug, r.Id });
        });
        builder.Entity<ArticleState>(state =>
        {
            state.HasKey(s => s.Slug);
            state.Property(s => s.Slug).HasMaxLength(200);
            state.Property(s => s.Status).HasMaxLength(20);
            state.Property(s => s.DraftBaseHash).HasMaxLength(64);
            state.Property(s => s.PublishedHash).HasMaxLength(64);
            state.Property(s => s.Version).IsConcurrencyToken();
            state.Property(s => s.ScheduleProblem).HasMaxLength(1000);
            state.Property(s => s.TakeDownReason).HasMaxLength(1000);
            state.Property(s => s.TakeDownBy).HasMaxLength(256);
            state.Property(s => s.TakeDownProblem).HasMaxLength(1000);
        });
        builder.Entity<RevisionPicture>(picture =>
        {
            picture.Property(p => p.Name).HasMaxLength(100);
            picture.HasIndex(p => p.Name).IsUnique();
            picture.Property(p => p.Slug).HasMaxLength(200);
            picture.HasIndex(p => p.Slug);
            picture.HasOne(p => p.Revision).WithMany().HasForeignKey(p => p.RevisionId).OnDelete(DeleteBehavior.Restrict);
            picture.Property(p => p.ContentType).HasMaxLength(40);
            picture.Property(p => p.Alt).HasMaxLength(1000);
            picture.Property(p => p.Caption).HasMaxLength(1000);
            picture.Property(p => p.UploadedBy).HasMaxLength(256);
        });
        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(a => a.Event).HasMaxLength(40);
            audit.Property(a => a.Actor).HasMaxLength(256);
            audit.Property(a => a.Detail).HasMaxLength(1000);
            audit.Property(a => a.ClientAddress).HasMaxLength(64);
            audit.HasIndex(a => a.At);
        });
        MailOutboxModel.Configure(builder);
        PublishLogModel.Configure(builder);
        AccountResetModel.Configure(builder);
        InsightCountModel.Configure(builder);
    }
}
