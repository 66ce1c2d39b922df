using Microsoft.Extensions.DependencyInjection;
using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Articles;

/// <summary>Staff edit files while the site runs; readers see the change without a restart.</summary>
public sealed class LiveReloadTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    private async Task<(HttpStatusCode Status, string? Heading)> ProbeAsync(string url)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await HeadacheInfoFactory.ReadPageAsync(response);
        return (response.StatusCode, page.QuerySelector("main h1")?.TextContent);
    }

    private Task<(HttpStatusCode Status, string? Heading)> WaitForAsync(string url, HttpStatusCode status, string? heading = null) =>
        Eventually.MatchesAsync(
            () => ProbeAsync(url),
            seen => seen.Status == status && (heading is null || seen.Heading == heading),
            $"{url} to answer {status} {heading}");

    [Fact]
    public async Task Edited_article_shows_the_new_text()
    {
        site.Content.WriteArticle("edited", "Before the edit");
        await WaitForAsync("/articles/edited", HttpStatusCode.OK, "Before the edit");

        site.Content.WriteArticle("edited", "After the edit");

        await WaitForAsync("/articles/edited", HttpStatusCode.OK, "After the edit");
    }

    [Fact]
    public async Task New_article_appears_in_the_list_and_at_its_address()
    {
        _ = site.CreateClient(); // start the site before the file exists
        site.Content.WriteArticle("brand-new", "Brand new article");

        await WaitForAsync("/articles/brand-new", HttpStatusCode.OK, "Brand new article");
        var list = await site.GetPageAsync("/articles");
        Assert.Contains(list.QuerySelectorAll("main li > a"), a => a.TextContent == "Brand new article");
    }

    [Fact]
    public async Task Deleted_article_is_gone()
    {
        site.Content.WriteArticle("short-lived", "Short lived");
        await WaitForAsync("/articles/short-lived", HttpStatusCode.OK);

        site.Content.Delete("short-lived.md");

        await WaitForAsync("/articles/short-lived", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Renamed_article_moves_to_its_new_address()
    {
        site.Content.WriteArticle("old-name", "Moving article");
        await WaitForAsync("/articles/old-name", HttpStatusCode.OK);

        site.Content.Rename("old-name.md", "new-name.md");

        await WaitForAsync("/articles/new-name", HttpStatusCode.OK, "Moving article");
        await WaitForAsync("/articles/old-name", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Breaking_a_served_file_takes_it_out_and_fixing_it_brings_it_back()
    {
        site.Content.WriteArticle("fragile", "Fragile article");
        await WaitForAsync("/articles/fragile", HttpStatusCode.OK);

        site.Content.Write("fragile.md", "---\ntitle: [broken\n---\n");
        await WaitForAsync("/articles/fragile", HttpStatusCode.NotFound);

        site.Content.WriteArticle("fragile", "Fragile article, fixed");
        await WaitForAsync("/articles/fragile", HttpStatusCode.OK, "Fragile article, fixed");
    }

    [Fact]
    public async Task A_file_that_breaks_the_parser_never_stops_later_edits_or_deletions()
    {
        site.Content.WriteArticle("survivor", "Survivor");
        site.Content.WriteArticle("to-delete", "To delete");
        await WaitForAsync("/articles/to-delete", HttpStatusCode.OK);

        site.Content.Write("breaker.md", ArticleText.Valid("Breaker", body: string.Concat(Enumerable.Repeat("*a ", 20_000))));
        site.Content.Delete("to-delete.md");
        await WaitForAsync("/articles/to-delete", HttpStatusCode.NotFound);

        site.Content.WriteArticle("survivor", "Survivor, edited");
        await WaitForAsync("/articles/survivor", HttpStatusCode.OK, "Survivor, edited");
        using var health = await site.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

/// <summary>The watcher waits on the site's clock, not on the wall clock: with the clock stopped, nothing reloads.</summary>
public sealed class LiveReloadClockTests(LiveReloadClockTests.Site site) : IClassFixture<LiveReloadClockTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task A_change_is_picked_up_once_the_site_clock_has_passed_the_quiet_period()
    {
        using var client = site.CreateClient();
        site.Content.WriteArticle("on-the-clock", "On the clock");

        // Each look moves the site's clock on a little; the reload happens only as its waits run out.
        await Eventually.MatchesAsync(
            async () =>
            {
                site.Clock.Advance(TimeSpan.FromMilliseconds(100));
                using var response = await client.GetAsync(new Uri("/articles/on-the-clock", UriKind.Relative));
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            "the new article to be served");
    }
}
