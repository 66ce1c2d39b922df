using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Security;

/// <summary>
/// Every render of an author's text runs within a bound: the editor's limits cover links and web addresses as
/// they cover headings and nesting, a render stops when its request is aborted, and a text over a limit gets a
/// checker message naming it, with the author's words kept in the form.
/// </summary>
public sealed class RenderBoundTests(RenderBoundTests.Site site) : IClassFixture<RenderBoundTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("neck-stretches", "Neck stretches", "self-care");
        }
    }

    private static readonly string WebAddressBomb = string.Concat(Enumerable.Repeat("www.a.com ", 80_000));

    [Fact]
    public async Task A_preview_of_eighty_thousand_web_addresses_answers_with_the_link_limit_and_keeps_the_text()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "bomb-preview@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var previewed = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["Body"] = WebAddressBomb }, "preview");
        var page = await HeadacheInfoFactory.ReadPageAsync(previewed);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[data-severity='error']"),
            li => li.TextContent.Contains($"more than {ArticleParser.MaxLinks} links", StringComparison.Ordinal));
        Assert.Equal(WebAddressBomb.TrimEnd(), page.QuerySelector("textarea[name='Body']")!.TextContent.TrimEnd());
    }

    [Fact]
    public async Task Saving_eighty_thousand_web_addresses_keeps_the_draft_and_names_the_link_limit()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "bomb-save@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var saved = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["Body"] = WebAddressBomb }, "save-draft");
        var page = await HeadacheInfoFactory.ReadPageAsync(saved);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[data-severity='error']"),
            li => li.TextContent.Contains($"more than {ArticleParser.MaxLinks} links", StringComparison.Ordinal));
        var (_, reopened) = await author.GetAsync("/staff/articles/neck-stretches/edit");
        Assert.Equal(WebAddressBomb.TrimEnd(), reopened.QuerySelector("textarea[name='Body']")!.TextContent.TrimEnd());
    }

    public static TheoryData<string, string> HeadingsInOtherShapes => new()
    {
        { "setext dash underlines", string.Concat(Enumerable.Repeat("a\n-\n", 60_000)) },
        { "headings inside quotes", string.Concat(Enumerable.Repeat("> # a\n", 40_000)) },
        { "headings inside list items", string.Concat(Enumerable.Repeat("- # a\n", 40_000)) },
        { "headings inside footnote definitions", string.Concat(Enumerable.Range(0, 40_000).Select(n => $"[^f{n}]: # a\n")) },
        { "headings after mixed quote and list markers", string.Concat(Enumerable.Repeat(">  1) > + # a\n", 40_000)) },
        { "setext underlines inside quotes", string.Concat(Enumerable.Repeat("> a\n> ===\n", 40_000)) },
    };

    [Theory]
    [MemberData(nameof(HeadingsInOtherShapes))]
    public async Task A_preview_of_tens_of_thousands_of_headings_in_any_container_answers_with_the_heading_limit_and_keeps_the_text(
        string shape, string body)
    {
        using var author = await StaffSeeding.SignedInAsync(site, $"heading-bomb-{shape.Replace(' ', '-')}@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var previewed = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["Body"] = body }, "preview");
        var page = await HeadacheInfoFactory.ReadPageAsync(previewed);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[data-severity='error']"),
            li => li.TextContent.Contains($"more than {ArticleParser.MaxHeadings} headings", StringComparison.Ordinal));
        Assert.Equal(body.TrimEnd(), page.QuerySelector("textarea[name='Body']")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
    }

    [Fact]
    public void Lists_tables_and_thematic_breaks_an_article_could_need_still_render()
    {
        var parser = new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions()));
        var list = string.Concat(Enumerable.Range(1, 240).Select(n => n % 2 == 0 ? $"- item {n}\n" : $"{n}. step {n}\n"));
        var text = ArticleText.Valid("Neck stretches", body: "## Moves\n\n" + list + "\n---\n\n> a quote\n> - with a list\n\nText.\n");

        var result = parser.Parse("articles/x.md", "x", text);

        Assert.NotNull(result.Article);
        Assert.Contains("<hr", result.Article!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_whose_request_is_already_aborted_stops_with_no_result()
    {
        var parser = new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions()));
        var text = ArticleText.Valid("Neck stretches");

        Assert.Throws<OperationCanceledException>(() => parser.Parse("articles/x.md", "x", text, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_text_with_as_many_links_as_an_article_could_need_still_renders()
    {
        var parser = new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions()));
        var text = ArticleText.Valid("Neck stretches", body: string.Concat(Enumerable.Repeat("www.a.com ", ArticleParser.MaxLinks)) + "\n");

        Assert.NotNull(parser.Parse("articles/x.md", "x", text).Article);
    }

    [Fact]
    public async Task A_body_just_under_a_megabyte_is_refused_at_save_with_the_size_reason_and_kept_in_the_form()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "size-save@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");
        var body = "## Moves\n\n" + string.Concat(Enumerable.Repeat("Move your neck gently, then rest.\n\n", 1_040_000 / 35));

        using var sent = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["Body"] = body }, "submit-for-review");
        var page = await HeadacheInfoFactory.ReadPageAsync(sent);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains($"must be under {HeadacheInfo.Web.Staff.Workflow.ArticleDraft.MaxSavedBytes / 1024} KB", page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(body.TrimEnd(), page.QuerySelector("textarea[name='Body']")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.DoesNotContain("Sent for review", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
