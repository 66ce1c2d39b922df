using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The audit log page: a flood of failed sign-ins cannot push the rest out of reach, because the page goes back
/// page by page and filters by event and by account, with plain links and a plain form.
/// </summary>
public sealed class AuditPageTests(AuditPageTests.Site site) : IClassFixture<AuditPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        private readonly Lazy<Task> _flood;

        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            _flood = new(FloodAsync);
        }

        /// <summary>Once for the class: an admin added an account, then 205 failed sign-ins from strangers flooded the log.</summary>
        public Task FloodedAsync() => _flood.Value;

        private async Task FloodAsync()
        {
            await StaffSeeding.AddAsync(this, "auditor@clinic.example", StaffRoles.Admin);
            using var admin = new StaffClient(this);
            await StaffSeeding.SignInAsAdminAsync(admin, "auditor@clinic.example");
            (await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string>
            {
                ["Email"] = "before-the-flood@clinic.example",
                ["DisplayName"] = "Before the Flood",
                ["Role"] = StaffRoles.Author,
            }, button: "add")).Dispose();

            await using var scope = Services.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 0; i < 205; i++)
            {
                await log.RecordAsync(AuditEvents.SignInFailed, $"stranger{i % 7}@evil.example", "no account with this email");
            }
        }
    }

    /// <summary>A fresh admin, signed in, reading the flooded log.</summary>
    private async Task<StaffClient> FloodedAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        await site.FloodedAsync();
        var email = $"reader-{test.GetHashCode(StringComparison.Ordinal):x8}@clinic.example";
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        var reader = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(reader, email);
        return reader;
    }

    private static IReadOnlyList<string> Events(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tr[data-event]").Select(row => row.GetAttribute("data-event")!)];

    [Fact]
    public async Task After_a_flood_of_failed_sign_ins_older_pages_still_reach_the_account_change()
    {
        using var admin = await FloodedAsync();

        var (first, firstPage) = await admin.GetAsync("/staff/audit");
        var older = firstPage.QuerySelector("a[data-audit-older]")?.GetAttribute("href");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.DoesNotContain(firstPage.QuerySelectorAll("tr[data-event]"), row => row.TextContent.Contains("before-the-flood@clinic.example", StringComparison.Ordinal));
        Assert.NotNull(older);

        var (_, secondPage) = await admin.GetAsync(older);

        Assert.Contains(secondPage.QuerySelectorAll("tr[data-event='account-changed']"), row => row.TextContent.Contains("before-the-flood@clinic.example", StringComparison.Ordinal));
        Assert.NotNull(secondPage.QuerySelector("a[data-audit-newer]"));
    }

    [Fact]
    public async Task Filtering_by_event_shows_only_that_event_newest_first()
    {
        using var admin = await FloodedAsync();

        var (response, page) = await admin.GetAsync("/staff/audit?event=account-changed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Events(page));
        Assert.All(Events(page), e => Assert.Equal(AuditEvents.AccountChanged, e));
        Assert.Contains(page.QuerySelectorAll("tr[data-event]"), row => row.TextContent.Contains("before-the-flood@clinic.example", StringComparison.Ordinal));
        var times = page.QuerySelectorAll("tr[data-event] time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal("account-changed", page.QuerySelector("form[method=get] select[name=event] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Filtering_by_account_shows_only_what_that_account_did_whatever_the_case_typed()
    {
        using var admin = await FloodedAsync();

        var (_, page) = await admin.GetAsync("/staff/audit?account=Auditor%40Clinic.Example");

        var rows = page.QuerySelectorAll("tr[data-event]");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("auditor@clinic.example", row.QuerySelector("td[data-actor]")?.TextContent.ToLowerInvariant()));
        Assert.Contains(Events(page), e => e == AuditEvents.AccountChanged);
    }

    [Fact]
    public async Task Both_filters_together_page_through_with_the_filters_kept()
    {
        using var admin = await FloodedAsync();

        var (_, first) = await admin.GetAsync("/staff/audit?event=sign-in-failed&account=stranger3%40evil.example");
        var older = first.QuerySelector("a[data-audit-older]");

        // 205 failures from 7 strangers: 29 or 30 each, one page.
        Assert.InRange(Events(first).Count, 29, 30);
        Assert.All(Events(first), e => Assert.Equal(AuditEvents.SignInFailed, e));
        Assert.Null(older);
        var (_, all) = await admin.GetAsync("/staff/audit?event=sign-in-failed");
        var next = all.QuerySelector("a[data-audit-older]")!.GetAttribute("href")!;
        Assert.Contains("event=sign-in-failed", next, StringComparison.Ordinal);
        var (_, second) = await admin.GetAsync(next);
        Assert.All(Events(second), e => Assert.Equal(AuditEvents.SignInFailed, e));
        Assert.NotEmpty(Events(second));
    }

    [Fact]
    public async Task The_filter_is_a_plain_get_form_and_a_nonsense_page_number_shows_the_first_page()
    {
        using var admin = await FloodedAsync();

        var (response, page) = await admin.GetAsync("/staff/audit?p=-4");
        var form = page.QuerySelector("main form[method=get]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(form);
        Assert.NotNull(form.QuerySelector("select[name=event] option[value='sign-in-failed']"));
        Assert.NotNull(form.QuerySelector("input[name=account]"));
        Assert.Null(page.QuerySelector("a[data-audit-newer]"));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }
}
