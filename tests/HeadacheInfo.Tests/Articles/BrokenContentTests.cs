using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Articles;

/// <summary>One broken file must never take the site down.</summary>
public sealed class BrokenContentTests(BrokenContentTests.Site site) : IClassFixture<BrokenContentTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("good-one", "Good one");
            Content.Write("broken-yaml.md", "---\ntitle: \"unclosed\nsummary: x\n---\n\nBody\n");
            Content.Write("no-front-matter.md", "# Just a heading\n");
            Content.Write("empty.md", "");
            Content.Write("Bad Name.md", ArticleText.Valid("Bad name"));
            Content.Write("unknown-category.md", ArticleText.Valid("Unknown", "cures"));
            Content.WriteArticle("good-two", "Good two", "treatment");
        }
    }

    [Theory]
    [InlineData("/articles/good-one")]
    [InlineData("/articles/good-two")]
    [InlineData("/articles")]
    [InlineData("/")]
    public async Task Broken_front_matter_leaves_other_articles_served(string url)
    {
        using var response = await site.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/articles/broken-yaml")]
    [InlineData("/articles/no-front-matter")]
    [InlineData("/articles/empty")]
    [InlineData("/articles/unknown-category")]
    public async Task Broken_file_answers_not_found_not_a_server_error(string url)
    {
        using var response = await site.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_shows_only_the_good_articles()
    {
        var page = await site.GetPageAsync("/articles");

        Assert.Equal(["Good one", "Good two"], page.QuerySelectorAll("main li > a").Select(a => a.TextContent));
    }

    [Fact]
    public void Each_broken_file_is_logged_as_a_warning_with_file_line_and_reason()
    {
        _ = site.CreateClient();

        var warnings = site.Logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, w => w.Contains("articles/broken-yaml.md, line 2:", StringComparison.Ordinal) && w.Contains("not valid YAML", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("articles/no-front-matter.md, line 1:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("articles/empty.md", StringComparison.Ordinal) && w.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("articles/Bad Name.md", StringComparison.Ordinal) && w.Contains("file name", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("articles/unknown-category.md, line 4:", StringComparison.Ordinal) && w.Contains("unknown category 'cures'", StringComparison.Ordinal));
    }
}
