namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>Whether mail is getting through, for the dashboard: the last failure in plain words, and how many wait.</summary>
public sealed record MailStatus(bool Failing, string? LastError, DateTimeOffset? LastAttemptAt, int Waiting);
