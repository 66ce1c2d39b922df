using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// A forgotten password: a one-use link, valid 1 hour, e-mailed to the address if it has an enabled account.
/// Every request gets the same answer after the same work (a token made and a mail written for an unknown
/// address too), is audited, and counts towards the sign-in lock-out of that address, so asking again and
/// again is slowed like guessing. Only when mail is set up; otherwise the page says to ask an admin.
/// </summary>
[EnableRateLimiting(RateLimitPolicy.SignIn)]
[AcceptsFormPost]
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, SignInLockOut lockOut, AccountLinkMail mail) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter your email address, such as name@clinic.example.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    public bool MailEnabled => mail.Enabled;

    /// <summary>The one answer, for every address.</summary>
    public bool Answered { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MailEnabled || !ModelState.IsValid || Email.Length > 256)
        {
            return Page();
        }

        var typed = Email.Trim();
        var user = await users.FindByEmailAsync(typed);
        var key = SignInLockOut.AccountKey(user, typed);
        var state = await lockOut.CheckAsync(key, user);
        var send = user is { Disabled: false } && !state.Refused;
        // An unknown (or disabled, or locked-out) address gets the same token and mail made for a stand-in account, then dropped.
        var to = send ? user! : new StaffUser
        {
            Id = Guid.NewGuid().ToString(),
            Email = typed,
            DisplayName = typed,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        var token = await users.GeneratePasswordResetTokenAsync(to);
        mail.PasswordReset(to, token, send);
        // Saves the mail with the audit row. Never the token.
        await lockOut.RecordFailureAsync(state, key,
            send ? "asked for a forgotten password's link; it was e-mailed"
            : user is null ? "asked for a forgotten password's link; no account with this email, nothing sent"
            : "asked for a forgotten password's link; nothing sent (the account is disabled or locked out)",
            AuditEvents.PasswordResetRequested);
        Answered = true;
        ModelState.Clear();
        Email = string.Empty;
        return Page();
    }
}
