using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Insights;

/// <summary>The insights table's migration and its flush on a real PostgreSQL server, with two instances sharing it.</summary>
[Collection(PostgresGroup.Name)]
public sealed class InsightsPostgresTests(PostgresCluster postgres)
{
    [PostgresFact]
    public async Task Two_instances_flushing_the_same_search_on_PostgreSQL_add_up_and_it_is_shown_from_three()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var first = Site(database);
        // The second instance starts on a database the first has brought up to date, as a clinic adds one.
        await first.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        using var second = Site(database);

        foreach (var site in new[] { first, first, second })
        {
            using var patient = site.CreateClient();
            using var response = await patient.GetAsync(new Uri("/search?q=kangaroo", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Task.WhenAll(first.Services.GetRequiredService<InsightsFlush>().FlushAsync(), second.Services.GetRequiredService<InsightsFlush>().FlushAsync());

        using var staff = await StaffSeeding.SignedInAsync(first, "pg-insights@clinic.example", StaffRoles.Author);
        var (_, page) = await staff.GetAsync("/staff/insights");
        Assert.Equal("3", page.QuerySelector("table[data-insights='searches-not-found'] tr[data-key='kangaroo']")?.GetAttribute("data-count"));

        HeadacheInfoFactory Site(string connection)
        {
            var site = new HeadacheInfoFactory()
                .WithSetting("Database:Provider", "Postgres")
                .WithSetting("ConnectionStrings:Staff", connection)
                .WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            site.Content.WriteArticle("neck-pain", "Neck pain");
            return site;
        }
    }
}
