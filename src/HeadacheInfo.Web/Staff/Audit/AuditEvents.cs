namespace HeadacheInfo.Web.Staff.Audit;

/// <summary>The audit log's event names, also written as <c>data-event</c> on each row of /staff/audit.</summary>
public static class AuditEvents
{
    public const string SignIn = "sign-in";

    /// <summary>An admin saved the site settings: the changed fields, each before and after.</summary>
    public const string SiteSettingsSaved = "site-settings-saved";

    /// <summary>An admin saved the search synonyms: the groups added and taken out.</summary>
    public const string SynonymsSaved = "synonyms-saved";

    /// <summary>An admin saved the article categories: each one added, renamed, described anew or removed, and the order before and after.</summary>
    public const string CategoriesSaved = "site-categories-saved";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string AccountChanged = "account-changed";

    /// <summary>An admin asked to reset another admin's password or two-step sign-in: nothing changes until a second admin confirms.</summary>
    public const string AccountResetRequested = "account-reset-requested";

    /// <summary>A second admin confirmed such a request, and the reset was done.</summary>
    public const string AccountResetConfirmed = "account-reset-confirmed";
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
    public const string DraftDiscarded = "draft-discarded";

    /// <summary>An upgrade found a shipped article that differs from the live one and offered it for review.</summary>
    public const string ReleaseOffered = "release-offered";

    /// <summary>A wrong current password when changing it: counts towards the same lock-out as signing in.</summary>
    public const string PasswordChangeFailed = "password-change-failed";

    /// <summary>Someone asked for a forgotten password's link, for a known address or not: counts towards the sign-in lock-out.</summary>
    public const string PasswordResetRequested = "password-reset-requested";

    /// <summary>A password was chosen through an e-mailed link (an invitation or a forgotten password): the address's count starts again.</summary>
    public const string PasswordLinkUsed = "password-link-used";
}
