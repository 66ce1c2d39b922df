using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// The audit log, newest first, a page at a time, filtered by event and by account. Admins only. Plain GET
/// links and a GET form, so it works without JavaScript and any view can be bookmarked or shared.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class AuditModel(AuditLog audit, StaffNames names, Microsoft.Extensions.Options.IOptions<HeadacheInfo.Web.Clinic.ClinicOptions> clinic) : PageModel
{
    /// <summary>Times on the clinic's clock, the zone named once above the table.</summary>
    public TimeZoneInfo Zone => clinic.Value.FindZone();

    /// <summary>A person's name and title, by the e-mail address the log keeps.</summary>
    public Func<string?, string> Name { get; private set; } = email => email ?? string.Empty;

    /// <summary>Only this event (one of <see cref="AuditLog.EventNames"/>); empty for every event.</summary>
    [BindProperty(SupportsGet = true, Name = "event")]
    public string? Event { get; set; }

    /// <summary>Only what this account did (its email, in any case); empty for everyone.</summary>
    [BindProperty(SupportsGet = true, Name = "account")]
    public string? Account { get; set; }

    // Not "page": Razor Pages keeps that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Shown { get; private set; } = new([], 1, false);

    public async Task OnGetAsync()
    {
        // A page number that is not a number, or less than 1, shows the newest page.
        ModelState.Clear();
        Shown = await audit.PageAsync(new AuditQuery(Event, Account, PageNumber));
        Name = await names.LoadAsync();
    }

    /// <summary>The address of another page of this same view, filters kept.</summary>
    public string? PageLink(int page) => Url.Page("/Staff/Audit", new
    {
        @event = string.IsNullOrWhiteSpace(Event) ? null : Event.Trim(),
        account = string.IsNullOrWhiteSpace(Account) ? null : Account.Trim(),
        p = page == 1 ? (int?)null : page,
    });
}
