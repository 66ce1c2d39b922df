using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// The staff area's authorisation rules, by name. Each one reads the account and its roles from the database
/// on every request: the sign-in cookie's copy of the roles is hours old, and a demoted admin must lose
/// their powers at the next request, not when the cookie is next re-issued.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any account that exists and is not disabled.</summary>
    public const string Staff = "staff";

    public const string Admin = "staff-admin";

    public const string Reviewer = "staff-reviewer";

    /// <summary>Reviewers and admins, such as for deleting a reader's comment.</summary>
    public const string ReviewerOrAdmin = "staff-reviewer-or-admin";
}

internal sealed class StaffRoleHandler(UserManager<StaffUser> users) : AuthorizationHandler<StaffRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || await users.GetUserAsync(context.User) is not { Disabled: false } user)
        {
            return;
        }

        if (requirement.AnyOf.Count == 0 || (await users.GetRolesAsync(user)).Any(role => requirement.AnyOf.Contains(role, StringComparer.Ordinal)))
        {
            context.Succeed(requirement);
        }
    }
}
