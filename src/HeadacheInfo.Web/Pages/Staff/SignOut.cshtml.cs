using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Signing out is a POST (a link could be followed by anyone's page); the GET shows the button.</summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditEvents.SignOut, User.Identity?.Name, "signed out");
        await signIn.SignOutAsync();
        return RedirectToPage("/Staff/SignIn");
    }
}
