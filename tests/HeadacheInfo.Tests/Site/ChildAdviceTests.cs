using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Site;

/// <summary>
/// The check sends a child under 16 for advice today. Every page that speaks of a child's headache says the
/// same, so a parent never reads a less urgent line ("talk to a GP") on one page than the check gives.
/// </summary>
public sealed partial class ChildAdviceTests(ChildAdviceTests.Site site) : IClassFixture<ChildAdviceTests.Site>
{
    /// <summary>The check's own words for a child, with the default clinic's advice line.</summary>
    private const string ChecksAdvice = "get advice today from a GP or NHS 111";

    /// <summary>The repository's own articles.</summary>
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.CopyShippedArticles();
    }

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "/", "/symptom-check", "/symptom-check/how-it-works", "/headache-diary" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md"))
        {
            pages.Add($"/articles/{Path.GetFileNameWithoutExtension(file)}");
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_that_speaks_of_a_childs_headache_gives_the_checks_advice_for_a_child(string url)
    {
        var page = await site.GetPageAsync(url);
        var main = page.QuerySelector("main")!;

        // A rule's cited source (how-it-works) names the guideline's scope; it is not advice to the reader.
        var aboutAChild = main.QuerySelectorAll("p, li")
            .Where(e => e.Closest(".rule-source") is null && !e.ClassList.Contains("rule-source"))
            .Select(e => Spaces().Replace(e.TextContent, " ").Trim())
            .Where(text => Child().IsMatch(text) && (text.Contains("under 16", StringComparison.Ordinal) || text.Contains("headache", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.All(aboutAChild, text => Assert.Contains(ChecksAdvice, text, StringComparison.Ordinal));
        Assert.DoesNotContain("talk to a GP", main.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_home_page_says_who_the_site_is_for_and_what_to_do_for_a_child()
    {
        var page = await site.GetPageAsync("/");

        Assert.Contains(ChecksAdvice, page.QuerySelector("[data-audience]")?.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bchild(ren)?('s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Child();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
