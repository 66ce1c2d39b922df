using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff;

/// <summary>A member of staff. Signs in with email and password; a role says what they may do.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the staff area and the audit log.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for a one-time password: the next sign-in must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool Disabled { get; set; }

    /// <summary>How a reviewer is named on the articles they approve, such as "Senior physiotherapist": never an email.</summary>
    public string RoleTitle { get; set; } = string.Empty;
}

/// <summary>
/// One version of one article, kept for good: every saved draft, submission, return, approval, take-down and
/// edit made outside the app is a row. The app never deletes one.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    /// <summary>One of <see cref="RevisionActions"/>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The whole Markdown file, front matter and all.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>A fingerprint of the published file this version was based on (empty for a new article).</summary>
    public string BaseHash { get; set; } = string.Empty;

    /// <summary>The email of the account that made it, or "outside the app".</summary>
    public string Author { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The author's note to the reviewer, or the reviewer's comment.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// For a decision (a return, an approval): the revision it decided. A return points at the text it sent
    /// back instead of copying it; an approval keeps the text it published, which differs only in the review fields.
    /// </summary>
    public long? SubjectRevisionId { get; set; }

    /// <summary>
    /// For a save or a submission: the author's "What changed, for readers" line. It reaches patients only
    /// when the change is approved, written into the article's change log (see <see cref="Articles.ArticleChanges"/>).
    /// </summary>
    public string? ReaderNote { get; set; }
}

/// <summary>
/// A picture uploaded in the editor, kept in the database with the draft it was uploaded with: the bytes, the
/// type its own first bytes show, its name, who and when. It reaches <c>content/images/</c> only when a change
/// whose text shows it is approved. A name is never reused for other bytes, so a text's pictures are exactly
/// the names it shows, through every save, send, return, approval, restore and roll-back.
/// </summary>
public sealed class RevisionPicture
{
    public long Id { get; set; }

    /// <summary>The file name, such as neck-stretch.png: unique, and the name it is written under.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The article it was uploaded for.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>The draft revision saved with the upload.</summary>
    public long RevisionId { get; set; }

    public ArticleRevision? Revision { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Bytes { get; set; } = [];

    /// <summary>The alternative text it was uploaded with (empty for a decorative picture).</summary>
    public string Alt { get; set; } = string.Empty;

    public string? Caption { get; set; }

    /// <summary>The email of the account that uploaded it.</summary>
    public string UploadedBy { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// Where one article stands in the workflow, one row per article beside its revisions (which never change),
/// as Wagtail's WorkflowState sits beside its Revisions: the change in progress, if any, what it started from,
/// and a concurrency token, so two people acting at once cannot both win.
/// </summary>
public sealed class ArticleState
{
    public string Slug { get; set; } = string.Empty;

    /// <summary>One of <see cref="ChangeStatus"/>: the change in progress, if any.</summary>
    public string Status { get; set; } = ChangeStatus.None;

    /// <summary>The latest revision of the change in progress: the draft saved, or the text sent or returned.</summary>
    public long? DraftRevisionId { get; set; }

    /// <summary>A fingerprint of the published text the change in progress started from (empty for a new article).</summary>
    public string DraftBaseHash { get; set; } = string.Empty;

    /// <summary>A fingerprint of the published text as the workflow last wrote or recorded it (empty when not on the site).</summary>
    public string PublishedHash { get; set; } = string.Empty;

    /// <summary>Bumped by every action; an action that read an older value is refused as a conflict.</summary>
    public int Version { get; set; }

    /// <summary>
    /// A change approved to go live later: its <see cref="RevisionActions.Scheduled"/> revision, holding the signed-off
    /// text. Kept apart from the draft, so the published version stays live and authors can go on writing meanwhile.
    /// </summary>
    public long? ScheduledRevisionId { get; set; }

    /// <summary>When the scheduled change goes live (UTC).</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>Why the scheduled change could not go live at its time (checker errors, a newer published text); null while it may.</summary>
    public string? ScheduleProblem { get; set; }

    /// <summary>When the article comes off the site by itself (UTC), for seasonal or time-limited advice.</summary>
    public DateTimeOffset? TakeDownAt { get; set; }

    /// <summary>Why it comes off at that time, kept in its history as a take-down's reason is.</summary>
    public string? TakeDownReason { get; set; }

    /// <summary>The reviewer who set the take-down date: the take-down is recorded as theirs.</summary>
    public string? TakeDownBy { get; set; }

    /// <summary>Why the take-down could not happen at its time (other articles link to it); null while it may.</summary>
    public string? TakeDownProblem { get; set; }

    /// <summary>Drops the change approved for later, its time and any reason it could not go live.</summary>
    public void ClearSchedule()
    {
        ScheduledRevisionId = null;
        PublishAt = null;
        ScheduleProblem = null;
    }

    /// <summary>Drops the take-down date, its reason, who set it and any reason it could not be carried out.</summary>
    public void ClearTakeDownDate()
    {
        TakeDownAt = null;
        TakeDownReason = null;
        TakeDownBy = null;
        TakeDownProblem = null;
    }
}

/// <summary>The change in progress on an article.</summary>
public static class ChangeStatus
{
    public const string None = "none";
    public const string Draft = "draft";
    public const string Waiting = "waiting";
    public const string Returned = "returned";
}

/// <summary>
/// One answer to "Was this page helpful?": the article, yes or no, an optional comment with email addresses
/// and phone numbers taken out, and the day. Anonymous: no cookie, address or browser is kept.
/// </summary>
public sealed class ArticleFeedback
{
    public long Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    public DateOnly On { get; set; }

    /// <summary>Null while a "No" comment is open; else one of <see cref="FeedbackResolutions"/>.</summary>
    public string? Resolution { get; set; }

    /// <summary>Why it was closed, in the words of the member of staff who closed it.</summary>
    public string? ResolutionNote { get; set; }

    /// <summary>The email of the account that closed it.</summary>
    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>For "dealt with": the revision of the article that answered it, if any.</summary>
    public long? AnsweredByRevisionId { get; set; }
}

/// <summary>How a reader's "No" comment was closed.</summary>
public static class FeedbackResolutions
{
    public const string DealtWith = "dealt-with";
    public const string NoChangeNeeded = "no-change-needed";

    public static string Describe(string? resolution) => resolution switch
    {
        DealtWith => "Dealt with",
        NoChangeNeeded => "No change needed",
        _ => "Open",
    };
}

/// <summary>What a revision row records.</summary>
public static class RevisionActions
{
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Unpublished = "unpublished";
    public const string OutsideEdit = "outside-edit";
    public const string Confirmed = "confirmed";
    public const string RolledBack = "rolled-back";

    /// <summary>Approved to go live at a set time: the signed-off text, waiting; an approved row follows when it goes live.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>A scheduled change called off before its time; it points at the scheduled revision.</summary>
    public const string ScheduleCancelled = "schedule-cancelled";

    public const string OutsideTheApp = "outside the app";

    /// <summary>What a revision row records, in words for staff; the short names stay for machines (<c>data-action</c>).</summary>
    public static string Describe(string action) => action switch
    {
        Saved => "draft saved",
        Submitted => "sent for review",
        Returned => "returned to the author",
        Approved => "approved and published",
        Unpublished => "taken off the site",
        OutsideEdit => "changed outside the staff area",
        Confirmed => "confirmed still accurate",
        RolledBack => "earlier version put back",
        Scheduled => "approved to go live later",
        ScheduleCancelled => "scheduled change cancelled",
        _ => action,
    };

    /// <summary>A step that leaves a change still being written or waiting for review, not yet published or dropped.</summary>
    public static bool IsInProgress(string action) => action is Saved or Submitted or Returned;

    /// <summary>
    /// A row that records what happened to the published file but is not a step in writing a change: it
    /// never hides a draft in progress or a change waiting for review.
    /// </summary>
    public static bool IsHistoryOnly(string action) => action is OutsideEdit or Confirmed;
}

/// <summary>Something that matters for security, kept for admins to read: who, when, what. Never a password.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>Who did it: the signed-in account's email, or the email typed at a failed sign-in.</summary>
    public string? Actor { get; set; }

    /// <summary>What it was about, in plain words (an account, a role).</summary>
    public string Detail { get; set; } = string.Empty;

    /// <summary>The client's address, as the site saw it.</summary>
    public string? ClientAddress { get; set; }
}

/// <summary>The audit log's event names, also written as <c>data-event</c> on each row of /staff/audit.</summary>
public static class AuditEvents
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string AccountChanged = "account-changed";
    public const string RevisionSaved = "revision-saved";
    public const string RevisionSubmitted = "revision-submitted";
    public const string RevisionReturned = "revision-returned";
    public const string RevisionApproved = "revision-approved";
    public const string ArticleUnpublished = "article-unpublished";
    public const string ArticleConfirmed = "article-confirmed";
    public const string ArticleRolledBack = "article-rolled-back";
    public const string FeedbackCommentDeleted = "feedback-comment-deleted";
    public const string FeedbackDealtWith = "feedback-dealt-with";
    public const string FeedbackNoChangeNeeded = "feedback-no-change-needed";
    public const string RevisionScheduled = "revision-scheduled";
    public const string ScheduleCancelled = "schedule-cancelled";
    public const string ScheduleFailed = "schedule-failed";
    public const string TakeDownScheduled = "take-down-scheduled";
    public const string TakeDownCancelled = "take-down-cancelled";
    public const string TakeDownFailed = "take-down-failed";
    public const string MailSettingsChanged = "mail-settings-changed";
    public const string PictureUploaded = "picture-uploaded";

    /// <summary>A wrong current password when changing it: counts towards the same lock-out as signing in.</summary>
    public const string PasswordChangeFailed = "password-change-failed";
}

/// <summary>The roles, as Identity stores them.</summary>
public static class StaffRoles
{
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static readonly string[] All = [Author, Reviewer, Admin];

    public static string Describe(string role) => role switch
    {
        Author => "Author (writes articles)",
        Reviewer => "Reviewer (clinically signs off changes)",
        Admin => "Admin (manages accounts)",
        _ => role,
    };
}

/// <summary>
/// Everything the staff area stores, in one database: accounts and roles (Identity) and the audit log.
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
    }
}

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
        builder.Entity<RevisionPicture>().Property(p => p.UploadedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.Entity<PublishLogEntry>().Property(p => p.At).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
    }
}

/// <summary>For clinics that run several instances against one database.</summary>
public sealed class PostgresStaffDbContext(DbContextOptions<PostgresStaffDbContext> options) : StaffDbContext(options);
