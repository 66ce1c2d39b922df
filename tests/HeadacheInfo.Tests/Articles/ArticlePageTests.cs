using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Articles;

public sealed class ArticlePageTests(ArticlePageTests.Site site) : IClassFixture<ArticlePageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-headache", "Neck headache", body: """
                ## How it feels

                It is usually on [one side](#which-side).[^jull]

                ## Which side

                | Headache | Side |
                |---|---|
                | Neck | Always the same |
                | Migraine | Can switch |

                Read [the warning signs](/articles/warning-signs) too.

                [^jull]: Jull G, et al. Spine 2002.
                """);
            // Only a page a clinician signed off can be overdue for its next check.
            Content.Write("past-review.md", ArticleText.SignedOff("past-review",
                ArticleText.Valid("Past its review").Replace("next_review: 2027-01-15", "next_review: 2020-01-15", StringComparison.Ordinal)));
            Content.Write("not-signed-off.md", ArticleText.Valid("Not signed off").Replace("reviewer: Clinic medical lead\n", string.Empty, StringComparison.Ordinal));
            Content.Write("not-signed-off-past-review.md", ArticleText.Valid("Not signed off, past its date")
                .Replace("reviewer: Clinic medical lead\n", string.Empty, StringComparison.Ordinal)
                .Replace("next_review: 2027-01-15", "next_review: 2020-01-15", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_article_no_clinician_has_signed_off_says_so_and_claims_no_review()
    {
        var page = await site.GetPageAsync("/articles/not-signed-off");

        var marker = Assert.Single(page.QuerySelectorAll("[data-clinical-review]"));
        Assert.Equal("pending", marker.GetAttribute("data-clinical-review"));
        Assert.Contains("Not yet checked by a clinician", marker.TextContent, StringComparison.Ordinal);
        var meta = page.QuerySelector(".article-meta")!.TextContent;
        Assert.DoesNotContain("Reviewed by", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("Last reviewed", meta, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(json.RootElement.TryGetProperty("reviewedBy", out _));
        Assert.False(json.RootElement.TryGetProperty("lastReviewed", out _));
    }

    [Fact]
    public async Task An_article_no_clinician_has_signed_off_shows_no_date_for_a_next_review()
    {
        var page = await site.GetPageAsync("/articles/not-signed-off");

        var meta = page.QuerySelector(".article-meta")!;
        Assert.DoesNotContain("Next review", meta.TextContent, StringComparison.Ordinal);
        Assert.Null(meta.QuerySelector("time[datetime='2027-01-15']"));
    }

    [Fact]
    public async Task An_article_no_clinician_has_signed_off_never_says_a_review_was_due_even_past_its_date()
    {
        var page = await site.GetPageAsync("/articles/not-signed-off-past-review");

        Assert.Null(page.QuerySelector("[data-review=overdue]"));
        Assert.DoesNotContain("due to be checked again", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_a_clinician_signed_off_says_who_and_when()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        var marker = Assert.Single(page.QuerySelectorAll("[data-clinical-review]"));
        Assert.Equal("signed-off", marker.GetAttribute("data-clinical-review"));
        Assert.Contains("Clinic medical lead", marker.TextContent, StringComparison.Ordinal);
        Assert.Equal("15 January 2026", marker.QuerySelector("time[datetime='2026-01-15']")?.TextContent);
    }

    [Fact]
    public async Task An_article_past_its_review_date_is_served_with_a_quiet_line_saying_so()
    {
        using var response = await site.GetAsync("/articles/past-review");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("15 January 2020", page.QuerySelector("[data-review=overdue]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_within_its_review_date_has_no_overdue_line()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        Assert.Null(page.QuerySelector("[data-review=overdue]"));
    }

    [Fact]
    public async Task Article_shows_title_summary_and_body()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        Assert.Equal("Neck headache", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains("A short summary of Neck headache.", page.QuerySelector("main .lead")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("A short summary of Neck headache.", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.StartsWith("Neck headache", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headings_have_ids_that_anchor_links_reach()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        Assert.Equal(["how-it-feels", "which-side"], page.QuerySelectorAll(".article-body h2").Select(h => h.Id));
        var anchor = page.QuerySelector(".article-body a[href='#which-side']");
        Assert.NotNull(anchor);
        Assert.NotNull(page.GetElementById("which-side"));
    }

    [Fact]
    public async Task Table_links_and_footnotes_appear_in_the_body()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        var headers = page.QuerySelectorAll(".article-body table th").Select(th => th.TextContent);
        Assert.Equal(["Headache", "Side"], headers);
        Assert.Equal(2, page.QuerySelectorAll(".article-body table tbody tr").Length);
        Assert.Equal("the warning signs", page.QuerySelector(".article-body a[href='/articles/warning-signs']")?.TextContent);
        Assert.Contains("Jull G, et al. Spine 2002.", page.QuerySelector(".article-body .footnotes")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".article-body a.footnote-ref[href='#fn:1']"));
    }

    [Fact]
    public async Task Review_dates_authors_and_numbered_references_are_shown()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");
        var meta = page.QuerySelector(".article-meta")!;

        Assert.Contains("Last reviewed", meta.TextContent, StringComparison.Ordinal);
        Assert.Equal("15 January 2026", meta.QuerySelector("time[datetime='2026-01-15']")?.TextContent);
        Assert.Contains("Next review due", meta.TextContent, StringComparison.Ordinal);
        Assert.Equal("15 January 2027", meta.QuerySelector("time[datetime='2027-01-15']")?.TextContent);
        Assert.Contains("Clinic physiotherapy team", meta.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clinic medical lead", meta.TextContent, StringComparison.Ordinal);
        Assert.Equal(["NHS. Headaches. nhs.uk"], meta.QuerySelectorAll(".references ol li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task Article_links_back_to_its_category_in_the_list()
    {
        var page = await site.GetPageAsync("/articles/neck-headache");

        Assert.Equal("Signs and symptoms", page.QuerySelector("main a[href='/articles#signs']")?.TextContent);
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/Neck-Headache")]
    [InlineData("/articles/neck_headache")]
    [InlineData("/articles/..%2f..%2fappsettings.json")]
    [InlineData("/articles/..%2F..%2Fappsettings.json")]
    [InlineData("/articles/%2e%2e%2fappsettings.json")]
    [InlineData("/articles/neck-headache.md")]
    public async Task Unknown_or_invalid_slug_gets_the_friendly_not_found_page(string url)
    {
        using var response = await site.GetAsync(url);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.QuerySelector("main a[href='/articles']"));
        Assert.DoesNotContain("AllowedHosts", page.Source.Text, StringComparison.Ordinal);
    }
}
