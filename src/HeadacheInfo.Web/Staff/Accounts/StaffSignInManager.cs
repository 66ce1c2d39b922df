using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Identity's sign-in, with what the staff area needs besides: a disabled account's security stamp never
/// validates (so its sessions end at once, whichever cookie they use), and the second step can be started
/// after a password check the sign-in page made itself.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>After a correct password: signs in, or, with two-step sign-in on, asks for the code first.</summary>
    public Task<SignInResult> SignInOrAskForCodeAsync(StaffUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    public override async Task<bool> ValidateSecurityStampAsync(StaffUser? user, string? securityStamp) =>
        user is { Disabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
