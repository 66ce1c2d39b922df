using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Taking an article off the site: a confirmation step with a reason kept in the history and the audit log,
/// refused while other published articles link to it, naming them, so no patient follows a link to nothing.
/// </summary>
public sealed class TakeDownTests(TakeDownTests.Site site) : IClassFixture<TakeDownTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("linked-to", "Linked to");
            Content.WriteArticle("links-here", "Links here", body: "## See also\n\nRead [the other page](/articles/linked-to#top).\n");
            Content.WriteArticle("seasonal", "Seasonal advice");
        }
    }

    private async Task<StaffClient> ReviewerAsync(string email)
    {
        await StaffSeeding.AddAsync(site, email, StaffRoles.Reviewer);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    [Fact]
    public async Task A_take_down_asks_for_a_reason_on_a_confirmation_step_and_keeps_it_in_the_history_and_the_audit()
    {
        using var reviewer = await ReviewerAsync("takedown@clinic.example");
        var (_, history) = await reviewer.GetAsync("/staff/articles/seasonal/history");
        Assert.Null(history.QuerySelector("button[value='unpublish']"));
        // The one way in to a take-down date too, so the link says so.
        Assert.Contains("now or on a date", history.QuerySelector("a[data-take-down]")!.TextContent, StringComparison.Ordinal);
        var (_, step) = await reviewer.GetAsync(history.QuerySelector("a[data-take-down]")!.GetAttribute("href")!);

        using var withoutReason = await reviewer.SubmitAsync(step, "/staff/articles/seasonal/history", new Dictionary<string, string> { ["Reason"] = "" }, button: "unpublish");
        var refused = await HeadacheInfoFactory.ReadPageAsync(withoutReason);
        Assert.Contains("Say why", refused.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Content.ArticlesFolder, "seasonal.md")));

        using var done = await reviewer.SubmitAsync(refused, "/staff/articles/seasonal/history",
            new Dictionary<string, string> { ["Reason"] = "Winter advice, out of season." }, button: "unpublish");
        var page = await HeadacheInfoFactory.ReadPageAsync(done);

        Assert.NotNull(page.QuerySelector("[data-history-message]"));
        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "seasonal.md")));
        Assert.Contains(page.QuerySelectorAll("tr[data-action='unpublished']"), row => row.TextContent.Contains("Winter advice, out of season.", StringComparison.Ordinal));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents
            .AnyAsync(e => e.Event == AuditEvents.ArticleUnpublished && e.Detail.Contains("Winter advice, out of season.")));
    }

    [Fact]
    public async Task A_take_down_of_an_article_others_link_to_is_refused_and_names_them_with_a_link_to_edit_each()
    {
        using var reviewer = await ReviewerAsync("linked@clinic.example");
        var (_, step) = await reviewer.GetAsync("/staff/articles/linked-to/history?takedown=true");

        using var response = await reviewer.SubmitAsync(step, "/staff/articles/linked-to/history",
            new Dictionary<string, string> { ["Reason"] = "Out of date." }, button: "unpublish");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(site.Content.ArticlesFolder, "linked-to.md")));
        var linking = Assert.Single(page.QuerySelectorAll("[data-linked-from] li"));
        Assert.Equal("links-here", linking.GetAttribute("data-slug"));
        Assert.Equal("/staff/articles/links-here/edit", linking.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync("/articles/linked-to")).StatusCode);
    }
}
