using System.Security.Cryptography;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Identity's store, with the authenticator key and the recovery codes encrypted at rest with ASP.NET Core
/// Data Protection (the key ring in <c>DataProtection:KeysPath</c> when set). A copy of the database, such as a
/// backup, then no longer gives away anyone's second factor. A key stored in plain text before this still
/// works: it is read as it is, and encrypted with the next save.
/// </summary>
internal sealed partial class ProtectedTokenUserStore(
    StaffDbContext context, IDataProtectionProvider protection, ILogger<ProtectedTokenUserStore> logger, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, StaffDbContext>(context, describer)
{
    // Identity's own names for the tokens it keeps for itself (private in UserStoreBase).
    internal const string InternalLoginProvider = "[AspNetUserStore]";
    private static readonly string[] SecretNames = ["AuthenticatorKey", "RecoveryCodes"];

    // Marks an encrypted value; a plain base32 key or recovery code list never starts with it.
    private const string Marker = "protected:v1:";

    private readonly IDataProtector _protector = protection.CreateProtector("HeadacheInfo.Staff.IdentityTokens.v1");

    public override async Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        await base.SetTokenAsync(user, loginProvider, name,
            value is not null && IsSecret(loginProvider, name) ? Marker + _protector.Protect(value) : value, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var entry = await FindTokenAsync(user, loginProvider, name, cancellationToken);
        if (entry?.Value is not { } stored || !IsSecret(loginProvider, name))
        {
            return entry?.Value;
        }

        if (!stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            // Stored before encryption at rest: still good, and encrypted in place, saved with the next write.
            entry.Value = Marker + _protector.Protect(stored);
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Marker.Length..]);
        }
        catch (CryptographicException)
        {
            // The key ring that encrypted it is gone. No second factor can be checked against it: the person
            // must set up their authenticator again, as with a lost phone.
            LogUnreadable(user.Id, name);
            return null;
        }
    }

    private static bool IsSecret(string loginProvider, string name) =>
        loginProvider == InternalLoginProvider && SecretNames.Contains(name, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Name} of account {UserId} cannot be decrypted: the Data Protection keys that encrypted it are gone (check DataProtection:KeysPath).")]
    private partial void LogUnreadable(string userId, string name);
}
