using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>The audit log, newest first. Admins only.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public async Task OnGetAsync() => Events = await audit.LatestAsync();
}
