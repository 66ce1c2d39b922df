using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Email and password. Every refusal gets the same answer; wrong passwords lock out the address they come from
/// (see <see cref="SignInLockOut"/>). Attempts are also rate limited per client.
/// </summary>
[EnableRateLimiting(RateLimitPolicy.SignIn)]
[AcceptsFormPost]
public sealed class SignInModel(StaffSignIn signIn, IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<HeadacheInfo.Web.Staff.Mail.EmailOptions> mail) : PageModel
{
    /// <summary>
    /// Outside Development the sign-in cookie is Secure, and a browser drops it over plain http: signing in would
    /// only bring the person back here. Read after forwarded headers, so a proxy that ends HTTPS counts as HTTPS.
    /// </summary>
    public bool NeedsHttps => !environment.IsDevelopment() && !Request.IsHttps;

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

    /// <summary>Only a site that sends e-mail can send a forgotten password's link.</summary>
    public bool MailEnabled => mail.Value.Enabled;

    /// <summary>Back from choosing a new password through a forgotten password's link.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await signIn.PasswordAsync(Email, Password) switch
        {
            SignInOutcome.SignedIn => LocalRedirect(SafeReturnUrl()),
            SignInOutcome.NeedsCode => RedirectToPage("/Staff/TwoFactor", new { ReturnUrl = SafeReturnUrl() }),
            _ => Failed(StaffSignIn.Refusal),
        };
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
