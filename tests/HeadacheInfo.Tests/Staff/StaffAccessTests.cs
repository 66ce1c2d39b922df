using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The staff area from the outside, as an attacker or a curious visitor would try it.</summary>
public sealed class StaffAccessTests(StaffAccessTests.Site site) : IClassFixture<StaffAccessTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            // Every test here signs in from the same address; the limit has tests of its own.
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    public static TheoryData<string> ProtectedPages => new()
    {
        "/staff", "/staff/audit", "/staff/accounts", "/staff/change-password", "/staff/authenticator", "/staff/sign-out",
    };

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Anonymous_GET_of_a_staff_page_is_sent_to_sign_in_and_never_stored(string url)
    {
        using var client = new StaffClient(site);

        var (response, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Anonymous_POST_to_a_staff_page_gets_4xx_and_no_action(string url)
    {
        using var client = new StaffClient(site);

        using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative),
            new FormUrlEncodedContent([new("action", "add"), new("Email", "intruder@evil.example"), new("Role", "admin")]));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.True(response.Headers.CacheControl?.NoStore);
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
        Assert.Null(await users.FindByEmailAsync("intruder@evil.example"));
    }

    [Fact]
    public async Task The_sign_in_page_has_an_email_and_a_password_field_is_not_indexed_and_not_stored()
    {
        using var client = new StaffClient(site);

        var (response, page) = await client.GetAsync("/staff/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main form input[type=email]"));
        Assert.NotNull(page.QuerySelector("main form input[type=password]"));
        Assert.NotNull(page.QuerySelector("main form input[name=__RequestVerificationToken]"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain("unsafe-inline", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        await StaffSeeding.AddAsync(site, "token@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);

        using var response = await client.Http.PostAsync(new Uri("/staff/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("Email", "token@clinic.example"), new("Password", StaffSeeding.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith(StaffRegistration.CookieName, StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task Search_engines_are_told_to_keep_out_and_the_sitemap_never_names_a_staff_page()
    {
        using var robots = await site.GetAsync("/robots.txt");
        using var sitemap = await site.GetAsync("/sitemap.xml");

        Assert.Contains("Disallow: /staff", await robots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/staff", await sitemap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Strict_and_Secure()
    {
        await StaffSeeding.AddAsync(site, "cookie@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);

        using var response = await client.SignInAsync("cookie@clinic.example", StaffSeeding.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffRegistration.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_author_cannot_read_the_audit_log_or_change_accounts()
    {
        await StaffSeeding.AddAsync(site, "author@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        (await client.SignInAsync("author@clinic.example", StaffSeeding.Password)).Dispose();

        var (audit, _) = await client.GetAsync("/staff/audit");
        var (accounts, _) = await client.GetAsync("/staff/accounts");
        var (dashboard, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_fails_too_saying_so()
    {
        await StaffSeeding.AddAsync(site, "locked@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.SignInAsync("locked@clinic.example", "not the password at all")).Dispose();
        }

        using var right = await client.SignInAsync("locked@clinic.example", StaffSeeding.Password);
        var page = await HeadacheInfoFactory.ReadPageAsync(right);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", page.QuerySelector("[data-sign-in-problem]")?.TextContent, StringComparison.Ordinal);
        var events = await AuditEventsAsync("locked@clinic.example");
        // Four wrong passwords, the fifth locks the account, then the right one fails while locked.
        Assert.Equal(5, events.Count(e => e == AuditEvents.SignInFailed));
        Assert.Contains(AuditEvents.LockedOut, events);
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            _ = site.Server;
        }

        await StaffSeeding.AddAsync(site, "newcomer@clinic.example", StaffRoles.Author, oneTimePassword: true);
        string oneTime;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // The one-time password is only ever shown once; set a known one the same way for the test.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("newcomer@clinic.example"))!;
            oneTime = StaffAccounts.OneTimePassword();
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, oneTime);
        }

        using var client = new StaffClient(site);
        (await client.SignInAsync("newcomer@clinic.example", oneTime)).Dispose();
        var (dashboard, _) = await client.GetAsync("/staff");
        using var changed = await client.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = "a brand new passphrase",
        });
        var (after, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.EndsWith("/staff/change-password", dashboard.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_common_or_short_password_is_refused()
    {
        await StaffSeeding.AddAsync(site, "weak@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        (await client.SignInAsync("weak@clinic.example", StaffSeeding.Password)).Dispose();

        foreach (var weak in new[] { "short", "password1234" })
        {
            using var response = await client.SubmitAsync("/staff/change-password", new Dictionary<string, string>
            {
                ["CurrentPassword"] = StaffSeeding.Password,
                ["NewPassword"] = weak,
            });
            var page = await HeadacheInfoFactory.ReadPageAsync(response);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}");
            Assert.NotNull(page.QuerySelector(".error-summary"));
        }
    }

    [Fact]
    public async Task An_admin_must_turn_on_two_step_sign_in_and_then_signs_in_with_a_code()
    {
        await StaffSeeding.AddAsync(site, "admin@clinic.example", StaffRoles.Admin);
        using var first = new StaffClient(site);
        (await first.SignInAsync("admin@clinic.example", StaffSeeding.Password)).Dispose();

        var (forced, _) = await first.GetAsync("/staff/audit");
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.EndsWith("/staff/authenticator", forced.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (setup, setupPage) = await first.GetAsync("/staff/authenticator");
        var key = setupPage.QuerySelector("[data-authenticator-key]")!.TextContent;
        (await first.SubmitAsync("/staff/authenticator", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key) })).Dispose();
        var (audit, auditPage) = await first.GetAsync("/staff/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.NotEmpty(auditPage.QuerySelectorAll("tr[data-event]"));

        // Next time: the password alone is not enough.
        using var second = new StaffClient(site);
        using var password = await second.SignInAsync("admin@clinic.example", StaffSeeding.Password);
        Assert.Contains("/staff/two-factor", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (stillOut, _) = await second.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        // Each code works once, and the one that turned two-step sign-in on may still be showing: use the
        // app's next one, as a phone running a little fast would show it.
        using var code = await second.SubmitAsync("/staff/two-factor", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        var (dashboard, _) = await second.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_are_in_the_audit_log_with_their_event_names()
    {
        await StaffSeeding.AddAsync(site, "audited@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);

        (await client.SignInAsync("audited@clinic.example", "wrong password here")).Dispose();
        (await client.SignInAsync("audited@clinic.example", StaffSeeding.Password)).Dispose();
        using var signOut = await client.SubmitAsync("/staff/sign-out", new Dictionary<string, string>());
        var (after, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal([AuditEvents.SignInFailed, AuditEvents.SignIn, AuditEvents.SignOut], (await AuditEventsAsync("audited@clinic.example")).Reverse());
    }

    [Fact]
    public async Task An_admin_adds_an_account_in_the_browser_and_the_audit_page_shows_it_newest_first()
    {
        await StaffSeeding.AddAsync(site, "boss@clinic.example", StaffRoles.Admin);
        using var client = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(client, "boss@clinic.example");

        using var added = await client.SubmitAsync("/staff/accounts", new Dictionary<string, string>
        {
            ["Email"] = "reviewer@clinic.example",
            ["DisplayName"] = "Rae Reviewer",
            ["Role"] = StaffRoles.Reviewer,
        }, button: "add");
        var page = await HeadacheInfoFactory.ReadPageAsync(added);
        var (_, audit) = await client.GetAsync("/staff/audit");

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-one-time-password]")?.TextContent));
        Assert.NotNull(page.QuerySelector("tr[data-account='reviewer@clinic.example'][data-role='reviewer']"));
        var first = audit.QuerySelector("tr[data-event]")!;
        Assert.Equal(AuditEvents.AccountChanged, first.GetAttribute("data-event"));
        Assert.Contains("reviewer@clinic.example", first.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelector("[data-one-time-password]")!.TextContent, audit.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_an_admin_disables_cannot_sign_in_and_is_signed_out_at_once()
    {
        await StaffSeeding.AddAsync(site, "chief@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "leaver@clinic.example", StaffRoles.Author);
        using var leaver = new StaffClient(site);
        (await leaver.SignInAsync("leaver@clinic.example", StaffSeeding.Password)).Dispose();
        using var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, "chief@clinic.example");
        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var id = accounts.QuerySelector("tr[data-account='leaver@clinic.example'] input[name=UserId]")!.GetAttribute("value")!;

        using var disabled = await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string> { ["UserId"] = id }, button: "disable");
        var (stillIn, _) = await leaver.GetAsync("/staff");
        using var again = await new StaffClient(site).SignInAsync("leaver@clinic.example", StaffSeeding.Password);

        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(disabled)).QuerySelector("tr[data-account='leaver@clinic.example'][data-state='disabled']"));
        Assert.Equal(HttpStatusCode.Redirect, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(again)).QuerySelector("[data-sign-in-problem]"));
    }

    [Fact]
    public async Task An_admin_sets_the_title_a_reviewer_is_shown_with_on_articles()
    {
        await StaffSeeding.AddAsync(site, "titles@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "titled@clinic.example", StaffRoles.Reviewer);
        using var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, "titles@clinic.example");
        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var row = accounts.QuerySelector("tr[data-account='titled@clinic.example']")!;

        using var set = await admin.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", row.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("UserId", row.QuerySelector("input[name=UserId]")!.GetAttribute("value")!),
            new("RoleTitle", "Consultant physiotherapist"),
            new("action", "title"),
        ]));

        var page = await HeadacheInfoFactory.ReadPageAsync(set);
        Assert.Equal("Consultant physiotherapist", page.QuerySelector("tr[data-account='titled@clinic.example'] input[name=RoleTitle]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("Physiotherapist\nreviewer: Chief medical officer")]
    [InlineData("Physiotherapist\u2028Chief medical officer")]
    [InlineData("A title far too long to show beside every article a patient reads, however senior the person may be in the clinic")]
    public async Task A_title_shown_to_patients_is_one_short_line(string title)
    {
        var admin = $"titles-{Math.Abs(title.GetHashCode(StringComparison.Ordinal))}@clinic.example";
        await StaffSeeding.AddAsync(site, admin, StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "kept-title@clinic.example", StaffRoles.Reviewer);
        using var client = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(client, admin);
        var (_, accounts) = await client.GetAsync("/staff/accounts");
        var row = accounts.QuerySelector("tr[data-account='kept-title@clinic.example']")!;

        using var set = await client.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", row.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("UserId", row.QuerySelector("input[name=UserId]")!.GetAttribute("value")!),
            new("RoleTitle", title),
            new("action", "title"),
        ]));

        var page = await HeadacheInfoFactory.ReadPageAsync(set);
        Assert.Contains("one line", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var reviewer = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>().FindByEmailAsync("kept-title@clinic.example");
        Assert.NotEqual(title, reviewer!.RoleTitle);
    }

    private async Task<string[]> AuditEventsAsync(string actor)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        return [.. (await log.LatestAsync()).Where(e => e.Actor == actor).Select(e => e.Event)];
    }
}

/// <summary>Sign-in attempts are limited per client address.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.Site site) : IClassFixture<SignInRateLimitTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => WithSetting("RateLimiting:SignIn:PermitLimit", "3");
    }

    [Fact]
    public async Task More_attempts_than_the_limit_get_429_and_a_friendly_page()
    {
        using var client = new StaffClient(site);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.SignInAsync("someone@clinic.example", "guessing a password");
            statuses.Add(response.StatusCode);
        }

        using var last = await client.SignInAsync("someone@clinic.example", "guessing a password");
        var page = await HeadacheInfoFactory.ReadPageAsync(last);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("Please wait a moment", page.QuerySelector("h1")?.TextContent);
    }
}
