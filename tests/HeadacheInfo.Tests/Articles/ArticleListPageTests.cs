using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Articles;

public sealed class ArticleListPageTests(ArticleListPageTests.Site site) : IClassFixture<ArticleListPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => SeedMixedCategories(Content);
    }

    internal static void SeedMixedCategories(TemporaryContentFolder content)
    {
        content.WriteArticle("urgent-help", "When to get urgent help", "getting-help");
        content.WriteArticle("the-signs", "The signs", "signs");
        content.WriteArticle("exercise", "Exercise", "treatment");
        content.WriteArticle("what-is-it", "What is it", "signs");
        content.WriteArticle("posture-draft", "Posture (draft)", "self-care", draft: true);
    }

    [Fact]
    public async Task List_groups_articles_by_category_in_the_fixed_order()
    {
        var page = await site.GetPageAsync("/articles");

        Assert.Equal(
            ["Signs and symptoms", "Physiotherapy and treatment", "Getting help"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        var signs = page.QuerySelector("section[aria-labelledby='signs']")!;
        Assert.Equal(["The signs", "What is it"], signs.QuerySelectorAll("li > a").Select(a => a.TextContent));
        Assert.Contains("A short summary of The signs.", signs.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_hidden_by_default()
    {
        var page = await site.GetPageAsync("/articles");

        Assert.DoesNotContain("Posture (draft)", page.Body!.TextContent, StringComparison.Ordinal);
        using var response = await site.GetAsync("/articles/posture-draft");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Home_page_lists_the_categories_and_points_to_the_symptom_check()
    {
        var page = await site.GetPageAsync("/");

        Assert.Equal(
            ["Signs and symptoms", "Physiotherapy and treatment", "Getting help"],
            page.QuerySelectorAll(".category-list h3").Select(h => h.TextContent));
        Assert.Contains(page.QuerySelectorAll("main a[href='/symptom-check']"),
            a => a.TextContent.Contains("symptoms", StringComparison.Ordinal));
    }
}

public sealed class ArticleListWithDraftsShownTests(ArticleListWithDraftsShownTests.Site site)
    : IClassFixture<ArticleListWithDraftsShownTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Content:ShowDrafts", "true");
            ArticleListPageTests.SeedMixedCategories(Content);
        }
    }

    [Fact]
    public async Task Drafts_are_listed_and_marked_when_ShowDrafts_is_on()
    {
        var list = await site.GetPageAsync("/articles");
        var article = await site.GetPageAsync("/articles/posture-draft");

        var item = list.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Posture (draft)", StringComparison.Ordinal));
        Assert.Equal("Draft", item.QuerySelector(".draft-label")?.TextContent);
        Assert.Equal("Posture (draft)", article.QuerySelector("main h1")?.TextContent);
    }
}
