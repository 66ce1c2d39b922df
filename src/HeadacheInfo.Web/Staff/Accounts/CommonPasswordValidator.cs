using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>Rejects passwords on a short list of the most common ones, whatever their length.</summary>
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

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var tooCommon = password is not null &&
            (Common.Contains(password) || password.Distinct().Count() <= 2 ||
             (user.Email?.Split('@')[0] is { Length: >= 4 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(tooCommon
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "That password is too common or too easy to guess. Choose another: a few unrelated words work well." })
            : IdentityResult.Success);
    }
}
