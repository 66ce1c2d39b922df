using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Site;

/// <summary>Pages stay light for readers on slow phone connections.</summary>
public sealed class PageWeightTests(PageWeightTests.Site site) : IClassFixture<PageWeightTests.Site>
{
    public const int BudgetBytes = 40 * 1024;

    /// <summary>The repository's own articles.</summary>
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.CopyShippedArticles();
            // Issue 33: an article with photos at their web sizes, as the editor keeps them.
            var images = Path.Combine(Content.Root, "images");
            Directory.CreateDirectory(images);
            foreach (var (name, width) in new[] { ("desk-480.jpg", 480), ("desk-960.jpg", 960), ("desk.jpg", 1600), ("chair-480.jpg", 480), ("chair.jpg", 700) })
            {
                File.WriteAllBytes(Path.Combine(images, name), TestPictures.Jpeg(width, width * 3 / 4));
            }

            Content.WriteArticle("with-photos", "An article with photos", body:
                "## At your desk\n\n![A desk at the right height](/images/desk.jpg)\n\nSit tall.\n\n## A chair\n\nText.\n\nMore text.\n\n![A chair with a straight back](/images/chair.jpg)\n");
        }
    }

    [Fact]
    public async Task An_article_with_photos_shows_each_at_every_size_with_its_width_and_height_and_stays_under_40_KB()
    {
        using var client = site.CreateClient();
        var html = await client.GetByteArrayAsync(new Uri("/articles/with-photos", UriKind.Relative));
        var page = await site.GetPageAsync("/articles/with-photos", client);

        var desk = page.QuerySelector("article img[src='/images/desk.jpg']")!;
        Assert.Equal("/images/desk-480.jpg 480w, /images/desk-960.jpg 960w, /images/desk.jpg 1600w", desk.GetAttribute("srcset"));
        Assert.Equal(("1600", "1200"), (desk.GetAttribute("width"), desk.GetAttribute("height")));
        Assert.False(string.IsNullOrEmpty(desk.GetAttribute("sizes")));
        // The first picture may be the largest thing on the first screen: it is not held back.
        Assert.Null(desk.GetAttribute("loading"));
        var chair = page.QuerySelector("article img[src='/images/chair.jpg']")!;
        Assert.Equal("/images/chair-480.jpg 480w, /images/chair.jpg 700w", chair.GetAttribute("srcset"));
        Assert.Equal(("700", "525"), (chair.GetAttribute("width"), chair.GetAttribute("height")));
        Assert.Equal("lazy", chair.GetAttribute("loading"));
        var styles = 0;
        foreach (var link in page.QuerySelectorAll("link[rel=stylesheet]"))
        {
            styles += (await client.GetByteArrayAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative))).Length;
        }

        Assert.True(html.Length + styles < BudgetBytes, $"{html.Length} bytes of HTML and {styles} of CSS");
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
