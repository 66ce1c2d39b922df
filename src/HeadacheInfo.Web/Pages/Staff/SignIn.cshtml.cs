using HeadacheInfo.Web.Staff;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Email and password; five wrong passwords lock the account for 15 minutes. Attempts are rate limited per client.</summary>
[EnableRateLimiting(StaffRegistration.SignInPolicy)]
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter your email address, such as name@clinic.example.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        if (user is null || user.Disabled)
        {
            await audit.RecordAsync(AuditEvents.SignInFailed, Email, user is null ? "no account with this email" : "the account is disabled");
            return Failed("The email address or password is not right.");
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvents.SignIn, user.Email, "signed in");
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/TwoFactor", new { ReturnUrl = SafeReturnUrl() });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(wasLocked ? AuditEvents.SignInFailed : AuditEvents.LockedOut, user.Email,
                wasLocked ? "tried while the account is locked" : "locked for 15 minutes after 5 wrong passwords");
            return Failed("This account is locked for 15 minutes after 5 wrong passwords, so even the right password will not work yet. " +
                "Try again later, or ask an admin.");
        }

        await audit.RecordAsync(AuditEvents.SignInFailed, user.Email, "wrong password");
        return Failed("The email address or password is not right.");
    }

    private PageResult Failed(string problem)
    {
        Problem = problem;
        Password = string.Empty;
        Response.StatusCode = StatusCodes.Status200OK;
        return Page();
    }

    private string SafeReturnUrl() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(StaffPaths.Home, StringComparison.OrdinalIgnoreCase)
            ? url
            : StaffPaths.Home;
}
