using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Admins add accounts, disable and enable them, change roles, and reset someone else's password or two-step
/// sign-in (an admin's only with a second admin: see <see cref="AccountResets"/>). Every change is audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
[AcceptsFormPost]
public sealed class AccountsModel(UserManager<StaffUser> users, AuditLog audit, AccountResets resets, IOptions<ClinicOptions> clinic) : PageModel
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

    /// <summary>The reset waiting for a second admin that <c>value="confirm-reset"</c> confirms.</summary>
    [BindProperty]
    public long? ResetId { get; set; }

    /// <summary>How a reviewer is named on the articles they approve, such as "Senior physiotherapist".</summary>
    [BindProperty]
    [Display(Name = "Title shown on articles they approve")]
    public string? RoleTitle { get; set; }

    public const int MaxRoleTitle = 100;

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    /// <summary>Each account's latest reset, by account id.</summary>
    public IReadOnlyDictionary<string, AccountReset> LastResets { get; private set; } = new Dictionary<string, AccountReset>();

    /// <summary>Resets of admins' accounts waiting for a second admin, with the owner's email.</summary>
    public IReadOnlyList<(AccountReset Reset, string Owner)> Waiting { get; private set; } = [];

    /// <summary>Staff read times on the clinic's clock.</summary>
    public TimeZoneInfo Zone => clinic.Value.FindZone();

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
            await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), AccountAuditWords.Added(Email.Trim(), Role));
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
        if (HeadacheInfo.Web.Articles.PlainLine.FirstHidden(title) is not null || title.Length > MaxRoleTitle)
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
        await audit.RecordAsync(AuditEvents.AccountChanged, await MyEmailAsync(), AccountAuditWords.RoleChanged(user.Email ?? user.Id, Role));
        return null;
    });

    public Task<IActionResult> OnPostResetPasswordAsync() => ChangeAsync(user => ResetAsync(user, AccountResetKinds.Password));

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ChangeAsync(user => ResetAsync(user, AccountResetKinds.TwoFactor));

    public async Task<IActionResult> OnPostConfirmResetAsync()
    {
        if (ResetId is not { } id || await users.GetUserAsync(User) is not { } me)
        {
            return BadRequest();
        }

        var outcome = await resets.ConfirmAsync(me, id);
        switch (outcome.State)
        {
            case ResetState.Done:
                Told(outcome);
                break;
            case ResetState.ByRequester:
                Problems = ["You asked for this reset, so you cannot confirm it: a different admin must."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case ResetState.MadeByRequester:
                Problems = [$"{outcome.Reset!.RequestedBy} made your account an admin, so you cannot be the second admin for their request: a different admin must confirm it."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case ResetState.ByOwner:
                Problems = ["This is a reset of your own account: a different admin must confirm it."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                Problems = [$"That reset no longer waits: it was done already, or it was not confirmed within {AccountResets.ConfirmWithin.TotalHours:0} hours (ask for it again)."];
                break;
        }

        return await PageAsync();
    }

    private async Task<IActionResult?> ResetAsync(StaffUser user, string kind)
    {
        var outcome = await resets.ResetAsync((await users.GetUserAsync(User))!, user, kind);
        var what = AccountResetKinds.Describe(kind);
        switch (outcome.State)
        {
            case ResetState.Waiting:
                Message = $"{user.Email} is an admin, so resetting their {what} needs a second admin. Your request is recorded and nothing has changed yet: " +
                    $"a different admin must confirm it on this page within {AccountResets.ConfirmWithin.TotalHours:0} hours. {user.Email} is told once it is done.";
                var me = (await users.GetUserAsync(User))!;
                if (!(await users.GetUsersInRoleAsync(StaffRoles.Admin)).Any(a => !a.Disabled && a.Id != me.Id && a.Id != user.Id))
                {
                    Message += " There is no other admin to confirm it: add one, or use reset-staff on the server.";
                }

                break;
            case ResetState.AlreadyWaiting:
                Problems = [$"A reset of the {what} of {user.Email} already waits for a second admin to confirm it."];
                break;
            default:
                Told(outcome);
                break;
        }

        return null;
    }

    /// <summary>What the admin who did a reset reads: the one-time password once, and that the owner is told.</summary>
    private void Told(ResetOutcome outcome)
    {
        var email = outcome.Owner!.Email;
        OneTimePassword = outcome.OneTimePassword;
        Message = outcome.Reset!.Kind == AccountResetKinds.TwoFactor
            ? $"Two-step sign-in is off for {email}: they set it up again after signing in{(outcome.Owner.IsAdmin ? " (as an admin, straight away)" : "")}. Every session they had is ended. They are told who did it, by e-mail and when they next sign in."
            : $"{email} has a new one-time password, shown below once. Give it to them in person or by phone; they must change it when they sign in. Every session they had is ended. They are told who did it, by e-mail and when they next sign in.";
    }

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
        LastResets = await resets.LatestAsync();
        var emails = all.ToDictionary(u => u.Id, u => u.Email ?? u.Id, StringComparer.Ordinal);
        Waiting = [.. (await resets.WaitingAsync()).Where(r => emails.ContainsKey(r.UserId)).Select(r => (r, emails[r.UserId]))];
    }
}
