using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff;

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

    public static IServiceCollection AddStaffPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, StaffRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([])))
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([StaffRoles.Admin])))
            .AddPolicy(Reviewer, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([StaffRoles.Reviewer])))
            .AddPolicy(ReviewerOrAdmin, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new StaffRoleRequirement([StaffRoles.Reviewer, StaffRoles.Admin])));
        return services;
    }
}

/// <summary>An enabled account holding one of <paramref name="AnyOf"/> now, in the database (no roles listed: any enabled account).</summary>
public sealed record StaffRoleRequirement(IReadOnlyList<string> AnyOf) : IAuthorizationRequirement;

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
