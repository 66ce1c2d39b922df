using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Your own account: which kinds of e-mail you get (each change audited), and every time someone else reset
/// your password or two-step sign-in, kept here after the notice has been read.
/// </summary>
[AcceptsFormPost]
public sealed class AccountModel(UserManager<StaffUser> users, StaffDbContext database, AuditLog audit, IOptions<EmailOptions> email,
    AccountResets resets, IOptions<ClinicOptions> clinic) : PageModel
{
    /// <summary>The kinds ticked: the form's checkboxes, <c>name="Mail"</c>, one value per kind.</summary>
    [BindProperty]
    public List<string> Mail { get; set; } = [];

    public bool MailIsOn => email.Value.Enabled;

    public string? Done { get; private set; }

    public StaffUser? Me { get; private set; }

    /// <summary>The notice <c>value="acknowledge-reset"</c> says was read.</summary>
    [BindProperty]
    public long? ResetId { get; set; }

    public IReadOnlyList<AccountReset> Resets { get; private set; } = [];

    public TimeZoneInfo Zone => clinic.Value.FindZone();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        Me = me;
        var off = await OffAsync(me);
        Mail = [.. MailKinds.All.Select(k => k.Key).Where(k => !off.Contains(k))];
        Resets = await resets.HistoryAsync(me.Id);
        return Page();
    }

    /// <summary>The owner has read the notice of a reset: it stops showing after sign-in, and stays listed here.</summary>
    public async Task<IActionResult> OnPostAcknowledgeResetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        if (ResetId is not { } id)
        {
            return BadRequest();
        }

        await resets.SeenAsync(me, id);
        return RedirectToPage("/Staff/Index");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        Me = me;
        var wanted = Mail.Where(k => MailKinds.All.Any(kind => kind.Key == k)).ToHashSet(StringComparer.Ordinal);
        var before = await OffAsync(me);
        var after = MailKinds.All.Select(k => k.Key).Where(k => !wanted.Contains(k)).ToHashSet(StringComparer.Ordinal);
        if (!before.SetEquals(after))
        {
            database.MailOptOuts.RemoveRange(database.MailOptOuts.Where(o => o.UserId == me.Id && !after.Contains(o.Kind)));
            database.MailOptOuts.AddRange(after.Except(before).Select(kind => new MailOptOut { UserId = me.Id, Kind = kind }));
            await database.SaveChangesAsync();
            await audit.RecordAsync(AuditEvents.MailSettingsChanged, me.Email,
                $"e-mail on: {Listed(MailKinds.All.Select(k => k.Key).Where(wanted.Contains))}; off: {Listed(MailKinds.All.Select(k => k.Key).Where(after.Contains))}");
        }

        Mail = [.. wanted];
        Resets = await resets.HistoryAsync(me.Id);
        Done = "Your e-mail choices are saved.";
        return Page();
    }

    private async Task<HashSet<string>> OffAsync(StaffUser me) =>
        (await database.MailOptOuts.AsNoTracking().Where(o => o.UserId == me.Id).Select(o => o.Kind).ToListAsync()).ToHashSet(StringComparer.Ordinal);

    private static string Listed(IEnumerable<string> kinds) => kinds.Any() ? string.Join(", ", kinds) : "none";
}
