using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Authenticator app codes (RFC 6238: 6 digits, 30-second steps, HMAC-SHA1), each accepted once. Identity's
/// own provider accepts a code any number of times within 90 seconds either side, so a code seen over a
/// shoulder or in a proxy's log could be used again. Here a code from the current step or one step either side
/// is accepted only if its step is later than the last one accepted for the account, which is kept as an
/// Identity user token (no schema change), and the site's <see cref="TimeProvider"/> tells the time.
/// </summary>
internal sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "SingleUseAuthenticator";

    private const string LastStepToken = "LastAuthenticatorStep";
    private const int StepSeconds = 30;
    private const int StepsEitherSide = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app makes the codes; the site never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit) ||
            await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || FromBase32(key) is not { Length: > 0 } secret)
        {
            return false;
        }

        var lastUsed = long.TryParse(
            await manager.GetAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, LastStepToken),
            NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;
        var current = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = current - StepsEitherSide; step <= current + StepsEitherSide; step++)
        {
            if (step > lastUsed && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                return await UseAsync(manager, user, step);
            }
        }

        return false;
    }

    /// <summary>
    /// Records the step as used. Saving checks the account's concurrency stamp, so when the same code arrives
    /// twice at once, only one request saves and only that one is accepted.
    /// </summary>
    private static async Task<bool> UseAsync(UserManager<StaffUser> manager, StaffUser user, long step)
    {
        try
        {
            var saved = await manager.SetAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, LastStepToken,
                step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }
        catch (DbUpdateException)
        {
            // The other request added the token row first.
            return false;
        }
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 codes are HMAC-SHA1 by definition: it is what authenticator apps compute.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys; null for anything else.</summary>
    private static byte[]? FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
