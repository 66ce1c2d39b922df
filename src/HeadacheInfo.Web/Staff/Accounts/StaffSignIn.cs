using System.Security.Cryptography;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Email and password. Every refusal (no such account, a disabled one, a wrong password, a lock-out) does the
/// same work, a password hash check included, and gets the same answer, so neither the words nor the time
/// taken tell a guesser whether an account exists or is locked. Lock-out is <see cref="SignInLockOut"/>'s,
/// never Identity's per-account one, which anyone could trigger for any named account.
/// </summary>
public sealed class StaffSignIn(
    StaffSignInManager signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, SignInLockOut lockOut, AuditLog audit)
{
    /// <summary>The one answer to every refused sign-in.</summary>
    public const string Refusal = "The email address or password is not right. After 5 wrong tries, signing in to an account from here " +
        "is locked for 15 minutes, so even the right password will not work until then. Try again later, or ask an admin.";

    // Made once, with the same hasher settings as real passwords, so checking against it costs the same.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), RandomNumberGenerator.GetHexString(32)));

    public async Task<SignInOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        var key = SignInLockOut.AccountKey(user, email);
        var state = await lockOut.CheckAsync(key, user);
        string reason;
        if (state.Refused || user is null || user.Disabled)
        {
            CheckAgainstDummy(password);
            reason = user is null ? "no account with this email" : "the account is disabled";
        }
        else
        {
            var checkedPassword = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            if (checkedPassword.Succeeded)
            {
                var result = await signIn.SignInOrAskForCodeAsync(user);
                if (result.RequiresTwoFactor)
                {
                    return SignInOutcome.NeedsCode;
                }

                if (result.Succeeded)
                {
                    await audit.RecordAsync(AuditEvents.SignIn, user.Email, "signed in");
                    return SignInOutcome.SignedIn;
                }
            }

            // Locked by wrong authenticator codes, or not allowed: Identity answered without checking the
            // password, so check one anyway, to take as long as a wrong password does.
            if (checkedPassword.IsLockedOut || checkedPassword.IsNotAllowed)
            {
                CheckAgainstDummy(password);
            }

            reason = checkedPassword.IsLockedOut ? "the account is locked after wrong authenticator codes"
                : checkedPassword.IsNotAllowed ? "the account may not sign in"
                : "wrong password";
        }

        await lockOut.RecordFailureAsync(state, key, reason);
        return SignInOutcome.Refused;
    }

    /// <summary>The same hash check a real account's password gets, against a hash no password matches.</summary>
    private void CheckAgainstDummy(string password)
    {
        _ = hasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
    }
}
