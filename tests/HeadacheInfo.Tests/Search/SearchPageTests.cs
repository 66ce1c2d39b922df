using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Search;

public sealed class SearchPageTests(SearchPageTests.Site site) : IClassFixture<SearchPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("exercise", "Exercise for your neck", "treatment", "Exercising helps <b>many</b> people.");
            Content.WriteArticle("posture", "Posture at work", "self-care", "Headaches can follow long hours at a desk.");
        }
    }

    [Fact]
    public async Task Search_lists_matching_articles_with_title_summary_and_marked_snippet()
    {
        var page = await site.GetPageAsync("/search?q=exercises");

        var hit = Assert.Single(page.QuerySelectorAll(".search-results > li"));
        Assert.Equal("/articles/exercise", hit.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Exercise for your neck", hit.QuerySelector("a")?.TextContent);
        Assert.Contains("A short summary of Exercise for your neck.", hit.TextContent, StringComparison.Ordinal);
        Assert.Equal("Exercising", hit.QuerySelector(".snippet mark")?.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("<b>many</b>")]
    public async Task The_query_is_shown_as_text_and_cannot_inject_HTML(string query)
    {
        var page = await site.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Empty(page.QuerySelectorAll("main script, main img, main b"));
        Assert.Equal(query, page.QuerySelector("#search-page-q")?.GetAttribute("value"));
        Assert.Contains(query, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_results_says_so_and_offers_the_symptom_check_and_the_list()
    {
        var page = await site.GetPageAsync("/search?q=zebra");

        Assert.Contains("We found no articles", page.QuerySelector(".search-summary")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/symptom-check']"));
        Assert.NotNull(page.QuerySelector("main a[href='/articles']"));
    }

    [Fact]
    public async Task Every_page_has_a_plain_GET_search_form_in_the_header()
    {
        var page = await site.GetPageAsync("/articles");

        var form = page.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task A_new_article_is_found_once_the_content_reloads()
    {
        site.Content.WriteArticle("new-one", "Zygapophyseal joints", "causes", "About the joints.");

        await Eventually.MatchesAsync(
            () => site.GetPageAsync("/search?q=zygapophyseal"),
            page => page.QuerySelectorAll(".search-results > li").Length == 1,
            "the new article to be found");
    }
}
