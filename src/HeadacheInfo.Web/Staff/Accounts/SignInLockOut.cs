using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Slows password guessing without letting a stranger lock anyone out on demand. Failures are counted from the
/// audit log, per account and client address together: five in 15 minutes lock that address out of that
/// account (another address, such as the owner's, is not affected). Beyond twenty in 15 minutes for the
/// account from all addresses together, only addresses the account has signed in from before may still try.
/// A real account and an unknown email are counted the same way, so the lock-out tells a guesser nothing.
/// </summary>
public sealed class SignInLockOut(StaffDbContext database, AuditLog audit, TimeProvider time)
{
    public const int PerAddressLimit = 5;
    public const int PerAccountLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly string[] FailureEvents = [AuditEvents.SignInFailed, AuditEvents.LockedOut, AuditEvents.PasswordChangeFailed, AuditEvents.PasswordResetRequested];

    /// <summary>
    /// What failures are counted under: the account's own email when there is one (so differently typed forms
    /// of it share one count), else the email as typed; lower-cased either way.
    /// </summary>
    public static string AccountKey(StaffUser? user, string typedEmail) => (user?.Email ?? typedEmail).Trim().ToLowerInvariant();

    public async Task<LockOutState> CheckAsync(string accountKey, StaffUser? user)
    {
        var address = audit.ClientAddress;
        var since = time.GetUtcNow() - Window;
        var failures = database.AuditEvents.AsNoTracking()
            .Where(e => e.At > since && e.Actor == accountKey && FailureEvents.Contains(e.Event));

        // Signing in from this address starts its count again, as it would for a person who had mistyped, and so
        // does choosing a password from an e-mailed link there (whoever holds the link could anyway). By row, not
        // time: a failure in the same instant as the sign-in, but after it, still counts.
        var lastSignIn = user?.Email is { } email
            ? await database.AuditEvents.AsNoTracking()
                .Where(e => e.At > since && (e.Event == AuditEvents.SignIn || e.Event == AuditEvents.PasswordLinkUsed) && e.Actor == email && e.ClientAddress == address)
                .MaxAsync(e => (long?)e.Id) ?? 0
            : 0;
        var fromHere = await failures.CountAsync(e => e.ClientAddress == address && e.Id > lastSignIn);
        var forAccount = await failures.CountAsync();

        var refusedBecause = fromHere >= PerAddressLimit ? "tried while this address is locked out of the account"
            : forAccount >= PerAccountLimit && !await SignedInFromHereBeforeAsync(user, address)
                ? "tried from an address it never signed in from, while it has too many failures"
                : null;
        return new(refusedBecause, fromHere, forAccount);
    }

    /// <summary>
    /// Audits a failure: a refused attempt with the reason it was refused, the one that reaches a limit as
    /// <see cref="AuditEvents.LockedOut"/>, any other as <paramref name="failedEvent"/> with <paramref name="detail"/>.
    /// Never the password.
    /// </summary>
    public async Task RecordFailureAsync(LockOutState state, string accountKey, string detail, string failedEvent = AuditEvents.SignInFailed)
    {
        if (state.RefusedBecause is { } refused)
        {
            await audit.RecordAsync(failedEvent, accountKey, refused);
        }
        else if (state.FailuresFromHere + 1 == PerAddressLimit)
        {
            await audit.RecordAsync(AuditEvents.LockedOut, accountKey,
                $"{detail}; this address is locked out of the account for {Window.TotalMinutes:0} minutes after {PerAddressLimit} failures");
        }
        else if (state.FailuresForAccount + 1 == PerAccountLimit)
        {
            await audit.RecordAsync(AuditEvents.LockedOut, accountKey,
                $"{detail}; {PerAccountLimit} failures in {Window.TotalMinutes:0} minutes from all addresses, so only addresses it signed in from before may try");
        }
        else
        {
            await audit.RecordAsync(failedEvent, accountKey, detail);
        }
    }

    private async Task<bool> SignedInFromHereBeforeAsync(StaffUser? user, string? address) =>
        user?.Email is { } email &&
        await database.AuditEvents.AsNoTracking().AnyAsync(e => e.Event == AuditEvents.SignIn && e.Actor == email && e.ClientAddress == address);
}
