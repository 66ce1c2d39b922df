namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>The kinds of staff mail, each of which a person can turn off.</summary>
public static class MailKinds
{
    public const string Sent = "sent";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Digest = "digest";

    /// <summary>Someone else reset your password or two-step sign-in: a security notice, so it cannot be turned off (not in <see cref="All"/>).</summary>
    public const string AccountReset = "account-reset";

    /// <summary>An invitation to choose a first password, or a link to choose a new one: asked for, so never turned off.</summary>
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";

    public static readonly IReadOnlyList<(string Key, string Name, string Who)> All =
    [
        (Sent, "A change is sent for review", "reviewers, for changes they did not write"),
        (Returned, "Your change is returned, with the reviewer's comment", "its authors"),
        (Approved, "Your change is approved and published", "its authors"),
        (Digest, "Weekly list of articles overdue or due for review within 30 days", "reviewers"),
    ];
}
