using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Site;

public sealed class HeadacheDiaryPageTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    [Fact]
    public async Task The_diary_has_eight_weeks_of_rows_the_columns_a_clinician_uses_and_says_nothing_is_stored()
    {
        using var response = await site.GetAsync("/headache-diary");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(56, page.QuerySelectorAll(".diary-table tbody tr").Length);
        var headings = string.Join(" | ", page.QuerySelectorAll(".diary-table thead th").Select(th => th.TextContent));
        foreach (var column in new[] { "Date", "Started and stopped", "How bad (0 to 10)", "Where it hurt", "screen work", "Painkillers", "zigzags", "What helped" })
        {
            Assert.Contains(column, headings, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing is filled in or stored online", page.QuerySelector(".diary-private")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main input, main textarea"));
    }

    [Fact]
    public async Task The_diary_asks_about_periods_and_medicines_you_buy_yourself_as_NICE_CG150_advises()
    {
        var page = await site.GetPageAsync("/headache-diary");

        var headings = page.QuerySelectorAll(".diary-table thead th").ToList();
        var period = Assert.Single(headings, th => th.TextContent.Contains("period", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("tick", period.TextContent, StringComparison.Ordinal);
        // A narrow column, so the diary still fits A4 turned sideways.
        Assert.Contains("col-narrow", period.ClassList);
        Assert.All(page.QuerySelectorAll(".diary-table tbody tr"), row => Assert.Equal(headings.Count, row.QuerySelectorAll("td").Length));

        var instructions = page.QuerySelector(".diary-intro")!.TextContent;
        Assert.Contains("medicines you buy yourself", instructions, StringComparison.Ordinal);
        Assert.Contains("period", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_links_to_the_diary()
    {
        var page = await site.GetPageAsync("/");

        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/headache-diary");
    }
}
