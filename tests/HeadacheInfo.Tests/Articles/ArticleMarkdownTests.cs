using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>The Markdown dialect staff write in, as a table of input and the HTML it becomes.</summary>
public sealed class ArticleMarkdownTests
{
    private readonly ArticleParser _parser = new(ArticleMarkdown.CreatePipeline(new ClinicOptions()));

    public static TheoryData<string, string> Cases => new()
    {
        { "## Signs to look for", "<h2 id=\"signs-to-look-for\">Signs to look for</h2>" },
        { "## Why? Because: reasons!", "<h2 id=\"why-because-reasons\">Why? Because: reasons!</h2>" },
        { "Read [the signs](/articles/signs#one-side).", "<p>Read <a href=\"/articles/signs#one-side\">the signs</a>.</p>" },
        { "See https://www.nhs.uk today.", "<p>See <a href=\"https://www.nhs.uk\">https://www.nhs.uk</a> today.</p>" },
        { "It is *mild* or **severe**.", "<p>It is <em>mild</em> or <strong>severe</strong>.</p>" },
        { "Not ~~throbbing~~ but ==dull==.", "<p>Not <del>throbbing</del> but <mark>dull</mark>.</p>" },
        { "H~2~O and x^2^", "<p>H<sub>2</sub>O and x<sup>2</sup></p>" },
        {
            "| Type | Side |\n|---|---|\n| Neck | One |",
            // Wrapped in a region a keyboard can reach, so a table too wide for a phone can still be scrolled.
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n<table>\n<thead>\n<tr>\n<th>Type</th>\n<th>Side</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Neck</td>\n<td>One</td>\n</tr>\n</tbody>\n</table>\n</div>"
        },
        { "a. first\nb. second", "<ol type=\"a\">\n<li>first</li>\n<li>second</li>\n</ol>" },
        { "Raw <b>HTML</b> is text.", "<p>Raw &lt;b&gt;HTML&lt;/b&gt; is text.</p>" },
        { "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_renders_as_expected(string markdown, string expectedHtml)
    {
        var article = _parser.Parse("articles/sample.md", "sample", ArticleText.Valid("Sample", body: markdown)).Article;

        Assert.NotNull(article);
        Assert.Equal(expectedHtml, article.Html.Trim());
    }

    [Fact]
    public void The_emergency_signs_placeholder_becomes_the_checks_whole_list_of_emergency_signs_in_its_words_and_order()
    {
        var article = _parser.Parse("articles/sample.md", "sample",
            ArticleText.Valid("Sample", body: "Stop and call for help if you get any of these:\n\n::: emergency\n{{emergency-signs}}\n:::")).Article!;

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{article.Html}</body>");
        var items = page.QuerySelectorAll("section[data-care-card='emergency'] ul li").Select(li => li.TextContent.Trim());
        Assert.Equal(SignCatalog.All.Where(s => s.Group == SignGroup.Emergency).Select(s => s.Label), items);
        Assert.DoesNotContain("{{", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_placeholder_shows_the_clinics_register_as_a_link()
    {
        var clinic = new ClinicOptions { PhysioRegisterName = "AHPRA", PhysioRegisterUrl = "https://www.ahpra.gov.au/Registration/Registers-of-Practitioners.aspx" };
        var parser = new ArticleParser(ArticleMarkdown.CreatePipeline(clinic));

        var article = parser.Parse("articles/sample.md", "sample",
            ArticleText.Valid("Sample", body: "Check the {{physio-register-name}} register at {{physio-register-url}}.")).Article!;

        Assert.Contains("Check the AHPRA register at <a href=\"https://www.ahpra.gov.au/Registration/Registers-of-Practitioners.aspx\">https://www.ahpra.gov.au/Registration/Registers-of-Practitioners.aspx</a>.",
            article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Footnotes_render_as_a_numbered_list_linked_both_ways()
    {
        var article = _parser.Parse("articles/sample.md", "sample",
            ArticleText.Valid("Sample", body: "Exercise helps.[^1]\n\n[^1]: Jull G, et al. Spine 2002.")).Article!;

        Assert.Contains("<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn:1\">", article.Html, StringComparison.Ordinal);
        Assert.Contains("Jull G, et al. Spine 2002.", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_are_listed_with_their_ids_for_anchor_links()
    {
        var article = _parser.Parse("articles/sample.md", "sample",
            ArticleText.Valid("Sample", body: "## First part\n\nText.\n\n### A `detail`\n\nMore.")).Article!;

        Assert.Equal(
            [new ArticleHeading(2, "first-part", "First part"), new ArticleHeading(3, "a-detail", "A detail")],
            article.Headings.AsEnumerable());
    }

    [Fact]
    public void Front_matter_is_not_shown_in_the_body()
    {
        var article = _parser.Parse("articles/sample.md", "sample", ArticleText.Valid("Sample")).Article!;

        Assert.DoesNotContain("summary", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("last_reviewed", article.Html, StringComparison.Ordinal);
    }
}
