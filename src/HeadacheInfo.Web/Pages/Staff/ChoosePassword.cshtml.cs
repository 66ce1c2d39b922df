using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Staff;
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
/// Where an e-mailed link lands: an invitation's (a first password, 72 hours) or a forgotten password's (1 hour).
/// Choosing the password changes the account's security stamp, so the link works once and every session ends.
/// An invitation then signs the person in (an admin goes on to set up two-step sign-in); after a forgotten
/// password they sign in themselves, so two-step sign-in is asked as always.
/// </summary>
[EnableRateLimiting(RateLimitPolicy.SignIn)]
[AcceptsFormPost]
public sealed class ChoosePasswordModel(UserManager<StaffUser> users, StaffSignInManager signIn, AuditLog audit) : PageModel
{
    public const string LinkNoLongerWorks = "This link no longer works: it was used already, or it is too old " +
        "(an invitation works for 72 hours, a forgotten password's link for 1 hour).";

    [FromRoute]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password (12 characters or more)")]
    public string NewPassword { get; set; } = string.Empty;

    public bool IsInvitation => Kind == PasswordLinkKinds.Invitation;

    /// <summary>The link is good: the form is shown.</summary>
    public bool LinkWorks { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await AccountAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AccountAsync() is not { } user)
        {
            return Page();
        }

        LinkWorks = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The forgotten password's token is Identity's reset token; an invitation's, checked above, is swapped for one.
        var token = IsInvitation ? await users.GeneratePasswordResetTokenAsync(user) : Token!;
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            LinkWorks = !result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.ConcurrencyFailure));
            Problems = LinkWorks ? [.. result.Errors.Select(e => e.Description)] : [LinkNoLongerWorks];
            return Page();
        }

        await audit.RecordAsync(AuditEvents.PasswordLinkUsed, user.Email, IsInvitation
            ? "chose a first password from the invitation's link"
            : "chose a new password from a forgotten password's link");
        if (!IsInvitation)
        {
            return RedirectToPage("/Staff/SignIn", new { changed = true });
        }

        var signedIn = await signIn.SignInOrAskForCodeAsync(user);
        if (signedIn.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/TwoFactor");
        }

        await audit.RecordAsync(AuditEvents.SignIn, user.Email, "signed in after choosing a first password");
        return Redirect(StaffPaths.Home);
    }

    /// <summary>The enabled account the link is for, if its token is still good.</summary>
    private async Task<StaffUser?> AccountAsync()
    {
        var (provider, purpose) = Kind switch
        {
            PasswordLinkKinds.Invitation => (AccountLinkTokens.Invitation, AccountLinkTokens.InvitationPurpose),
            PasswordLinkKinds.Reset => (AccountLinkTokens.PasswordReset, UserManager<StaffUser>.ResetPasswordTokenPurpose),
            _ => (null, null),
        };
        if (provider is null || string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || Token.Length > 2000 ||
            await users.FindByIdAsync(UserId) is not { Disabled: false } user ||
            !await users.VerifyUserTokenAsync(user, provider, purpose!, Token))
        {
            Problems = [LinkNoLongerWorks];
            return null;
        }

        Email = user.Email;
        return user;
    }
}
