using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Resetting someone else's password or two-step sign-in, and every change that gives or takes away an admin's
/// powers: the one place that decides how. The owner is always told (an e-mail at once, a notice at their next
/// sign-in, a line on their account page) and the audit log names both people. Resetting an admin, taking admin
/// away (a role change or disabling) and making an admin (a role change, a new account, enabling) need a second
/// admin: the first admin's request changes nothing until a different admin confirms it, one who is neither the
/// one who asked nor the owner and who was an admin already when it was asked for. So no one admin can quietly
/// become another, nor make a second admin to confirm for them. The one exception: a clinic's only admin may
/// make someone an admin, as nobody else could confirm it.
/// </summary>
public sealed class AccountResets(StaffDbContext database, UserManager<StaffUser> users, AuditLog audit, AccountMail mail, TimeProvider time)
{
    /// <summary>A request not confirmed within this long lapses: an old one is no longer what anyone meant.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromHours(24);

    /// <summary>The command's name as the audit log and the owner see it.</summary>
    public const string ServerCommand = "reset-staff command";

    /// <summary>
    /// An admin resets <paramref name="owner"/>'s password or two-step sign-in, changes their role, or disables or
    /// enables them (one of <see cref="AccountResetKinds"/>): at once, or as a request for a second admin.
    /// </summary>
    public async Task<ResetOutcome> ResetAsync(StaffUser actor, StaffUser owner, string kind)
    {
        var now = time.GetUtcNow();
        var name = await NameAsync(owner);
        var byEmail = actor.Email ?? actor.Id;
        var makes = AccountResetKinds.MakesAdmin(kind, name.IsAdmin);
        var alone = makes && !await OtherAdminsAsync(actor, owner);
        if (AccountResetKinds.TakesAdmin(kind, name.IsAdmin) || (makes && !alone))
        {
            var since = now - ConfirmWithin;
            if (await database.AccountResets.AnyAsync(r => r.UserId == owner.Id && r.Kind == kind && r.DoneAt == null && r.RequestedAt > since))
            {
                return new(ResetState.AlreadyWaiting, Owner: name);
            }

            var request = new AccountReset { UserId = owner.Id, Kind = kind, RequestedById = actor.Id, RequestedBy = byEmail, RequestedAt = now };
            database.AccountResets.Add(request);
            await database.SaveChangesAsync();
            await audit.RecordAsync(AuditEvents.AccountResetRequested, actor.Email,
                $"asked to {AccountResetKinds.Asked(kind, name.Email)}: nothing changes until a second admin confirms it");
            return new(ResetState.Waiting, request, name, HasConfirmer: await OtherAdminsAsync(actor, owner));
        }

        await using var transaction = await database.Database.BeginTransactionAsync();
        // Resets, and anything to do with being an admin, are kept for the owner's notice and the "admin since" rule.
        var reset = new AccountReset { UserId = owner.Id, Kind = kind, RequestedById = actor.Id, RequestedBy = byEmail, RequestedAt = now, DoneAt = now };
        var kept = AccountResetKinds.IsReset(kind) || makes || name.IsAdmin;
        if (kept)
        {
            database.AccountResets.Add(reset);
        }

        var oneTime = await ApplyAsync(owner, reset, tell: kept);
        await audit.RecordAsync(AuditEvents.AccountChanged, actor.Email, PlainWords(reset, name.Email) +
            (alone ? ", as the only admin (there was no second admin to confirm it)" : string.Empty));
        await transaction.CommitAsync();
        return new(alone ? ResetState.DoneAsOnlyAdmin : ResetState.Done, reset, name, oneTime);
    }

    /// <summary>A second admin confirms a waiting request: only then is it done, once, however many press at once.</summary>
    public async Task<ResetOutcome> ConfirmAsync(StaffUser confirmer, long id)
    {
        var now = time.GetUtcNow();
        var since = now - ConfirmWithin;
        var request = await database.AccountResets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.DoneAt == null && r.RequestedAt > since);
        if (request is null || await users.FindByIdAsync(request.UserId) is not { } owner)
        {
            return new(ResetState.NotWaiting);
        }

        var name = await NameAsync(owner);
        if (request.RequestedById == confirmer.Id)
        {
            return new(ResetState.ByRequester, request, name);
        }

        if (request.UserId == confirmer.Id)
        {
            return new(ResetState.ByOwner, request, name);
        }

        // An admin made (or enabled again) since the request cannot be its second admin: otherwise the one who
        // asked could first make, with any help, an admin of their own to confirm it.
        var asked = request.RequestedAt;
        if (await database.AccountResets.AnyAsync(r => r.UserId == confirmer.Id && r.DoneAt != null && r.DoneAt >= asked &&
            (r.Kind == AdminRole || r.Kind == AccountResetKinds.Enable)))
        {
            return new(ResetState.AdminSinceRequest, request, name);
        }

        await using var transaction = await database.Database.BeginTransactionAsync();
        // The row's own state decides: of two admins confirming at once, only one UPDATE finds it still waiting.
        DateTimeOffset? doneAt = now;
        var claimed = await database.AccountResets.Where(r => r.Id == id && r.DoneAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.DoneAt, doneAt).SetProperty(r => r.ConfirmedBy, confirmer.Email));
        if (claimed == 0)
        {
            return new(ResetState.NotWaiting);
        }

        request.DoneAt = now;
        request.ConfirmedBy = confirmer.Email;
        var oneTime = await ApplyAsync(owner, request, tell: true);
        await audit.RecordAsync(AuditEvents.AccountResetConfirmed, confirmer.Email,
            $"confirmed the request from {request.RequestedBy} to {AccountResetKinds.Asked(request.Kind, name.Email)}, and it was done");
        await transaction.CommitAsync();
        return new(ResetState.Done, request, name, oneTime);
    }

    /// <summary>Whether the signed-in admin is the only one: then they may make an admin alone, and the page says so.</summary>
    public async Task<bool> OnlyAdminAsync(StaffUser actor) => !await OtherAdminsAsync(actor, actor);

    /// <summary>
    /// <c>reset-staff</c> on the server: the password and two-step sign-in at once, with no second admin. Whoever
    /// runs it already holds the database and its keys, and it is there for when no admin can sign in at all;
    /// the owner is told all the same.
    /// </summary>
    public async Task<string> ResetOnServerAsync(StaffUser owner)
    {
        var now = time.GetUtcNow();
        await using var transaction = await database.Database.BeginTransactionAsync();
        var reset = new AccountReset { UserId = owner.Id, Kind = AccountResetKinds.Both, RequestedBy = ServerCommand, RequestedAt = now, DoneAt = now };
        database.AccountResets.Add(reset);
        var oneTime = await ApplyAsync(owner, reset, tell: true);
        await audit.RecordAsync(AuditEvents.AccountChanged, ServerCommand, $"reset the password and two-step sign-in of {owner.Email}");
        await transaction.CommitAsync();
        return oneTime!;
    }

    /// <summary>The owner has read the notice: it is not shown after sign-in again (their account page keeps the record).</summary>
    public async Task<bool> SeenAsync(StaffUser owner, long id)
    {
        DateTimeOffset? seenAt = time.GetUtcNow();
        var reset = await database.AccountResets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == owner.Id && r.DoneAt != null && r.SeenAt == null);
        if (reset is null)
        {
            return false;
        }

        await database.AccountResets.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.SeenAt, seenAt));
        await audit.RecordAsync(AuditEvents.AccountChanged, owner.Email,
            $"read the notice that their {AccountResetKinds.Happened(reset.Kind)} by {reset.DoneBy}");
        return true;
    }

    /// <summary>Resets of this account done and not yet acknowledged by its owner, oldest first.</summary>
    public async Task<IReadOnlyList<AccountReset>> NoticesAsync(string userId) =>
        await database.AccountResets.AsNoTracking().Where(r => r.UserId == userId && r.DoneAt != null && r.SeenAt == null)
            .OrderBy(r => r.DoneAt).ToListAsync();

    /// <summary>Every reset of this account that was done, newest first.</summary>
    public async Task<IReadOnlyList<AccountReset>> HistoryAsync(string userId) =>
        await database.AccountResets.AsNoTracking().Where(r => r.UserId == userId && r.DoneAt != null)
            .OrderByDescending(r => r.DoneAt).Take(50).ToListAsync();

    /// <summary>Each account's latest reset of a password or two-step sign-in that was done, by account id.</summary>
    public async Task<IReadOnlyDictionary<string, AccountReset>> LatestAsync()
    {
        var done = await database.AccountResets.AsNoTracking()
            .Where(r => r.DoneAt != null && (r.Kind == AccountResetKinds.Password || r.Kind == AccountResetKinds.TwoFactor || r.Kind == AccountResetKinds.Both)).OrderByDescending(r => r.DoneAt).ToListAsync();
        return done.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Requests waiting for a second admin, oldest first.</summary>
    public async Task<IReadOnlyList<AccountReset>> WaitingAsync()
    {
        var since = time.GetUtcNow() - ConfirmWithin;
        return await database.AccountResets.AsNoTracking().Where(r => r.DoneAt == null && r.RequestedAt > since).OrderBy(r => r.RequestedAt).ToListAsync();
    }

    private static readonly string AdminRole = AccountResetKinds.Role(StaffRoles.Admin);

    /// <summary>
    /// The change itself (each ends every session of the account, by a new security stamp), and, for a kept row,
    /// the owner's e-mail.
    /// </summary>
    private async Task<string?> ApplyAsync(StaffUser owner, AccountReset reset, bool tell)
    {
        string? oneTime = null;
        if (reset.Kind is AccountResetKinds.Password or AccountResetKinds.Both)
        {
            oneTime = await StaffAccounts.ResetPasswordAsync(users, owner);
        }

        if (reset.Kind is AccountResetKinds.TwoFactor or AccountResetKinds.Both)
        {
            await StaffAccounts.ResetTwoFactorAsync(users, owner);
        }

        if (AccountResetKinds.RoleOf(reset.Kind) is { } role)
        {
            await users.RemoveFromRolesAsync(owner, await users.GetRolesAsync(owner));
            await users.AddToRoleAsync(owner, role);
            // They sign in again with the new role's powers only.
            await users.UpdateSecurityStampAsync(owner);
        }

        if (reset.Kind is AccountResetKinds.Disable or AccountResetKinds.Enable)
        {
            owner.Disabled = reset.Kind == AccountResetKinds.Disable;
            await users.UpdateAsync(owner);
            await users.UpdateSecurityStampAsync(owner);
        }

        if (tell)
        {
            await mail.ResetAsync(owner, reset);
        }

        await database.SaveChangesAsync();
        return oneTime;
    }

    /// <summary>The audit log's words for a change one admin made alone.</summary>
    private static string PlainWords(AccountReset change, string owner) => AccountResetKinds.RoleOf(change.Kind) switch
    {
        { } role => $"changed the role of {owner} to {role}",
        null => change.Kind switch
        {
            AccountResetKinds.Disable => $"disabled {owner}",
            AccountResetKinds.Enable => $"enabled {owner}",
            _ => $"reset the {AccountResetKinds.Describe(change.Kind)} of {owner}",
        },
    };

    /// <summary>Whether an enabled admin other than these two exists: someone who could be the second admin.</summary>
    private async Task<bool> OtherAdminsAsync(StaffUser actor, StaffUser owner) =>
        (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Any(a => !a.Disabled && a.Id != actor.Id && a.Id != owner.Id);

    private async Task<StaffUserName> NameAsync(StaffUser user) =>
        new(user.Id, user.Email ?? user.Id, await users.IsInRoleAsync(user, StaffRoles.Admin));
}
