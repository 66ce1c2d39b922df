using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Insights;

/// <summary>
/// What patients looked for, from the outside: patients search, read and use the check as a browser does; the
/// totals are flushed as the background pass does it; staff read /staff/insights.
/// </summary>
public sealed class InsightsTests(InsightsTests.Site site) : IClassFixture<InsightsTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public ManualClock Clock { get; } = new();

        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            Content.Write("privacy.md", File.ReadAllText(Path.Combine(RepositoryFolders.Content, "articles", "privacy.md")));
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            WithSetting("RateLimiting:Search:PermitLimit", "10000");
            WithSetting("RateLimiting:SymptomCheck:PermitLimit", "10000");
            WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>One patient's search, from a browser of their own.</summary>
    private async Task SearchAsync(string words)
    {
        using var patient = site.CreateClient();
        using var response = await patient.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(words), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<int> FlushAsync() => site.Services.GetRequiredService<InsightsFlush>().FlushAsync();

    private async Task<IHtmlDocument> InsightsPageAsync()
    {
        await FlushAsync();
        using var staff = await StaffSeeding.SignedInAsync(site, "insights-author@clinic.example", StaffRoles.Author);
        var (response, page) = await staff.GetAsync("/staff/insights");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return page;
    }

    private static IReadOnlyList<string> Keys(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"table[data-insights='{table}'] tbody tr").Select(tr => tr.GetAttribute("data-key")!)];

    private static int CountOf(IHtmlDocument page, string table, string key) =>
        page.QuerySelectorAll($"table[data-insights='{table}'] tbody tr").Where(tr => tr.GetAttribute("data-key") == key)
            .Select(tr => int.Parse(tr.QuerySelector("td")!.TextContent, CultureInfo.InvariantCulture)).SingleOrDefault();

    private async Task<IReadOnlyList<InsightCount>> StoredAsync(string kind)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().InsightCounts.AsNoTracking().Where(c => c.Kind == kind).ToListAsync();
    }

    [Fact]
    public async Task A_search_that_found_nothing_appears_only_once_three_people_have_searched_it()
    {
        await SearchAsync("zebra stripes");
        await SearchAsync("Zebra  STRIPES");

        var afterTwo = await InsightsPageAsync();
        Assert.DoesNotContain("zebra stripes", Keys(afterTwo, "searches-not-found"));
        Assert.DoesNotContain("zebra stripes", Keys(afterTwo, "searches-frequent"));
        Assert.DoesNotContain("zebra", afterTwo.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);

        await SearchAsync("zebra stripes");

        var afterThree = await InsightsPageAsync();
        Assert.Equal(3, CountOf(afterThree, "searches-not-found", "zebra stripes"));
        Assert.Equal(3, CountOf(afterThree, "searches-frequent", "zebra stripes"));
    }

    [Fact]
    public async Task A_search_that_found_something_is_frequent_but_never_listed_as_not_found()
    {
        for (var i = 0; i < 3; i++)
        {
            await SearchAsync("neck pain");
        }

        var page = await InsightsPageAsync();
        Assert.True(CountOf(page, "searches-frequent", "neck pain") >= 3);
        Assert.DoesNotContain("neck pain", Keys(page, "searches-not-found"));
    }

    [Fact]
    public async Task A_search_with_an_email_address_a_phone_number_or_digits_is_stored_scrubbed()
    {
        await SearchAsync("jane.doe@example.com headache");
        await SearchAsync("call 07700 900123 about migraine");
        await SearchAsync("born 1984 dizzy spells");
        await FlushAsync();

        var stored = (await StoredAsync(InsightKind.Search)).Select(c => c.Key).ToList();
        Assert.DoesNotContain(stored, key => key.Contains("jane", StringComparison.Ordinal) || key.Contains("example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, key => key.Any(char.IsDigit) || key.Contains("removed", StringComparison.Ordinal));
        Assert.Contains("headache", stored);
        Assert.Contains("call about migraine", stored);
        Assert.Contains("born dizzy spells", stored);
    }

    [Fact]
    public async Task Three_searches_that_differ_only_in_contact_details_are_shown_scrubbed_as_one()
    {
        await SearchAsync("quokka ann@example.com");
        await SearchAsync("quokka 0161 496 0000");
        await SearchAsync("Quokka bob (at) example dot org");

        var page = await InsightsPageAsync();
        Assert.Equal(3, CountOf(page, "searches-not-found", "quokka"));
        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0161", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_article_counts_it_as_read_and_sets_no_cookie_on_any_patient_page()
    {
        using var patient = site.CreateClient();
        foreach (var url in new[] { "/", "/articles", "/articles/neck-pain", "/search?q=neck", "/privacy", "/symptom-check/how-it-works" })
        {
            using var response = await patient.GetAsync(new Uri(url, UriKind.Relative));
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
        }

        var page = await InsightsPageAsync();
        Assert.True(CountOf(page, "pages-read", "/articles/neck-pain") >= 1);
        Assert.DoesNotContain(Keys(page, "pages-read"), key => key.StartsWith("/staff", StringComparison.Ordinal) || key.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_is_counted_per_result_and_never_by_its_answers()
    {
        var before = await InsightsPageAsync();
        foreach (var ticked in new[] { new[] { "thunderclap" }, ["thunderclap"], ["one-side"] })
        {
            using var patient = site.CreateClient();
            var form = await site.GetPageAsync("/symptom-check", patient);
            using var response = await FormSubmission.SubmitAsync(patient, form.QuerySelector<IHtmlFormElement>("form.symptom-form")!, ticked);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await InsightsPageAsync();
        Assert.Equal(2, Tier(after, "emergency") - Tier(before, "emergency"));
        Assert.Equal(0, Tier(after, "urgent") - Tier(before, "urgent"));
        Assert.Equal(1, Tier(after, "gp") + Tier(after, "physio") - Tier(before, "gp") - Tier(before, "physio"));
        Assert.DoesNotContain(await StoredAsync(InsightKind.CheckResult), c => c.Key.Contains("thunderclap", StringComparison.Ordinal));

        static int Tier(IHtmlDocument page, string outcome) =>
            page.QuerySelectorAll($"table[data-insights='check-results'] tbody tr td[data-outcome='{outcome}']")
                .Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Totals_older_than_thirteen_months_are_deleted_by_the_background_pass()
    {
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            database.InsightCounts.Add(new InsightCount { On = today.AddMonths(-13).AddDays(-1), Kind = InsightKind.PageRead, Key = "/too-old", Count = 5 });
            database.InsightCounts.Add(new InsightCount { On = today.AddMonths(-13).AddDays(1), Kind = InsightKind.PageRead, Key = "/kept", Count = 5 });
            await database.SaveChangesAsync();
        }

        await FlushAsync();

        var kept = (await StoredAsync(InsightKind.PageRead)).Select(c => c.Key).ToList();
        Assert.DoesNotContain("/too-old", kept);
        Assert.Contains("/kept", kept);

        // A month on, the one kept is too old too.
        site.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            await FlushAsync();
            Assert.DoesNotContain("/kept", (await StoredAsync(InsightKind.PageRead)).Select(c => c.Key));
        }
        finally
        {
            site.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    [Fact]
    public async Task A_database_that_cannot_take_the_totals_only_delays_them()
    {
        await SearchAsync("walrus");
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await ExecuteAsync("ALTER TABLE \"InsightCounts\" RENAME TO \"InsightCountsAway\"");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(FlushAsync);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE \"InsightCountsAway\" RENAME TO \"InsightCounts\"");
        }

        await FlushAsync();
        Assert.Equal(1, (await StoredAsync(InsightKind.SearchNotFound)).Where(c => c.Key == "walrus").Sum(c => c.Count));

        async Task ExecuteAsync(string sql)
        {
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StaffDbContext>().Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public async Task The_insights_page_is_denied_to_anyone_not_signed_in()
    {
        using var visitor = new StaffClient(site);

        var (response, page) = await visitor.GetAsync("/staff/insights");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Null(page.QuerySelector("[data-insights]"));
    }

    [Fact]
    public async Task The_insights_page_shows_each_table_and_helpful_answers_per_article()
    {
        await FeedbackFollowUpTests.AnswerAsync(site, "neck-pain", "yes");
        await FeedbackFollowUpTests.AnswerAsync(site, "neck-pain", "no");

        var page = await InsightsPageAsync();

        foreach (var table in new[] { "searches-not-found", "searches-frequent", "pages-read", "check-results", "helpful" })
        {
            Assert.NotNull(page.QuerySelector($"table[data-insights='{table}']"));
        }

        var row = page.QuerySelector("table[data-insights='helpful'] tr[data-slug='neck-pain']")!;
        Assert.True(int.Parse(row.QuerySelector("td[data-helpful='yes']")!.TextContent, CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(row.QuerySelector("td[data-helpful='no']")!.TextContent, CultureInfo.InvariantCulture) >= 1);
        Assert.Null(page.QuerySelector("main form"));
    }
}
