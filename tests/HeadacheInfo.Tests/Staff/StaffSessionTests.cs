using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Sessions end when they should: a change of role, a sign-out, a new password or a disabled account takes
/// effect at the very next request, for the browser and for anyone holding a copy of its cookie.
/// </summary>
public sealed class StaffSessionTests(StaffSessionTests.Site site) : IClassFixture<StaffSessionTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    /// <summary>A second browser that sends the copied Cookie header and keeps nothing it is given.</summary>
    private HttpClient Thief(string cookieHeader)
    {
        var thief = site.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        thief.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return thief;
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task A_demoted_admin_cannot_open_accounts_or_add_one_at_the_very_next_request()
    {
        await StaffSeeding.AddAsync(site, "demoted@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "demoter@clinic.example", StaffRoles.Admin);
        using var demoted = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(demoted, "demoted@clinic.example");
        // The page as the admin had it open, antiforgery token and all, before the change.
        var (before, openPage) = await demoted.GetAsync("/staff/accounts");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var other = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(other, "demoter@clinic.example");

        using var demote = await other.SubmitAsync("/staff/accounts",
            new Dictionary<string, string> { ["UserId"] = await IdOfAsync("demoted@clinic.example"), ["Role"] = StaffRoles.Author }, button: "role");
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        // Taking admin away takes a second admin: a third one confirms it.
        await StaffSeeding.AddAsync(site, "demotion-confirmer@clinic.example", StaffRoles.Admin);
        using var confirmer = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(confirmer, "demotion-confirmer@clinic.example");
        var (_, waiting) = await confirmer.GetAsync("/staff/accounts");
        var resetId = waiting.QuerySelector("[data-pending-reset][data-account='demoted@clinic.example']")!.GetAttribute("data-pending-reset")!;
        using var confirmed = await confirmer.SubmitAsync(waiting, "/staff/accounts", new Dictionary<string, string> { ["ResetId"] = resetId }, button: "confirm-reset");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var (accounts, _) = await demoted.GetAsync("/staff/accounts");
        using var add = await demoted.SubmitAsync(openPage, "/staff/accounts", new Dictionary<string, string>
        {
            ["Email"] = "sneaked-in@clinic.example",
            ["DisplayName"] = "Sneaked In",
            ["Role"] = StaffRoles.Admin,
        }, button: "add");

        Assert.True(accounts.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"GET /staff/accounts answered {accounts.StatusCode}");
        if (accounts.StatusCode == HttpStatusCode.Redirect)
        {
            AssertSignedOut(accounts);
        }

        Assert.True((int)add.StatusCode is >= 400 and < 500 || add.Headers.Location?.ToString().Contains("/staff/sign-in", StringComparison.Ordinal) == true,
            $"adding an account answered {add.StatusCode}");
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("sneaked-in@clinic.example"));
    }

    [Fact]
    public async Task A_role_taken_away_in_the_database_counts_at_the_next_request_even_with_the_old_security_stamp()
    {
        await StaffSeeding.AddAsync(site, "quietly-demoted@clinic.example", StaffRoles.Admin);
        using var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, "quietly-demoted@clinic.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/staff/audit")).Response.StatusCode);

        // As another instance or a script might: the role goes, the stamp stays.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("quietly-demoted@clinic.example"))!;
            var stamp = await users.GetSecurityStampAsync(user);
            await users.RemoveFromRoleAsync(user, StaffRoles.Admin);
            await users.AddToRoleAsync(user, StaffRoles.Author);
            Assert.Equal(stamp, await users.GetSecurityStampAsync(user));
        }

        var (audit, _) = await admin.GetAsync("/staff/audit");
        var (accounts, _) = await admin.GetAsync("/staff/accounts");
        var (dashboard, _) = await admin.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_owner_signs_out()
    {
        await StaffSeeding.AddAsync(site, "signs-out@clinic.example", StaffRoles.Author);
        using var owner = new StaffClient(site);
        (await owner.SignInAsync("signs-out@clinic.example", StaffSeeding.Password)).Dispose();
        using var thief = Thief(owner.CookieHeader);
        using (var works = await thief.GetAsync(new Uri("/staff", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        using var signOut = await owner.SubmitAsync("/staff/sign-out", new Dictionary<string, string>());
        using var after = await thief.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSignedOut(after);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_owner_changes_their_password_and_the_owner_stays_signed_in()
    {
        await StaffSeeding.AddAsync(site, "new-password@clinic.example", StaffRoles.Author);
        using var owner = new StaffClient(site);
        (await owner.SignInAsync("new-password@clinic.example", StaffSeeding.Password)).Dispose();
        using var thief = Thief(owner.CookieHeader);

        using var changed = await owner.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = StaffSeeding.Password,
            ["NewPassword"] = "an entirely different phrase",
        });
        using var stolen = await thief.GetAsync(new Uri("/staff", UriKind.Relative));
        var (own, _) = await owner.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        AssertSignedOut(stolen);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_stays_dead_after_its_account_is_disabled_and_enabled_again()
    {
        await StaffSeeding.AddAsync(site, "paused@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "pauser@clinic.example", StaffRoles.Admin);
        using var owner = new StaffClient(site);
        (await owner.SignInAsync("paused@clinic.example", StaffSeeding.Password)).Dispose();
        using var thief = Thief(owner.CookieHeader);
        using var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, "pauser@clinic.example");
        var id = await IdOfAsync("paused@clinic.example");

        (await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string> { ["UserId"] = id }, button: "disable")).Dispose();
        using var enabled = await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string> { ["UserId"] = id }, button: "enable");
        using var stolen = await thief.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(enabled)).QuerySelector("tr[data-account='paused@clinic.example'][data-state='enabled']"));
        AssertSignedOut(stolen);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_a_Host_cookie_Secure_for_the_whole_site_and_no_domain()
    {
        await StaffSeeding.AddAsync(site, "host-cookie@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);

        using var response = await client.SignInAsync("host-cookie@clinic.example", StaffSeeding.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-HeadacheInfo.Staff=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
        var (dashboard, _) = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}

/// <summary>
/// <c>dotnet run</c> in Development serves plain http on localhost: there a <c>__Host-</c> cookie could not be
/// set, so the cookie keeps its plain name, and signing in still works.
/// </summary>
public sealed class StaffDevelopmentCookieTests(StaffDevelopmentCookieTests.Site site) : IClassFixture<StaffDevelopmentCookieTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task Signing_in_over_plain_http_in_Development_works_with_the_plain_cookie_name()
    {
        await StaffSeeding.AddAsync(site, "local@clinic.example", StaffRoles.Author);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5080"), AllowAutoRedirect = false });
        var form = await site.GetPageAsync("/staff/sign-in", client);
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var signedIn = await client.PostAsync(new Uri("/staff/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", "local@clinic.example"), new("Password", StaffSeeding.Password)]));
        using var dashboard = await client.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("HeadacheInfo.Staff=", StringComparison.Ordinal));
        Assert.StartsWith("HeadacheInfo.Staff=", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}

/// <summary>However busy, a session ends 12 hours after signing in; left alone, 8 hours after its last use.</summary>
public sealed class StaffSessionLifetimeTests(StaffSessionLifetimeTests.Site site) : IClassFixture<StaffSessionLifetimeTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }

        // Half a second past a whole second: the cookie keeps its times to the second, as browsers do.
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } =
            new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddMilliseconds(500));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task A_session_in_use_all_day_ends_12_hours_after_signing_in()
    {
        await StaffSeeding.AddAsync(site, "all-day@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        (await client.SignInAsync("all-day@clinic.example", StaffSeeding.Password)).Dispose();

        var statuses = new List<HttpStatusCode>();
        foreach (var hours in new[] { 4, 4, 3, 1.5 })
        {
            site.Clock.Advance(TimeSpan.FromHours(hours));
            var (response, _) = await client.GetAsync("/staff");
            statuses.Add(response.StatusCode);
        }

        // Used every few hours, so the 8 hours from the last use never run out: only the 12 hours from signing in do.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect], statuses);
    }

    [Fact]
    public async Task A_session_left_alone_ends_8_hours_after_its_last_use()
    {
        await StaffSeeding.AddAsync(site, "left-alone@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        (await client.SignInAsync("left-alone@clinic.example", StaffSeeding.Password)).Dispose();

        site.Clock.Advance(TimeSpan.FromHours(2));
        var (used, _) = await client.GetAsync("/staff");
        site.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var (idle, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
    }
}
