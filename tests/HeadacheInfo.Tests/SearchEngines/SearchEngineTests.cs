using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.SearchEngines;

public sealed class SearchEngineTests(SearchEngineTests.Site site) : IClassFixture<SearchEngineTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain", "signs");
            Content.WriteArticle("exercise", "Exercise", "treatment");
            Content.WriteArticle("unfinished", "Unfinished", "self-care", draft: true);
        }
    }

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_parses_as_XML_and_every_address_in_it_answers_200()
    {
        using var response = await site.GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var locations = xml.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(
            ["http://localhost/", "http://localhost/articles", "http://localhost/symptom-check", "http://localhost/symptom-check/how-it-works", "http://localhost/headache-diary", "http://localhost/articles/neck-pain", "http://localhost/articles/exercise"],
            locations);
        foreach (var location in locations)
        {
            using var page = await site.GetAsync(new Uri(location).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Sitemap_gives_each_article_its_review_date()
    {
        using var response = await site.GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var article = xml.Root!.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/articles/neck-pain", StringComparison.Ordinal));
        Assert.Equal("2026-01-15", article.Element(Sitemap + "lastmod")?.Value);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task Search_engine_files_answer_HEAD_like_every_page(string url)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap()
    {
        using var response = await site.GetAsync("/robots.txt");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "website")]
    [InlineData("/articles", "website")]
    [InlineData("/articles/neck-pain", "article")]
    [InlineData("/symptom-check", "website")]
    [InlineData("/search?q=neck", "website")]
    public async Task Every_page_has_title_description_canonical_and_open_graph(string url, string type)
    {
        var page = await site.GetPageAsync(url);

        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Equal("http://localhost" + url.Split('?')[0], page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[property='og:title']")?.GetAttribute("content")));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[property='og:description']")?.GetAttribute("content")));
        Assert.Equal(type, page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/Articles/neck-pain")]
    [InlineData("/articles/neck-pain/")]
    [InlineData("/ARTICLES/neck-pain")]
    [InlineData("/Articles/")]
    public async Task Canonical_is_the_one_spelling_of_the_address_whatever_was_typed(string typed)
    {
        using var response = await site.GetAsync(typed);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        var expected = typed.Contains("neck-pain", StringComparison.Ordinal) ? "http://localhost/articles/neck-pain" : "http://localhost/articles";
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(expected, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task JSON_LD_script_type_is_written_with_a_plain_plus()
    {
        using var response = await site.GetAsync("/articles/neck-pain");

        Assert.Contains("<script type=\"application/ld+json\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_description_is_its_summary()
    {
        var page = await site.GetPageAsync("/articles/neck-pain");

        Assert.Equal("A short summary of Neck pain.", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("A short summary of Neck pain.", page.QuerySelector("meta[property='og:description']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Article_JSON_LD_is_a_reviewed_MedicalWebPage_for_patients()
    {
        var page = await site.GetPageAsync("/articles/neck-pain");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("MedicalWebPage", root.GetProperty("@type").GetString());
        Assert.Equal("2026-01-15", root.GetProperty("lastReviewed").GetString());
        Assert.Equal("Clinic medical lead", root.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("MedicalCondition", root.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal("Cervicogenic headache", root.GetProperty("about").GetProperty("name").GetString());
        Assert.Equal("Patient", root.GetProperty("audience").GetProperty("audienceType").GetString());
        Assert.Equal(["NHS. Headaches. nhs.uk"], root.GetProperty("citation").EnumerateArray().Select(c => c.GetString()));
    }
}

public sealed class ConfiguredBaseUrlTests(ConfiguredBaseUrlTests.Site site) : IClassFixture<ConfiguredBaseUrlTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Site:BaseUrl", "https://headacheinfo.example");
            Content.WriteArticle("neck-pain", "Neck pain");
        }
    }

    [Fact]
    public async Task Absolute_addresses_use_Site_BaseUrl()
    {
        // Only the configured host is served.
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://headacheinfo.example") });
        using var sitemap = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var page = await site.GetPageAsync("/articles/neck-pain", client);

        Assert.Contains("<loc>https://headacheinfo.example/articles/neck-pain</loc>", await sitemap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("https://headacheinfo.example/articles/neck-pain", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
