using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess, each with its own reason, so a person knows what to change: one
/// on a short list of the most common, one of one or two characters repeated, one holding the name part of
/// their e-mail address.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "passwordpassword",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "iloveyou1234", "letmein12345",
        "welcome12345", "admin1234567", "administrator", "changeme1234", "abc123456789", "aaaaaaaaaaaa",
        "000000000000", "111111111111", "football1234", "monkey123456", "princess1234", "sunshine1234",
        "trustno1trustno1", "correcthorsebatterystaple", "headacheinfo", "headacheinfo1", "physiotherapy",
    };

    /// <summary>Names shorter than this are left alone: "jo" is inside too many good passphrases.</summary>
    private const int ShortestName = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var emailName = user.Email?.Split('@')[0];
        IdentityError? error =
            Common.Contains(password) ? new() { Code = "CommonPassword", Description = "That password is on the list of the most common passwords, which are tried first. Choose another: a few unrelated words work well." }
            : password.Distinct().Count() <= 2 ? new() { Code = "RepeatedCharacters", Description = "That password repeats only one or two characters. Choose one with more variety: a few unrelated words work well." }
            : emailName is { Length: >= ShortestName } && password.Contains(emailName, StringComparison.OrdinalIgnoreCase)
                ? new() { Code = "ContainsEmailName", Description = $"That password contains your e-mail name (\"{emailName}\"), which anyone who knows your address would try. Choose one without it." }
            : null;
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }
}

/// <summary>Identity's own password refusals in plain words, each naming its real reason.</summary>
internal sealed class StaffIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"That password is too short: use at least {length} characters. A few unrelated words are easy to remember and long enough.",
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = $"That password uses too few different characters: use at least {uniqueChars} different ones.",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "Your current password is not right.",
    };
}
