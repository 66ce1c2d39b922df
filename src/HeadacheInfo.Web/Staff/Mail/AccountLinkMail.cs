using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// The two e-mails that carry a link to choose a password: an invitation when an admin adds someone, and a
/// forgotten password's link. Both go through the outbox, saved with the audit row that follows them. The
/// link holds a one-use token; it is never logged, audited or shown anywhere but in the mail.
/// </summary>
public sealed class AccountLinkMail(StaffDbContext database, IOptions<EmailOptions> options, IOptions<ClinicOptions> clinic, MailLinks links, TimeProvider time)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Queues the invitation to <paramref name="user"/>; saved by the caller's next save (the audit row).</summary>
    public void Invitation(StaffUser user, string role, string token, string invitedBy)
    {
        var now = time.GetUtcNow();
        var until = ClinicTime.Describe(now + AccountLinkTokens.InvitationLifespan, clinic.Value.FindZone());
        var twoStep = role == StaffRoles.Admin
            ? "As an admin you then set up two-step sign-in with an authenticator app on your phone: the site shows you how.\n\n"
            : string.Empty;
        Queue(MailKinds.Invitation, user.Email!, "You are invited to HeadacheInfo's staff area",
            $"Hello {user.DisplayName},\n\n" +
            $"{invitedBy} has made you a HeadacheInfo staff account as {StaffRoles.Describe(role)}. Your sign-in is this e-mail address, {user.Email}.\n\n" +
            "Choose your password here:\n" +
            $"{links.ChoosePassword(PasswordLinkKinds.Invitation, user.Id, token)}\n\n" +
            $"The link works once, until {until}. After that, ask an admin at your clinic for a new one.\n\n" +
            twoStep +
            "If you did not expect this, ignore it: nothing happens until the link is used.\n", now);
    }

    /// <summary>
    /// The forgotten password's link. For an address with no account the same mail is written, its token
    /// made and the outbox touched the same way, then dropped, so an unknown address costs the same work.
    /// </summary>
    public void PasswordReset(StaffUser user, string token, bool send)
    {
        var now = time.GetUtcNow();
        var until = ClinicTime.Describe(now + AccountLinkTokens.PasswordResetLifespan, clinic.Value.FindZone());
        var mail = Queue(MailKinds.PasswordReset, user.Email ?? string.Empty, "Choose a new HeadacheInfo staff password",
            $"Hello {user.DisplayName},\n\n" +
            $"Someone asked to choose a new password for the HeadacheInfo staff account {user.Email}. If it was you, choose it here:\n" +
            $"{links.ChoosePassword(PasswordLinkKinds.Reset, user.Id, token)}\n\n" +
            $"The link works once, until {until}. Your password stays as it is until you use it. " +
            "If you have two-step sign-in, you still enter a code from your phone when you sign in.\n\n" +
            "If you did not ask, ignore this e-mail, and tell an admin if it keeps happening.\n", now);
        if (!send)
        {
            database.MailOutbox.Remove(mail);
        }
    }

    private OutboxMail Queue(string kind, string to, string subject, string body, DateTimeOffset now)
    {
        var mail = new OutboxMail { Kind = kind, To = to, Subject = subject, Body = body, QueuedAt = now, NextAttemptAt = now };
        database.MailOutbox.Add(mail);
        return mail;
    }
}

/// <summary>The two links that open the page to choose a password, as they appear in its address.</summary>
public static class PasswordLinkKinds
{
    public const string Invitation = "invitation";
    public const string Reset = "reset";
}
