using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Choose a new password; required straight after signing in with a one-time password. A wrong current
/// password counts towards the same lock-out as signing in, so a borrowed session cannot guess it freely.
/// </summary>
[EnableRateLimiting(RateLimitPolicy.SignIn)]
[AcceptsFormPost]
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SignInLockOut lockOut, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password (12 characters or more)")]
    public string NewPassword { get; set; } = string.Empty;

    public bool Required { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => Required = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        Required = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var key = SignInLockOut.AccountKey(user, user.Email ?? string.Empty);
        var state = await lockOut.CheckAsync(key, user);
        if (state.Refused)
        {
            await lockOut.RecordFailureAsync(state, key, "tried to change the password", AuditEvents.PasswordChangeFailed);
            Problems = ["Too many wrong passwords from here: changing your password, and signing in, from this address are locked for 15 minutes. Try again later."];
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await lockOut.RecordFailureAsync(state, key, "wrong current password when changing it", AuditEvents.PasswordChangeFailed);
            }

            Problems = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditEvents.AccountChanged, user.Email, "changed their password");
        return RedirectToPage("/Staff/Index");
    }
}
