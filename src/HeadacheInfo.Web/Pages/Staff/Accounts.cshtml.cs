using HeadacheInfo.Web.Staff;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Admins add accounts, disable and enable them, and change roles. Every change is audited.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class AccountsModel(UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public sealed record Row(StaffUser User, string Role);

    [BindProperty]
    [EmailAddress(ErrorMessage = "Enter an email address, such as name@clinic.example.")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Name")]
    public string? DisplayName { get; set; }

    [BindProperty]
    [Display(Name = "Role")]
    public string Role { get; set; } = StaffRoles.Author;

    [BindProperty]
    public string? UserId { get; set; }

    /// <summary>How a reviewer is named on the articles they approve, such as "Senior physiotherapist".</summary>
    [BindProperty]
    [Display(Name = "Title shown on articles they approve")]
    public string? RoleTitle { get; set; }

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public string? Message { get; private set; }

    public string? OneTimePassword { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        var me = await users.GetUserAsync(User);
        switch (action)
        {
            case "add":
                if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(DisplayName))
                {
                    Problems = ["Enter the new account's email address and name."];
                    break;
                }

                var added = await StaffAccounts.AddAsync(users, Email.Trim(), DisplayName, Role, password: null);
                Problems = added.Problems;
                if (added.Succeeded)
                {
                    OneTimePassword = added.OneTimePassword;
                    Message = $"Added {Email} as {Role}. Give them this one-time password; they must change it when they first sign in.";
                    await audit.RecordAsync(AuditEvents.AccountChanged, me?.Email, $"added {Email} as {Role}");
                    Email = DisplayName = null;
                }

                break;
            case "title":
                if (await users.FindByIdAsync(UserId ?? string.Empty) is not { } titled)
                {
                    return NotFound();
                }

                titled.RoleTitle = (RoleTitle ?? string.Empty).Trim();
                await users.UpdateAsync(titled);
                Message = $"{titled.Email} is now shown as \"{titled.RoleTitle}\" on the articles they approve.";
                await audit.RecordAsync(AuditEvents.AccountChanged, me?.Email, $"set the title of {titled.Email} to \"{titled.RoleTitle}\"");
                break;
            case "disable" or "enable" or "role":
                if (await users.FindByIdAsync(UserId ?? string.Empty) is not { } user)
                {
                    return NotFound();
                }

                if (user.Id == me?.Id)
                {
                    Problems = ["You cannot disable your own account or change your own role: ask another admin."];
                    break;
                }

                if (action == "role")
                {
                    if (!StaffRoles.All.Contains(Role, StringComparer.Ordinal))
                    {
                        return BadRequest();
                    }

                    await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
                    await users.AddToRoleAsync(user, Role);
                    // A new security stamp ends their sessions: they sign in again with the new role's powers only.
                    await users.UpdateSecurityStampAsync(user);
                    Message = $"{user.Email} is now {Role}.";
                    await audit.RecordAsync(AuditEvents.AccountChanged, me?.Email, $"changed the role of {user.Email} to {Role}");
                }
                else
                {
                    user.Disabled = action == "disable";
                    await users.UpdateAsync(user);
                    // A new security stamp signs the account out everywhere.
                    await users.UpdateSecurityStampAsync(user);
                    Message = $"{user.Email} is now {(user.Disabled ? "disabled" : "enabled")}.";
                    await audit.RecordAsync(AuditEvents.AccountChanged, me?.Email, $"{(user.Disabled ? "disabled" : "enabled")} {user.Email}");
                }

                break;
            default:
                return BadRequest();
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var rows = new List<Row>();
        foreach (var user in all)
        {
            rows.Add(new Row(user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty));
        }

        Accounts = rows;
    }
}
