using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The pages the symptom check's sign-off covers, as a reader and a reviewer see them.</summary>
public static class CheckSignOffPages
{
    /// <summary>The check, how it works, the home page and the diary: each says whether the check is signed off.</summary>
    public static readonly string[] Covered = ["/symptom-check", "/symptom-check/how-it-works", "/", "/headache-diary"];

    /// <summary>A site whose pages are pre-rendered per content snapshot, as in production (Site:BaseUrl set).</summary>
    public class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("Site:BaseUrl", "https://localhost");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    /// <summary>Each covered page's <c>data-clinical-review</c>, read by a reader's browser (HTTPS, as the site's address says).</summary>
    public static async Task<Dictionary<string, (string? State, string Text)>> ReadAsync(HeadacheInfoFactory site)
    {
        using var reader = new StaffClient(site);
        var states = new Dictionary<string, (string?, string)>(StringComparer.Ordinal);
        foreach (var path in Covered)
        {
            var (response, page) = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var marker = Assert.Single(page.QuerySelectorAll("[data-clinical-review]"));
            states[path] = (marker.GetAttribute("data-clinical-review"), marker.TextContent);
        }

        return states;
    }

    public static async Task<StaffClient> SignedInAsync(HeadacheInfoFactory site, string email, string role, string? title = null)
    {
        await StaffSeeding.AddAsync(site, email, role);
        if (title is not null)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.RoleTitle = title;
            await users.UpdateAsync(user);
        }

        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    public static async Task<List<AuditEvent>> SignOffRowsAsync(HeadacheInfoFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Event == CheckSignOff.AuditEvent).ToListAsync();
    }
}

/// <summary>A reviewer signs the check off: the one way its pages come to say a clinician checked them.</summary>
public sealed class SymptomCheckSignOffTests(CheckSignOffPages.Site site) : IClassFixture<CheckSignOffPages.Site>
{
    [Fact]
    public async Task A_reviewer_reads_the_check_signs_it_off_and_the_four_pages_say_signed_off_by_whom_and_when_without_a_restart()
    {
        var before = await CheckSignOffPages.ReadAsync(site);
        Assert.All(before.Values, page => Assert.Equal("pending", page.State));
        Assert.All(before.Values, page => Assert.Contains("Not yet checked by a clinician", page.Text, StringComparison.Ordinal));
        using var reviewer = await CheckSignOffPages.SignedInAsync(site, "check-reviewer@clinic.example", StaffRoles.Reviewer, "Senior physiotherapist");

        var (_, dashboard) = await reviewer.GetAsync("/staff");
        Assert.NotNull(dashboard.QuerySelector("nav.staff-nav a[href='/staff/symptom-check']"));
        var (response, page) = await reviewer.GetAsync("/staff/symptom-check");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("pending", page.QuerySelector("[data-check-sign-off]")?.GetAttribute("data-check-sign-off"));
        // Everything it signs is on the page: each rule, each question with its hint and result note, each result, the hazard log.
        Assert.All(TriageRules.All, rule => Assert.NotNull(page.QuerySelector($"[data-rule='{rule.Id}']")));
        Assert.All(SignCatalog.All, sign => Assert.Contains(sign.Label, page.QuerySelector($"[data-sign='{sign.Id}']")?.TextContent, StringComparison.Ordinal));
        Assert.All(SignCatalog.All.Where(s => s.Hint is not null), sign => Assert.Contains(sign.Hint!, page.QuerySelector($"[data-sign='{sign.Id}']")!.TextContent, StringComparison.Ordinal));
        Assert.All(SignCatalog.All.Where(s => s.ResultNote is not null), sign => Assert.Contains(sign.ResultNote!, page.QuerySelector($"[data-sign='{sign.Id}']")!.TextContent, StringComparison.Ordinal));
        Assert.All(TriageOutcome.All, outcome => Assert.NotNull(page.QuerySelector($"[data-outcome='{outcome.Key}']")));
        Assert.Contains("Hazard log", page.QuerySelector(".hazard-log-text")?.TextContent, StringComparison.Ordinal);
        var form = page.QuerySelector("button[name=action][value=sign-off-check]")?.Closest("form") as IHtmlFormElement;
        Assert.NotNull(form?.QuerySelector("input[name=__RequestVerificationToken]"));

        using var signed = await reviewer.SubmitAsync(page, "/staff/symptom-check", new Dictionary<string, string>(), button: "sign-off-check");
        var after = await HeadacheInfoFactory.ReadPageAsync(signed);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.True(signed.Headers.CacheControl?.NoStore);
        Assert.NotNull(after.QuerySelector("[data-check-message]"));
        var status = after.QuerySelector("[data-check-sign-off]")!;
        Assert.Equal("signed-off", status.GetAttribute("data-check-sign-off"));
        Assert.Contains("check-reviewer@clinic.example", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("(Europe/London time)", status.TextContent, StringComparison.Ordinal);

        var row = Assert.Single(await CheckSignOffPages.SignOffRowsAsync(site));
        Assert.Equal("check-reviewer@clinic.example", row.Actor);
        var fingerprint = CheckFingerprint.Current(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>().Value);
        Assert.Contains(fingerprint, row.Detail, StringComparison.Ordinal);
        Assert.Equal(fingerprint, after.QuerySelector("[data-fingerprint]")?.TextContent);

        // Straight away, from the pre-rendered pages of the new snapshot: no restart, no wait.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var afterPages = await CheckSignOffPages.ReadAsync(site);
        Assert.All(afterPages.Values, page => Assert.Equal("signed-off", page.State));
        Assert.All(afterPages.Values, page => Assert.Contains("Senior physiotherapist", page.Text, StringComparison.Ordinal));
        Assert.All(afterPages.Values, page => Assert.Contains(today, page.Text, StringComparison.Ordinal));
        Assert.All(afterPages.Values, page => Assert.DoesNotContain("@clinic.example", page.Text, StringComparison.Ordinal));
    }
}

/// <summary>Who may not sign the check off, and what does not count as a sign-off.</summary>
public sealed class SymptomCheckSignOffRefusalTests(CheckSignOffPages.Site site) : IClassFixture<CheckSignOffPages.Site>
{
    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_the_answer_is_never_stored()
    {
        using var visitor = new StaffClient(site);

        var (response, _) = await visitor.GetAsync("/staff/symptom-check");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_author_cannot_open_or_sign_off_the_check_and_nothing_is_audited()
    {
        using var author = await CheckSignOffPages.SignedInAsync(site, "check-author@clinic.example", StaffRoles.Author);
        await RefusedAsync(author, "check-author@clinic.example");
    }

    [Fact]
    public async Task An_admin_without_the_reviewer_role_cannot_open_or_sign_off_the_check_and_nothing_is_audited()
    {
        await StaffSeeding.AddAsync(site, "check-admin@clinic.example", StaffRoles.Admin);
        using var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, "check-admin@clinic.example");
        await RefusedAsync(admin, "check-admin@clinic.example");
    }

    private async Task RefusedAsync(StaffClient client, string email)
    {
        var (dashboardResponse, dashboard) = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, dashboardResponse.StatusCode);
        Assert.Null(dashboard.QuerySelector("nav.staff-nav a[href='/staff/symptom-check']"));

        var (response, _) = await client.GetAsync("/staff/symptom-check");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);

        // The button pressed anyway, with a real token and the right fingerprint, as a hand-made request would.
        var token = dashboard.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fingerprint = CheckFingerprint.Current(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>().Value);
        using var posted = await client.Http.PostAsync(new Uri("/staff/symptom-check", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Fingerprint", fingerprint), new("action", "sign-off-check")]));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.DoesNotContain(await CheckSignOffPages.SignOffRowsAsync(site), row => row.Actor == email);
        Assert.All((await CheckSignOffPages.ReadAsync(site)).Values, page => Assert.Equal("pending", page.State));
    }

    [Fact]
    public async Task A_sign_off_without_the_antiforgery_token_is_refused_and_nothing_is_audited()
    {
        using var reviewer = await CheckSignOffPages.SignedInAsync(site, "no-token@clinic.example", StaffRoles.Reviewer);
        var (_, page) = await reviewer.GetAsync("/staff/symptom-check");
        var fingerprint = page.QuerySelector("input[name=Fingerprint]")!.GetAttribute("value")!;

        using var posted = await reviewer.Http.PostAsync(new Uri("/staff/symptom-check", UriKind.Relative), new FormUrlEncodedContent(
            [new("Fingerprint", fingerprint), new("action", "sign-off-check")]));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.True(posted.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain(await CheckSignOffPages.SignOffRowsAsync(site), row => row.Actor == "no-token@clinic.example");
    }

    [Fact]
    public async Task A_reviewer_who_read_another_version_of_the_check_is_told_to_read_it_again_and_nothing_is_audited()
    {
        using var reviewer = await CheckSignOffPages.SignedInAsync(site, "stale-reader@clinic.example", StaffRoles.Reviewer);
        var (_, page) = await reviewer.GetAsync("/staff/symptom-check");

        using var posted = await reviewer.SubmitAsync(page, "/staff/symptom-check",
            new Dictionary<string, string> { ["Fingerprint"] = new string('0', 64) }, button: "sign-off-check");
        var after = await HeadacheInfoFactory.ReadPageAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("changed after you opened this page", after.QuerySelector("[data-check-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await CheckSignOffPages.SignOffRowsAsync(site), row => row.Actor == "stale-reader@clinic.example");
    }

    [Fact]
    public async Task A_sign_off_of_an_earlier_version_of_the_check_leaves_the_pages_pending_and_the_reviewer_is_told()
    {
        // As the audit log holds a sign-off given before a rule's text changed: the same row, an older fingerprint.
        var earlier = new string('a', 64);
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            database.AuditEvents.Add(new AuditEvent
            {
                At = DateTimeOffset.UtcNow, Event = CheckSignOff.AuditEvent, Actor = "earlier@clinic.example",
                Detail = CheckSignOff.Detail(earlier, "Consultant physiotherapist"),
            });
            await database.SaveChangesAsync();
        }

        await site.Services.GetRequiredService<ContentStore>().RebuildAsync();

        Assert.Equal(earlier, site.Services.GetRequiredService<ContentStore>().Current.Part<CheckSignOff>()?.Latest?.Fingerprint);
        Assert.All((await CheckSignOffPages.ReadAsync(site)).Values, page => Assert.Equal("pending", page.State));
        using var reviewer = await CheckSignOffPages.SignedInAsync(site, "sees-earlier@clinic.example", StaffRoles.Reviewer);
        var (_, page) = await reviewer.GetAsync("/staff/symptom-check");
        Assert.Equal("pending", page.QuerySelector("[data-check-sign-off]")?.GetAttribute("data-check-sign-off"));
        Assert.Contains("earlier@clinic.example", page.QuerySelector("[data-earlier-sign-off]")?.TextContent, StringComparison.Ordinal);
    }
}
