using System.Globalization;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The dashboard shows every file in the content folder as it really is, and follows edits on disk.</summary>
public sealed class StaffDashboardTests(StaffDashboardTests.Site site) : IClassFixture<StaffDashboardTests.Site>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Dated(string title, DateOnly nextReview, bool draft = false) =>
        ArticleText.Valid(title, draft: draft)
            .Replace("last_reviewed: 2026-01-15", $"last_reviewed: {nextReview.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
            .Replace("next_review: 2027-01-15", $"next_review: {nextReview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", StringComparison.Ordinal);

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.Write("fine.md", Dated("Fine", Today.AddMonths(6)));
            Content.Write("overdue.md", Dated("Overdue", Today.AddDays(-3)));
            Content.Write("due-soon.md", Dated("Due soon", Today.AddDays(10)));
            Content.Write("unfinished.md", Dated("Unfinished", Today.AddMonths(6), draft: true));
            Content.Write("broken.md", "---\ntitle: [unclosed\n---\n\nBody\n");
        }
    }

    private async Task<IHtmlDocument> DashboardAsync()
    {
        await StaffSeeding.AddAsync(site, "dash@clinic.example", StaffRoles.Author);
        using var client = new StaffClient(site);
        (await client.SignInAsync("dash@clinic.example", StaffSeeding.Password)).Dispose();
        var (response, page) = await client.GetAsync("/staff");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static (string? Status, string? Review) Row(IHtmlDocument page, string slug) =>
        page.QuerySelector($"tr[data-slug='{slug}']") is { } row ? (row.GetAttribute("data-status"), row.GetAttribute("data-review")) : (null, null);

    [Fact]
    public async Task Every_file_has_a_row_with_its_status_and_review_state()
    {
        var page = await DashboardAsync();

        Assert.Equal(("published", "ok"), Row(page, "fine"));
        Assert.Equal(("published", "overdue"), Row(page, "overdue"));
        Assert.Equal(("published", "due-soon"), Row(page, "due-soon"));
        Assert.Equal(("draft", "ok"), Row(page, "unfinished"));
        Assert.Equal("left-out", Row(page, "broken").Status);
    }

    [Fact]
    public async Task A_left_out_file_shows_the_file_line_and_reason_as_the_log_says()
    {
        var page = await DashboardAsync();

        var broken = page.QuerySelector("tr[data-slug='broken']")!;
        Assert.Contains("articles/broken.md", broken.TextContent, StringComparison.Ordinal);
        Assert.Contains("line 3", broken.TextContent, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", broken.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_reviews_come_first_and_the_counts_add_up()
    {
        var page = await DashboardAsync();

        Assert.Equal("overdue", page.QuerySelector("tbody tr")?.GetAttribute("data-slug"));
        Assert.Equal("3", page.QuerySelector("[data-count=published] strong")?.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-count=draft] strong")?.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-count=left-out] strong")?.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-count=overdue] strong")?.TextContent);
    }

    [Fact]
    public async Task The_checker_findings_show_for_each_article()
    {
        var page = await DashboardAsync();

        var overdue = page.QuerySelector("tr[data-slug='overdue']")!;
        Assert.Contains(overdue.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("review is overdue", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("tr[data-slug='fine'] td:nth-child(4)")?.TextContent);
    }

    [Fact]
    public async Task A_file_edited_on_disk_shows_its_new_state_on_the_next_page_load()
    {
        site.Content.Write("changing.md", Dated("Changing", Today.AddMonths(6)));
        await Eventually.MatchesAsync(async () => Row(await DashboardAsync(), "changing").Status, s => s == "published", "the new file on the dashboard");

        site.Content.Write("changing.md", "no front matter any more");

        await Eventually.MatchesAsync(async () => Row(await DashboardAsync(), "changing").Status, s => s == "left-out", "the broken file on the dashboard");
    }
}
