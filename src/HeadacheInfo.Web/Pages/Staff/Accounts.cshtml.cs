using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Admins add accounts, disable and enable them, and change roles. Every change is audited.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
[AcceptsFormPost]
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

    public const int MaxRoleTitle = 100;

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    /// <summary>The signed-in admin: no button on their own row may lock them in or out.</summary>
    public string? MyId { get; private set; }

    public string? Message { get; private set; }

    public string? OneTimePassword { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(DisplayName))
        {
            Problems = ["Enter the new account's email address and name."];
            return await PageAsync();
        }

        var added = await StaffAccounts.AddAsync(users, Email.Trim(), DisplayName, Role, password: null);
        Problems = added.Problems;
        if (added.Succeeded)
        {
            OneTimePassword = added.OneTimePassword;
            Message = $"Added {Email} as {Role}. Give them this one-time password; they must change it when they first sign in.";
            await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"added {Email} as {Role}");
            Email = DisplayName = null;
        }

        return await PageAsync();
    }

    public async Task<IActionResult> OnPostTitleAsync()
    {
        if (await users.FindByIdAsync(UserId ?? string.Empty) is not { } titled)
        {
            return NotFound();
        }

        // Shown to patients on every page this person signs off: one short line.
        var title = (RoleTitle ?? string.Empty).Trim();
        if (HeadacheInfo.Web.Articles.PlainLine.FirstHidden(title) is not null || title.IndexOfAny(['\u2028', '\u2029']) >= 0 || title.Length > MaxRoleTitle)
        {
            Problems = [$"A title is one line of {MaxRoleTitle} characters or fewer, such as \"Senior physiotherapist\"."];
            return await PageAsync();
        }

        titled.RoleTitle = title;
        await users.UpdateAsync(titled);
        Message = $"{titled.Email} is now shown as \"{titled.RoleTitle}\" on the articles they approve.";
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"set the title of {titled.Email} to \"{titled.RoleTitle}\"");
        return await PageAsync();
    }

    public Task<IActionResult> OnPostRoleAsync() => ChangeAsync(async user =>
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
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"changed the role of {user.Email} to {Role}");
        return null;
    });

    public Task<IActionResult> OnPostResetPasswordAsync() => ChangeAsync(async user =>
    {
        OneTimePassword = await StaffAccounts.ResetPasswordAsync(users, user);
        Message = $"{user.Email} has a new one-time password, shown below once. Give it to them in person or by phone; they must change it when they sign in. Every session they had is ended.";
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"reset the password of {user.Email}");
        return null;
    });

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ChangeAsync(async user =>
    {
        await StaffAccounts.ResetTwoFactorAsync(users, user);
        Message = $"Two-step sign-in is off for {user.Email}: they set it up again after signing in{(await users.IsInRoleAsync(user, StaffRoles.Admin) ? " (as an admin, straight away)" : "")}. Every session they had is ended.";
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"reset the two-step sign-in of {user.Email}");
        return null;
    });

    public Task<IActionResult> OnPostDisableAsync() => SetDisabledAsync(disabled: true);

    public Task<IActionResult> OnPostEnableAsync() => SetDisabledAsync(disabled: false);

    private Task<IActionResult> SetDisabledAsync(bool disabled) => ChangeAsync(async user =>
    {
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        // A new security stamp signs the account out everywhere.
        await users.UpdateSecurityStampAsync(user);
        Message = $"{user.Email} is now {(disabled ? "disabled" : "enabled")}.";
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), $"{(disabled ? "disabled" : "enabled")} {user.Email}");
        return null;
    });

    /// <summary>A change to another account: never to one's own, so no admin can lock themselves in or out.</summary>
    private async Task<IActionResult> ChangeAsync(Func<StaffUser, Task<IActionResult?>> change)
    {
        if (await users.FindByIdAsync(UserId ?? string.Empty) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == (await users.GetUserAsync(User))?.Id)
        {
            Problems = ["You cannot disable your own account or change your own role: ask another admin."];
            return await PageAsync();
        }

        return await change(user) ?? await PageAsync();
    }

    private async Task<string?> MyEmailAsync() => (await users.GetUserAsync(User))?.Email;

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        MyId = (await users.GetUserAsync(User))?.Id;
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var rows = new List<Row>();
        foreach (var user in all)
        {
            rows.Add(new Row(user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty));
        }

        Accounts = rows;
    }
}
