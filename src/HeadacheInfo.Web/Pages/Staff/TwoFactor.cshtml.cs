using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>The second step for accounts with two-step sign-in: the 6-digit code from the authenticator app.</summary>
[EnableRateLimiting(RateLimitPolicy.SignIn)]
[AcceptsFormPost]
public sealed class TwoFactorModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Staff/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Six digits are a code from the app; anything else is one of the recovery codes shown when it was set up.
        var code = new string([.. Code.Where(char.IsAsciiDigit)]);
        var recovery = code.Length != 6 || Code.Trim().Length > 7;
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(Code))
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvents.SignIn, user.Email, recovery
                ? "signed in with a recovery code (it cannot be used again)"
                : "signed in with a code from an authenticator app");
            return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : StaffPaths.Home);
        }

        // Under the same name as a wrong password, so wrong codes count towards the same lock-out.
        await audit.RecordAsync(result.IsLockedOut ? AuditEvents.LockedOut : AuditEvents.SignInFailed,
            SignInLockOut.AccountKey(user, user.Email ?? string.Empty), "wrong authenticator code");
        Problem = result.IsLockedOut
            ? "This account is locked for 15 minutes after too many wrong codes. Try again later, or ask an admin."
            : recovery
                ? "That recovery code is not right, or it has been used already. Each of your ten codes works once."
                : "That code is not right, or it has been used already. Codes change every 30 seconds and each works once: " +
                  "use the one showing now, or wait for the next.";
        return Page();
    }

    /// <summary>A recovery code as Identity keeps it (upper case, a dash in the middle), however it was typed.</summary>
    private static string RecoveryCode(string typed)
    {
        var letters = new string([.. typed.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        return letters.Length == 10 ? $"{letters[..5]}-{letters[5..]}" : letters;
    }
}
