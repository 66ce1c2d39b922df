using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Site;

/// <summary>Pages stay light for readers on slow phone connections.</summary>
public sealed class PageWeightTests(PageWeightTests.Site site) : IClassFixture<PageWeightTests.Site>
{
    public const int BudgetBytes = 40 * 1024;

    /// <summary>The repository's own articles.</summary>
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.CopyShippedArticles();
    }

    [Fact]
    public async Task Every_article_page_with_its_stylesheet_is_under_40_KB()
    {
        using var client = site.CreateClient();
        var list = await site.GetPageAsync("/articles", client);
        var articles = list.QuerySelectorAll("main li > a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(articles);

        foreach (var article in articles)
        {
            var html = await client.GetByteArrayAsync(new Uri(article, UriKind.Relative));
            var page = await site.GetPageAsync(article, client);
            var styles = 0;
            foreach (var link in page.QuerySelectorAll("link[rel=stylesheet]"))
            {
                styles += (await client.GetByteArrayAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative))).Length;
            }

            Assert.True(html.Length + styles < BudgetBytes, $"{article}: {html.Length} bytes of HTML and {styles} of CSS");
        }
    }

    [Fact]
    public async Task Pages_load_no_scripts_and_nothing_from_other_sites()
    {
        foreach (var url in new[] { "/", "/articles", "/articles/when-to-get-urgent-help", "/symptom-check" })
        {
            var page = await site.GetPageAsync(url);

            // JSON-LD is a data block browsers never run; any other script would be code.
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
            var addresses = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], img[src], script[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
            Assert.All(addresses, address => Assert.StartsWith("/", address, StringComparison.Ordinal));
        }
    }
}
