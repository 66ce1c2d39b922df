using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff;
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
