using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// A member of staff as the editorial rules see them, from their roles now (read from the database, never from
/// the copy in their sign-in cookie): the one place a role is looked up for an editorial decision.
/// </summary>
public static class EditorialActors
{
    public static async Task<EditorialActor> ForAsync(UserManager<StaffUser> users, StaffUser user) =>
        new(user.Email ?? string.Empty, !user.Disabled && await users.IsInRoleAsync(user, StaffRoles.Reviewer));
}
