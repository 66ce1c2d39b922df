using Microsoft.AspNetCore.Authorization;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>An enabled account holding one of <paramref name="AnyOf"/> now, in the database (no roles listed: any enabled account).</summary>
public sealed record StaffRoleRequirement(IReadOnlyList<string> AnyOf) : IAuthorizationRequirement;
