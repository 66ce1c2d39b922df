using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// The tokens in the links staff are e-mailed to choose a password: an invitation (72 hours) and a forgotten
/// password (1 hour). Each is Identity's Data Protection token, which carries the account's security stamp:
/// choosing the password changes the stamp, so a link works once. Each kind has its own provider and its
/// own protector, so one kind's token is never accepted as the other's. Identity's provider reads the
/// system clock; the age is checked on the site's <see cref="TimeProvider"/> as well, so a moved clock
/// (a test's) ages a link as the real one would.
/// </summary>
public static class AccountLinkTokens
{
    public const string Invitation = "Invitation";
    public const string PasswordReset = "ForgottenPassword";
    public const string InvitationPurpose = "choose-first-password";

    public static readonly TimeSpan InvitationLifespan = TimeSpan.FromHours(72);
    public static readonly TimeSpan PasswordResetLifespan = TimeSpan.FromHours(1);

    public static IdentityBuilder AddAccountLinkTokens(this IdentityBuilder identity)
    {
        var services = identity.Services;
        services.Configure<InvitationTokenOptions>(options =>
        {
            options.Name = Invitation;
            options.TokenLifespan = InvitationLifespan;
        });
        services.Configure<PasswordResetTokenOptions>(options =>
        {
            options.Name = PasswordReset;
            options.TokenLifespan = PasswordResetLifespan;
        });
        services.Configure<IdentityOptions>(options => options.Tokens.PasswordResetTokenProvider = PasswordReset);
        return identity
            .AddTokenProvider<InvitationTokenProvider>(Invitation)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordReset);
    }

    public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions;

    public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions;

    internal sealed class InvitationTokenProvider(
        IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<StaffUser>> logger, TimeProvider time)
        : ClockedTokenProvider(protection, options.Value, logger, time);

    internal sealed class PasswordResetTokenProvider(
        IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<StaffUser>> logger, TimeProvider time)
        : ClockedTokenProvider(protection, options.Value, logger, time);

    /// <summary>Identity's check, then the token's age on the site's clock.</summary>
    internal abstract class ClockedTokenProvider(
        IDataProtectionProvider protection, DataProtectionTokenProviderOptions options, ILogger<DataProtectorTokenProvider<StaffUser>> logger, TimeProvider time)
        : DataProtectorTokenProvider<StaffUser>(protection, Microsoft.Extensions.Options.Options.Create(options), logger)
    {
        public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user) =>
            await base.ValidateAsync(purpose, token, manager, user) && MadeAt(token) is { } made &&
            time.GetUtcNow() < made + Options.TokenLifespan;

        /// <summary>When the token was made: Identity writes its UTC ticks first (base validated the rest).</summary>
        private DateTimeOffset? MadeAt(string token)
        {
            try
            {
                var bytes = Protector.Unprotect(Convert.FromBase64String(token));
                return bytes.Length < sizeof(long) ? null : new DateTimeOffset(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes), TimeSpan.Zero);
            }
            catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                return null;
            }
        }
    }
}
