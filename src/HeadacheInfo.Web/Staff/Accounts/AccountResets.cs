using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Resetting someone else's password or two-step sign-in, the one place that decides how. The owner is always
/// told (an e-mail at once, a notice at their next sign-in, a line on the accounts page) and the audit log
/// names both people. An admin's account needs a second admin: the first admin's request changes nothing
/// until a different admin, not its owner, confirms it, so no single admin can quietly become another.
/// </summary>
public sealed class AccountResets(StaffDbContext database, UserManager<StaffUser> users, AuditLog audit, AccountMail mail, TimeProvider time)
{
    /// <summary>A request not confirmed within this long lapses: an old one is no longer what anyone meant.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromHours(24);

    /// <summary>The command's name as the audit log and the owner see it.</summary>
    public const string ServerCommand = "reset-staff command";

    /// <summary>An admin resets <paramref name="owner"/>'s password or two-step sign-in: at once, or as a request when the owner is an admin.</summary>
    public async Task<ResetOutcome> ResetAsync(StaffUser actor, StaffUser owner, string kind)
    {
        var now = time.GetUtcNow();
        var name = await NameAsync(owner);
        var what = AccountResetKinds.Describe(kind);
        if (name.IsAdmin)
        {
            var since = now - ConfirmWithin;
            if (await database.AccountResets.AnyAsync(r => r.UserId == owner.Id && r.Kind == kind && r.DoneAt == null && r.RequestedAt > since))
            {
                return new(ResetState.AlreadyWaiting, Owner: name);
            }

            var request = new AccountReset { UserId = owner.Id, Kind = kind, RequestedById = actor.Id, RequestedBy = actor.Email ?? actor.Id, RequestedAt = now };
            database.AccountResets.Add(request);
            await database.SaveChangesAsync();
            await audit.RecordAsync(AuditEvents.AccountResetRequested, actor.Email,
                $"asked to reset the {what} of {owner.Email}, an admin: nothing changes until a second admin confirms it");
            return new(ResetState.Waiting, request, name);
        }

        await using var transaction = await database.Database.BeginTransactionAsync();
        var reset = new AccountReset { UserId = owner.Id, Kind = kind, RequestedById = actor.Id, RequestedBy = actor.Email ?? actor.Id, RequestedAt = now, DoneAt = now };
        database.AccountResets.Add(reset);
        var oneTime = await ApplyAsync(owner, reset);
        await audit.RecordAsync(AuditEvents.AccountChanged, actor.Email, $"reset the {what} of {owner.Email}");
        await transaction.CommitAsync();
        return new(ResetState.Done, reset, name, oneTime);
    }

    /// <summary>A second admin confirms a waiting request: only then is the reset done, once, however many press at once.</summary>
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

        if (await MadeAdminByAsync(confirmer, request.RequestedBy))
        {
            return new(ResetState.MadeByRequester, request, name);
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
        var oneTime = await ApplyAsync(owner, request);
        await audit.RecordAsync(AuditEvents.AccountResetConfirmed, confirmer.Email,
            $"confirmed the request from {request.RequestedBy} to reset the {AccountResetKinds.Describe(request.Kind)} of {owner.Email}, and it was done");
        await transaction.CommitAsync();
        return new(ResetState.Done, request, name, oneTime);
    }

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
        var oneTime = await ApplyAsync(owner, reset);
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
            $"read the notice that their {AccountResetKinds.Describe(reset.Kind)} was reset by {reset.DoneBy}");
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

    /// <summary>Each account's latest reset that was done, by account id.</summary>
    public async Task<IReadOnlyDictionary<string, AccountReset>> LatestAsync()
    {
        var done = await database.AccountResets.AsNoTracking().Where(r => r.DoneAt != null).OrderByDescending(r => r.DoneAt).ToListAsync();
        return done.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Requests waiting for a second admin, oldest first.</summary>
    public async Task<IReadOnlyList<AccountReset>> WaitingAsync()
    {
        var since = time.GetUtcNow() - ConfirmWithin;
        return await database.AccountResets.AsNoTracking().Where(r => r.DoneAt == null && r.RequestedAt > since).OrderBy(r => r.RequestedAt).ToListAsync();
    }

    /// <summary>The reset itself (each ends every session of the account, by a new security stamp), and the owner's e-mail.</summary>
    private async Task<string?> ApplyAsync(StaffUser owner, AccountReset reset)
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

        mail.Reset(owner, reset);
        await database.SaveChangesAsync();
        return oneTime;
    }

    /// <summary>
    /// Whether <paramref name="requester"/> added <paramref name="confirmer"/> as an admin or gave them the role,
    /// as the audit log records it: otherwise one admin could make a second account to confirm their own request.
    /// </summary>
    private async Task<bool> MadeAdminByAsync(StaffUser confirmer, string requester)
    {
        var email = (confirmer.Email ?? confirmer.Id).ToLowerInvariant();
        var by = requester.ToLowerInvariant();
        var added = AccountAuditWords.Added(email, StaffRoles.Admin);
        var promoted = AccountAuditWords.RoleChanged(email, StaffRoles.Admin);
        // In SQL: lower() on both providers. string.Equals with a StringComparison has no SQL translation.
#pragma warning disable CA1862
        return await database.AuditEvents.AnyAsync(e => e.Event == AuditEvents.AccountChanged && e.Actor != null && e.Actor.ToLower() == by &&
            (e.Detail.ToLower() == added || e.Detail.ToLower() == promoted));
#pragma warning restore CA1862
    }

    private async Task<StaffUserName> NameAsync(StaffUser user) =>
        new(user.Id, user.Email ?? user.Id, await users.IsInRoleAsync(user, StaffRoles.Admin));
}
