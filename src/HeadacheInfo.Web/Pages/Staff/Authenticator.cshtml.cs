using System.ComponentModel.DataAnnotations;
using System.Text;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Turns on two-step sign-in with an authenticator app (required for admins, optional for others).</summary>
[AcceptsFormPost]
public sealed class AuthenticatorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string SetupUri { get; private set; } = string.Empty;

    /// <summary>The set-up address as a QR code: SVG drawn on the server (QRCoder), no script, nothing fetched.</summary>
    public string QrCodeSvg { get; private set; } = string.Empty;

    /// <summary>Shown once, straight after two-step sign-in is turned on: each lets its owner in once without the phone.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Problem { get; private set; }

    public const int RecoveryCodeCount = 10;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var code = new string([.. Code.Where(char.IsAsciiDigit)]);
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Problem = "That code is not right, or it has been used already. Check the app is set up with the key below, " +
                "and use the code showing now, or wait for the next.";
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditEvents.AccountChanged, user.Email, "turned on two-step sign-in");
        Enabled = true;
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await users.IsInRoleAsync(user, StaffRoles.Admin);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key rotates the security stamp; re-issue this browser's cookie so it is not signed out.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        // Groups of four are easier to type into an app by hand.
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        Key = grouped.ToString().Trim().ToLowerInvariant();
        SetupUri = $"otpauth://totp/HeadacheInfo:{Uri.EscapeDataString(user.Email ?? string.Empty)}?secret={key}&issuer=HeadacheInfo&digits=6";
        using var qr = new QRCoder.QRCodeGenerator().CreateQrCode(SetupUri, QRCoder.QRCodeGenerator.ECCLevel.Q);
        QrCodeSvg = new QRCoder.SvgQRCode(qr).GetGraphic(4)
            .Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code holding your key, for your authenticator app to scan\" ", StringComparison.Ordinal);
    }
}
