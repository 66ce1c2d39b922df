using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
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
/// sign-in. Resetting an admin, and making or unmaking one, take a second admin: the rule is
/// <see cref="AccountResets"/>'s. Every change is audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
[AcceptsFormPost]
public sealed class AccountsModel(UserManager<StaffUser> users, AuditLog audit, AccountResets resets, AccountLinkMail invitations, IOptions<ClinicOptions> clinic) : PageModel
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

    /// <summary>The request (a reset, or an admin change) waiting for a second admin that <c>value="confirm-reset"</c> confirms.</summary>
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

    /// <summary>Requests waiting for a second admin, with the owner's email.</summary>
    public IReadOnlyList<(AccountReset Reset, string Owner)> Waiting { get; private set; } = [];

    /// <summary>Staff read times on the clinic's clock.</summary>
    public TimeZoneInfo Zone => clinic.Value.FindZone();

    /// <summary>The signed-in admin: no button on their own row may lock them in or out.</summary>
    public string? MyId { get; private set; }

    /// <summary>No other enabled admin: the signed-in one may make an admin alone, and the page says so.</summary>
    public bool OnlyAdmin { get; private set; }

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

        if (!StaffRoles.All.Contains(Role, StringComparer.Ordinal))
        {
            Problems = [$"Choose one of the roles: {string.Join(", ", StaffRoles.All)}."];
            return await PageAsync();
        }

        // A new admin starts as an author: being made an admin is a change like any other, with its second admin.
        var startAs = Role == StaffRoles.Admin ? StaffRoles.Author : Role;
        var email = Email.Trim();
        var added = await StaffAccounts.AddAsync(users, email, DisplayName, startAs, password: null);
        Problems = added.Problems;
        if (added.User is { } user)
        {
            var me = await users.GetUserAsync(User);
            if (invitations.Enabled)
            {
                // Saved with the audit row below. The one-time password stays, for a mail that never arrives.
                var token = await users.GenerateUserTokenAsync(user, AccountLinkTokens.Invitation, AccountLinkTokens.InvitationPurpose);
                invitations.Invitation(user, Role, token, me?.DisplayName is { Length: > 0 } name ? name : me?.Email ?? "An admin");
            }

            await audit.RecordAsync(AuditEvents.AccountChanged, me?.Email, $"added {email} as {startAs}" + (invitations.Enabled ? " and e-mailed an invitation" : string.Empty));
            Message = invitations.Enabled
                ? $"Added {email} as {startAs}. They are e-mailed an invitation with a link to choose their password, which works once within {AccountLinkTokens.InvitationLifespan.TotalHours:0} hours. " +
                  "If it does not arrive, give them this one-time password instead; they must change it when they first sign in."
                : $"Added {email} as {startAs}. Give them this one-time password; they must change it when they first sign in.";
            if (Role == StaffRoles.Admin)
            {
                await ChangedAsync(user, AccountResetKinds.Role(StaffRoles.Admin), keepMessage: true);
            }

            OneTimePassword = added.OneTimePassword;
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

        return await ChangedAsync(user, AccountResetKinds.Role(Role));
    });

    public Task<IActionResult> OnPostResetPasswordAsync() => ChangeAsync(user => ChangedAsync(user, AccountResetKinds.Password));

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ChangeAsync(user => ChangedAsync(user, AccountResetKinds.TwoFactor));

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
                Problems = ["You asked for this, so you cannot confirm it: a different admin must."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case ResetState.AdminSinceRequest:
                Problems = ["You were made an admin after this was asked for, so you cannot be its second admin: an admin who was one already must confirm it."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case ResetState.ByOwner:
                Problems = ["This is a change to your own account: a different admin must confirm it."];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                Problems = [$"That request no longer waits: it was done already, or it was not confirmed within {AccountResets.ConfirmWithin.TotalHours:0} hours (ask for it again)."];
                break;
        }

        return await PageAsync();
    }

    /// <summary>A reset or a change of role or state, by <see cref="AccountResets"/>'s rule, and what the admin reads: done, or waiting for a second admin.</summary>
    /// <param name="keepMessage">Add to the message already there (a new account's), not replace it.</param>
    private async Task<IActionResult?> ChangedAsync(StaffUser user, string kind, bool keepMessage = false)
    {
        var outcome = await resets.ResetAsync((await users.GetUserAsync(User))!, user, kind);
        var said = keepMessage ? Message + " " : string.Empty;
        switch (outcome.State)
        {
            case ResetState.Waiting when AccountResetKinds.IsReset(kind):
                Message = $"{user.Email} is an admin, so resetting their {AccountResetKinds.Describe(kind)} needs a second admin. Your request is recorded and nothing has changed yet: " +
                    $"a different admin must confirm it on this page within {AccountResets.ConfirmWithin.TotalHours:0} hours. {user.Email} is told once it is done.";
                break;
            case ResetState.Waiting:
                Message = said + $"This needs a second admin: you asked to {AccountResetKinds.Asked(kind, user.Email ?? user.Id)}. Your request is recorded and nothing has changed yet: " +
                    $"a different admin must confirm it on this page within {AccountResets.ConfirmWithin.TotalHours:0} hours. {user.Email} is told once it is done.";
                break;
            case ResetState.AlreadyWaiting:
                Problems = [$"A request to {AccountResetKinds.Asked(kind, user.Email ?? user.Id)} already waits for a second admin to confirm it."];
                break;
            case ResetState.DoneAsOnlyAdmin:
                Message = said + $"You are the only admin, so nobody else could confirm it: {user.Email} is an admin now. They are told who did it, by e-mail and when they next sign in.";
                break;
            default:
                Told(outcome);
                break;
        }

        if (outcome.State == ResetState.Waiting && !outcome.HasConfirmer)
        {
            Message += " There is no other admin to confirm it: add one (a second admin confirms that too), or use add-staff or reset-staff on the server.";
        }

        return null;
    }

    /// <summary>What the admin who made a change reads: the one-time password once, and that the owner is told.</summary>
    private void Told(ResetOutcome outcome)
    {
        var email = outcome.Owner!.Email;
        var kind = outcome.Reset!.Kind;
        OneTimePassword = outcome.OneTimePassword;
        Message = kind switch
        {
            AccountResetKinds.TwoFactor =>
                $"Two-step sign-in is off for {email}: they set it up again after signing in{(outcome.Owner.IsAdmin ? " (as an admin, straight away)" : "")}. Every session they had is ended. They are told who did it, by e-mail and when they next sign in.",
            AccountResetKinds.Password or AccountResetKinds.Both =>
                $"{email} has a new one-time password, shown below once. Give it to them in person or by phone; they must change it when they sign in. Every session they had is ended. They are told who did it, by e-mail and when they next sign in.",
            AccountResetKinds.Disable or AccountResetKinds.Enable => $"{email} is now {kind}d.",
            _ => $"{email} is now {AccountResetKinds.RoleOf(kind)}.",
        };
    }

    public Task<IActionResult> OnPostDisableAsync() => SetDisabledAsync(disabled: true);

    public Task<IActionResult> OnPostEnableAsync() => SetDisabledAsync(disabled: false);

    private Task<IActionResult> SetDisabledAsync(bool disabled) =>
        ChangeAsync(user => ChangedAsync(user, disabled ? AccountResetKinds.Disable : AccountResetKinds.Enable));

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
        var me = await users.GetUserAsync(User);
        MyId = me?.Id;
        OnlyAdmin = me is not null && await resets.OnlyAdminAsync(me);
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
