using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Reviews people can read: the decision at the top, the change as prose with the words added and removed
/// marked, the details that changed by name, the Markdown behind a disclosure; and an approval of a change
/// keeps the review dates unless the reviewer says they reviewed the whole article.
/// </summary>
public sealed class ReadableReviewTests(ReadableReviewTests.Site site) : IClassFixture<ReadableReviewTests.Site>
{
    private const string Body = "## What it is\n\nThe first sentence stays.\n\nThe second sentence will change.\n";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            foreach (var slug in new[] { "readable", "typo-fix", "whole-review" })
            {
                Content.WriteArticle(slug, $"About {slug}", body: Body);
            }

            Content.Write("never-signed.md", ArticleText.Valid("Never signed", body: Body).Replace("reviewer: Clinic medical lead\n", string.Empty, StringComparison.Ordinal));
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private async Task<(StaffClient Reviewer, AngleSharp.Html.Dom.IHtmlDocument Review, string Url)> SendAsync(string slug, Dictionary<string, string> typed)
    {
        using var author = await SignedInAsync($"{slug}-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync($"/staff/articles/{slug}/edit");
        (await author.SubmitAsync(form, $"/staff/articles/{slug}/edit", typed, "submit-for-review")).Dispose();
        var reviewer = await SignedInAsync($"{slug}-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var url = $"/staff/reviews/{queue.QuerySelector($"[data-slug='{slug}']")!.GetAttribute("data-revision")}";
        var (_, review) = await reviewer.GetAsync(url);
        return (reviewer, review, url);
    }

    private string File(string slug) => System.IO.File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, slug + ".md"));

    [Fact]
    public async Task The_review_shows_the_decision_first_the_words_changed_as_prose_and_the_details_changed_by_name()
    {
        var (reviewer, review, _) = await SendAsync("readable", new()
        {
            ["Title"] = "About readable, renamed",
            ["Body"] = Body.Replace("will change.", "is now different.", StringComparison.Ordinal),
        });
        using var _ = reviewer;

        var decision = review.QuerySelector("form button[value='approve']")!;
        var prose = review.QuerySelector("[data-prose-diff]")!;
        Assert.True(decision.CompareDocumentPosition(prose).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "Approve comes before the change");
        static string Words(IEnumerable<AngleSharp.Dom.IElement> marks) =>
            string.Join(' ', marks.Select(e => e.TextContent.Replace("Added: ", string.Empty, StringComparison.Ordinal).Replace("Taken out: ", string.Empty, StringComparison.Ordinal).Trim()));
        var added = Words(prose.QuerySelectorAll("ins[data-word-diff='added']"));
        var removed = Words(prose.QuerySelectorAll("del[data-word-diff='removed']"));
        Assert.Contains("different.", added, StringComparison.Ordinal);
        Assert.Contains("will", removed, StringComparison.Ordinal);
        Assert.Contains("change.", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("first", added + removed, StringComparison.Ordinal);
        Assert.Contains("The first sentence stays.", prose.TextContent, StringComparison.Ordinal);
        Assert.True(prose.QuerySelectorAll("p").Length >= 3, "the prose keeps its paragraphs");
        // A change to a signed-off article is signed off afresh when approved: no warning that it "is not what they signed off".
        Assert.DoesNotContain(review.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("not what they signed off", StringComparison.Ordinal));
        Assert.DoesNotContain("last_reviewed", prose.TextContent, StringComparison.Ordinal);
        var title = review.QuerySelector("[data-field-change='title']")!;
        Assert.Contains("About readable", title.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("About readable, renamed", title.Children[2].TextContent, StringComparison.Ordinal);
        Assert.Null(review.QuerySelector("[data-field-change='summary']"));
        Assert.NotNull(review.QuerySelector("details.raw-diff ins[data-diff='added']"));
    }

    [Fact]
    public async Task Approving_a_change_keeps_the_review_dates_and_names_the_approver()
    {
        var before = File("typo-fix");
        var (reviewer, review, url) = await SendAsync("typo-fix", new() { ["Body"] = Body.Replace("will change.", "has changed.", StringComparison.Ordinal) });
        using var _ = reviewer;

        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string>(), "approve")).Dispose();

        var after = File("typo-fix");
        Assert.Contains("last_reviewed: 2026-01-15", after, StringComparison.Ordinal);
        Assert.Contains("next_review: 2027-01-15", after, StringComparison.Ordinal);
        Assert.Contains("reviewer: \"Clinical reviewer\"", after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        var page = await Eventually.MatchesAsync(() => site.GetPageAsync("/articles/typo-fix"),
            p => p.QuerySelector(".article-body")?.TextContent.Contains("has changed.", StringComparison.Ordinal) == true, "the approved change on the site");
        Assert.Equal("signed-off", page.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
    }

    [Fact]
    public async Task Ticking_that_the_whole_article_was_reviewed_moves_the_review_dates_on()
    {
        var (reviewer, review, url) = await SendAsync("whole-review", new() { ["Body"] = Body.Replace("will change.", "is reviewed.", StringComparison.Ordinal) });
        using var _ = reviewer;

        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["WholeArticleReviewed"] = "true" }, "approve")).Dispose();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains($"last_reviewed: {today:yyyy-MM-dd}", File("whole-review"), StringComparison.Ordinal);
        Assert.Contains($"next_review: {today.AddMonths(12):yyyy-MM-dd}", File("whole-review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_approval_of_an_article_no_clinician_signed_off_reviews_it_whole()
    {
        var (reviewer, review, url) = await SendAsync("never-signed", new() { ["Body"] = Body.Replace("will change.", "is signed.", StringComparison.Ordinal) });
        using var _ = reviewer;
        Assert.Null(review.QuerySelector("input[name=WholeArticleReviewed]"));
        Assert.Contains("signs off the whole article", review.QuerySelector("form.review-decision")?.TextContent, StringComparison.Ordinal);

        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string>(), "approve")).Dispose();

        Assert.Contains($"last_reviewed: {DateOnly.FromDateTime(DateTime.UtcNow):yyyy-MM-dd}", File("never-signed"), StringComparison.Ordinal);
    }
}
