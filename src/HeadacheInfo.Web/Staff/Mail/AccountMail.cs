using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// Tells the owner of an account that someone else reset its password or two-step sign-in, or made it an
/// admin's or took an admin's powers from it, through the same
/// outbox as the workflow's mail, in the reset's own transaction. No link: a message that asks nothing of its
/// reader gives a phisher nothing to copy. With <c>Email:Smtp:Host</c> unset it queues nothing.
/// </summary>
public sealed class AccountMail(StaffDbContext database, IOptions<EmailOptions> options, IOptions<ClinicOptions> clinic, TimeProvider time, StaffNames names)
{
    internal async Task ResetAsync(StaffUser owner, AccountReset reset)
    {
        if (!options.Value.Enabled || string.IsNullOrWhiteSpace(owner.Email))
        {
            return;
        }

        var by = reset.DoneByNamed(await names.LoadAsync());
        var when = ClinicTime.Describe(reset.DoneAt ?? time.GetUtcNow(), clinic.Value.FindZone());
        var after = AccountResetKinds.RoleOf(reset.Kind) switch
        {
            StaffRoles.Admin => "Every session you had was ended. When you sign in again you have an admin's powers, and you must use two-step sign-in.",
            { } role => $"Every session you had was ended. When you sign in again you have a {role}'s powers only.",
            null => reset.Kind switch
            {
                AccountResetKinds.Password => "Every session you had was ended. The account now has a one-time password, which was shown to whoever reset it.",
                AccountResetKinds.TwoFactor => "Every session you had was ended, and two-step sign-in is off for your account until it is set up again.",
                AccountResetKinds.Disable => "Every session you had was ended, and nobody can sign in to the account until an admin enables it again.",
                AccountResetKinds.Enable => "The account can be signed in to again, with its password and two-step sign-in.",
                _ => "Every session you had was ended; the account has a one-time password and two-step sign-in is off until it is set up again.",
            },
        };
        var now = time.GetUtcNow();
        database.MailOutbox.Add(new OutboxMail
        {
            Kind = MailKinds.AccountReset,
            To = owner.Email,
            Subject = $"Your HeadacheInfo staff {AccountResetKinds.Happened(reset.Kind)}",
            Body = $"This is about your HeadacheInfo staff account, {owner.Email}.\n\n" +
                $"Your {AccountResetKinds.Happened(reset.Kind)} by {by} on {when}.\n\n" +
                $"{after}\n\n" +
                "If you asked for this, there is nothing more to do. If you did not, tell another admin or your manager at once: " +
                "someone else may be able to sign in as you.\n\n" +
                "You get this e-mail whenever someone else resets your account or gives or takes away an admin's powers. It cannot be turned off.\n",
            QueuedAt = now,
            NextAttemptAt = now,
        });
    }
}
