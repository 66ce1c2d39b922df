using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Signing out is a POST (a link could be followed by anyone's page); the GET shows the button.</summary>
[AcceptsFormPost]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditEvents.SignOut, User.Identity?.Name, "signed out");
        // Deleting the cookie from this browser is not enough: a copy of it would still work. A new security
        // stamp ends every session of this account, on every device.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Staff/SignIn");
    }
}
