using System.Security.Cryptography;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>Adding accounts, for the <c>add-staff</c> command and the admins' accounts page alike.</summary>
public static class StaffAccounts
{
    /// <summary>The column's own limit.</summary>
    public const int MaxName = 200;

    /// <param name="password">The password to set; null makes a one-time password that must be changed at first sign-in.</param>
    public static async Task<AddedAccount> AddAsync(UserManager<StaffUser> users, string email, string name, string role, string? password)
    {
        if (!StaffRoles.All.Contains(role, StringComparer.Ordinal))
        {
            return new(null, null, [$"unknown role '{role}'; use one of {string.Join(", ", StaffRoles.All)}"]);
        }

        // Shown on review pages and in mail: one line of plain words, by the rule every one-line field follows.
        if (HeadacheInfo.Web.Articles.PlainLine.FirstHidden(name) is { } hidden)
        {
            return new(null, null, [HeadacheInfo.Web.Articles.PlainLine.Problem("The name", hidden)]);
        }

        if (name.Trim().Length > MaxName)
        {
            return new(null, null, [$"The name must be {MaxName} characters or fewer."]);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return new(null, null, [$"there is already an account for {email}"]);
        }

        var oneTime = password is null ? OneTimePassword() : null;
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            MustChangePassword = oneTime is not null,
        };
        var created = await users.CreateAsync(user, password ?? oneTime!);
        if (!created.Succeeded)
        {
            return new(null, null, [.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRoleAsync(user, role);
        return new(user, oneTime, []);
    }

    /// <summary>
    /// A new one-time password for someone who cannot sign in: it must be changed at the next sign-in, and every
    /// session of the account ends now.
    /// </summary>
    public static async Task<string> ResetPasswordAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var oneTime = OneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, oneTime);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return oneTime;
    }

    /// <summary>
    /// Two-step sign-in off, with a new key, for someone who lost their phone: they set it up again (an admin is
    /// made to at once) and get new recovery codes then. Every session of the account ends now.
    /// </summary>
    public static async Task ResetTwoFactorAsync(UserManager<StaffUser> users, StaffUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Four random groups of five letters and digits (about 100 bits), easy to read out over the phone.</summary>
    public static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5)));
    }
}
