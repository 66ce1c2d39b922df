using System.Net;
using AngleSharp.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Search;

namespace HeadacheInfo.Tests.Search;

/// <summary>
/// A search stays small however many articles match: twenty results a page with links to the next and previous
/// pages, a query cut to 200 characters on the server whatever the form allowed, and a per-client limit that
/// answers 429 with when to try again.
/// </summary>
public sealed class SearchPagingTests(SearchPagingTests.Site site) : IClassFixture<SearchPagingTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:Search:PermitLimit", "1000");
            for (var i = 1; i <= 45; i++)
            {
                Content.WriteArticle($"neck-{i:00}", $"Neck article {i:00}", "self-care", $"Your neck and how it moves, part {i}.");
            }
        }
    }

    [Fact]
    public async Task Forty_five_matches_come_twenty_to_a_page_and_a_reader_can_walk_the_pages_by_the_links()
    {
        var first = await site.GetPageAsync("/search?q=neck");

        Assert.Equal(SiteSearch.PageSize, first.QuerySelectorAll(".search-results > li").Length);
        Assert.Contains("45 articles match", first.QuerySelector(".search-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var second = await site.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(SiteSearch.PageSize, second.QuerySelectorAll(".search-results > li").Length);
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));

        var third = await site.GetPageAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(5, third.QuerySelectorAll(".search-results > li").Length);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Contains("page=2", third.QuerySelector("a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);

        var seen = new[] { first, second, third }.SelectMany(p => p.QuerySelectorAll(".search-results > li > a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(45, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_page_number_that_does_not_exist_shows_a_page_that_does(string page)
    {
        using var response = await site.GetAsync("/search?q=neck&page=" + page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await HeadacheInfoFactory.ReadPageAsync(response)).QuerySelectorAll(".search-results > li"));
    }

    [Fact]
    public async Task A_query_longer_than_200_characters_is_cut_to_200_on_the_server()
    {
        var query = "neck " + new string('x', 500);

        var page = await site.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(query[..SiteSearch.MaxQueryLength], page.QuerySelector("#search-page-q")?.GetAttribute("value"));
    }
}

public sealed class SearchRateLimitTests(SearchRateLimitTests.Site site) : IClassFixture<SearchRateLimitTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:Search:PermitLimit", "2");
            WithSetting("RateLimiting:Search:WindowSeconds", "600");
            Content.WriteArticle("neck-pain", "Neck pain");
        }
    }

    [Fact]
    public async Task Too_many_searches_get_429_with_when_to_try_again_and_a_page_about_searching()
    {
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var words in new[] { "neck", "pain", "neck pain" })
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(words), UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var page = await HeadacheInfoFactory.ReadPageAsync(last);
        Assert.Equal("Please wait a moment", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains("searched a lot", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        last.Dispose();

        // Reading an article is never limited by searching.
        using var article = await client.GetAsync(new Uri("/articles/neck-pain", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }
}
