using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The staff area on a real PostgreSQL server, as a clinic with several instances runs it.</summary>
[Collection(PostgresGroup.Name)]
public sealed class StaffPostgresTests(PostgresCluster postgres)
{
    private async Task<HeadacheInfoFactory> SiteAsync()
    {
        var site = new HeadacheInfoFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Staff", await postgres.CreateDatabaseAsync());
        site.Content.WriteArticle("neck-pain", "Neck pain");
        return site;
    }

    [PostgresFact]
    public async Task Migrations_run_at_start_and_staff_sign_in_and_are_audited()
    {
        using var site = await SiteAsync();
        await StaffSeeding.AddAsync(site, "pg@clinic.example", StaffRoles.Reviewer);
        using var client = new StaffClient(site);

        using var signedIn = await client.SignInAsync("pg@clinic.example", StaffSeeding.Password);
        var (dashboard, page) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.NotNull(page.QuerySelector("tr[data-slug='neck-pain'][data-status='published']"));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(),
            e => e.Event == AuditEvents.SignIn && e.Actor == "pg@clinic.example");
    }

    [PostgresFact]
    public async Task Five_wrong_passwords_lock_the_account_on_PostgreSQL_too()
    {
        using var site = await SiteAsync();
        await StaffSeeding.AddAsync(site, "pglock@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.SignInAsync("pglock@clinic.example", "not the password at all")).Dispose();
        }

        using var right = await client.SignInAsync("pglock@clinic.example", StaffSeeding.Password);
        var page = await HeadacheInfoFactory.ReadPageAsync(right);

        Assert.Contains("locked for 15 minutes", page.QuerySelector("[data-sign-in-problem]")?.TextContent, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Encrypted_authenticator_keys_single_use_codes_and_the_audit_filters_work_on_PostgreSQL_too()
    {
        using var site = await SiteAsync();
        await StaffSeeding.AddAsync(site, "pg-admin@clinic.example", StaffRoles.Admin);
        using var first = new StaffClient(site);
        (await first.SignInAsync("pg-admin@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, setup) = await first.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        (await first.SubmitAsync("/staff/authenticator", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key) })).Dispose();

        // The code that turned it on is used up; the app's next one signs in, once.
        var next = StaffClient.TotpCode(key, DateTimeOffset.UtcNow.AddSeconds(30));
        using var second = new StaffClient(site);
        (await second.SignInAsync("pg-admin@clinic.example", StaffSeeding.Password)).Dispose();
        using var signedIn = await second.SubmitAsync("/staff/two-factor", new Dictionary<string, string> { ["Code"] = next });
        using var third = new StaffClient(site);
        (await third.SignInAsync("pg-admin@clinic.example", StaffSeeding.Password)).Dispose();
        using var replayed = await third.SubmitAsync("/staff/two-factor", new Dictionary<string, string> { ["Code"] = next });
        var (filtered, page) = await second.GetAsync("/staff/audit?event=sign-in&account=PG-Admin%40clinic.example");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.Equal([AuditEvents.SignIn], page.QuerySelectorAll("tr[data-event]").Select(r => r.GetAttribute("data-event")).Distinct());
        await using var scope = site.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        var stored = database.UserTokens.Single(t => t.Name == "AuthenticatorKey").Value!;
        Assert.DoesNotContain(key.Replace(" ", string.Empty, StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
    }

    [PostgresFact]
    public async Task Patients_are_served_while_the_database_is_down()
    {
        // A server of its own, so stopping it leaves the others' tests alone.
        var own = new PostgresCluster();
        await own.InitializeAsync();
        try
        {
            using var site = new HeadacheInfoFactory()
                .WithSetting("Database:Provider", "Postgres")
                .WithSetting("ConnectionStrings:Staff", await own.CreateDatabaseAsync());
            site.Content.WriteArticle("neck-pain", "Neck pain");
            await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;

            await own.StopAsync();

            foreach (var url in new[] { "/", "/articles", "/articles/neck-pain", "/symptom-check", "/healthz", "/search?q=neck" })
            {
                using var response = await site.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode} with the database down");
            }
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
