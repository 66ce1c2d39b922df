using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using static HeadacheInfo.Tests.Staff.WorkflowSteps;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The dashboard tells each person what happened to their work since they last signed in.</summary>
public sealed class SinceLastSignInTests(SinceLastSignInTests.Site site) : IClassFixture<SinceLastSignInTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("comes-back", "Comes back");
            Content.WriteArticle("goes-live", "Goes live");
            Content.WriteArticle("someone-elses", "Someone else's");
        }
    }

    private async Task<StaffClient> SignInAsync(string email)
    {
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    [Fact]
    public async Task Returns_approvals_changes_sent_and_failed_sign_ins_since_last_time_are_listed_and_nothing_of_others_work()
    {
        await StaffSeeding.AddAsync(site, "since-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "since-other@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "since-reviewer@clinic.example", StaffRoles.Reviewer);
        using (var reviewerEarlier = await SignInAsync("since-reviewer@clinic.example"))
        {
            var (_, first) = await reviewerEarlier.GetAsync("/staff");
            Assert.NotNull(first.QuerySelector("[data-since-last-sign-in]"));
        }

        using (var author = await SignInAsync("since-author@clinic.example"))
        {
            await SendAsync(author, "comes-back");
            await SendAsync(author, "goes-live");
        }

        using (var other = await SignInAsync("since-other@clinic.example"))
        {
            await SendAsync(other, "someone-elses");
        }

        using (var reviewer = await SignInAsync("since-reviewer@clinic.example"))
        {
            var (_, page) = await reviewer.GetAsync("/staff");
            var sent = page.QuerySelectorAll("[data-since-last-sign-in] [data-event='sent']").Select(li => li.GetAttribute("data-slug")).Order().ToList();
            Assert.Equal(["comes-back", "goes-live", "someone-elses"], sent);
            await DecideAsync(reviewer, "comes-back", "return", "Please add a source.");
            await DecideAsync(reviewer, "goes-live", "approve", "Clinically correct.");
            await DecideAsync(reviewer, "someone-elses", "return", "Not yours to see.");
        }

        (await new StaffClient(site).SignInAsync("since-author@clinic.example", "not the password at all")).Dispose();
        using var back = await SignInAsync("since-author@clinic.example");
        var (_, dashboard) = await back.GetAsync("/staff");

        var list = dashboard.QuerySelector("[data-since-last-sign-in]")!;
        var returned = Assert.Single(list.QuerySelectorAll("[data-event='returned']"));
        Assert.Equal("comes-back", returned.GetAttribute("data-slug"));
        Assert.Contains("Please add a source.", returned.TextContent, StringComparison.Ordinal);
        Assert.Equal("goes-live", Assert.Single(list.QuerySelectorAll("[data-event='approved']")).GetAttribute("data-slug"));
        Assert.Single(list.QuerySelectorAll("[data-event='sign-in-failed']"));
        Assert.DoesNotContain("someone-elses", list.QuerySelectorAll("[data-event]").Select(li => li.GetAttribute("data-slug")));
        // The navigation stays (without the reviews count, which an author cannot act on).
        Assert.NotNull(dashboard.QuerySelector("nav.staff-nav a[href='/staff/reviews']"));
    }
}
