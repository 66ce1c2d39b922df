using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The buttons a page shows and what the workflow carries out come from the same editorial rules: a person sees a
/// decision button exactly when pressing it would be allowed, and a POST made by hand gets no further than the button.
/// </summary>
public sealed class EditorialButtonsTests(EditorialButtonsTests.Site site) : IClassFixture<EditorialButtonsTests.Site>
{
    private static readonly string[] HistoryDecisions = ["confirm", "unpublish", "schedule-take-down", "rollback", "cancel-schedule", "cancel-take-down"];

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("not-a-reviewer", "Not a reviewer");
            Content.WriteArticle("own-change", "Own change");
        }
    }

    private string FileText(string slug) => File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, slug + ".md"));

    private static string Token(IHtmlDocument page) => page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>The review page of the change waiting on <paramref name="slug"/>, reached from the list of changes waiting.</summary>
    private static async Task<(string Address, IHtmlDocument Page)> ReviewPageAsync(StaffClient person, string slug)
    {
        var (_, waiting) = await person.GetAsync("/staff/reviews");
        var address = waiting.QuerySelector($"li[data-slug='{slug}'] a")!.GetAttribute("href")!;
        var (_, page) = await person.GetAsync(address);
        return (address, page);
    }

    private static async Task<HttpResponseMessage> PostByHandAsync(StaffClient person, string address, string token, string button,
        params (string Name, string Value)[] fields) =>
        await person.Http.PostAsync(new Uri(address, UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", button), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));

    [Fact]
    public async Task Someone_who_is_not_a_reviewer_sees_no_decision_button_and_each_decision_posted_by_hand_is_refused()
    {
        using var writer = await StaffSeeding.SignedInAsync(site, "buttons-writer@clinic.example", StaffRoles.Author);
        using var author = await StaffSeeding.SignedInAsync(site, "buttons-author@clinic.example", StaffRoles.Author);
        using var reviewer = await StaffSeeding.SignedInAsync(site, "buttons-reviewer@clinic.example", StaffRoles.Reviewer);
        await WorkflowSteps.SendAsync(writer, "not-a-reviewer", "## Changed\n\nWords only a reviewer may approve.\n");
        var before = FileText("not-a-reviewer");

        // The same pages, as a reviewer sees them: the buttons are there to be missed.
        var (_, reviewersReview) = await ReviewPageAsync(reviewer, "not-a-reviewer");
        var (_, reviewersHistory) = await reviewer.GetAsync("/staff/articles/not-a-reviewer/history?takedown=true");
        Assert.NotNull(reviewersReview.QuerySelector("button[value='approve']"));
        // Not "confirm still accurate": while a change waits, the rules keep the published text's sign-off for
        // the decision on it (ConfirmStillAccurateTests shows the button without a change waiting, and its refusal).
        Assert.Null(reviewersHistory.QuerySelector("button[value='confirm']"));
        Assert.NotNull(reviewersHistory.QuerySelector("button[value='unpublish']"));

        var (address, review) = await ReviewPageAsync(author, "not-a-reviewer");
        var (_, history) = await author.GetAsync("/staff/articles/not-a-reviewer/history?takedown=true");
        var (_, dashboard) = await author.GetAsync("/staff");

        Assert.Null(review.QuerySelector("button[value='approve']"));
        Assert.Null(review.QuerySelector("button[value='return']"));
        Assert.All(HistoryDecisions, button => Assert.Null(history.QuerySelector($"button[value='{button}']")));
        Assert.Null(dashboard.QuerySelector("[data-work='to-review'] li[data-slug='not-a-reviewer']"));

        var revision = address.Split('/')[^1];
        using var approve = await PostByHandAsync(author, address, Token(review), "approve", ("Comment", "Looks fine to me."));
        using var giveBack = await PostByHandAsync(author, address, Token(review), "return", ("Comment", "Please change it."));
        foreach (var button in HistoryDecisions)
        {
            using var posted = await PostByHandAsync(author, "/staff/articles/not-a-reviewer/history", Token(history), button,
                ("RevisionId", revision), ("PublishedFingerprint", "refused before it is read"), ("Reason", "Out of date."), ("TakeDownAt", "2031-01-01T09:00"));
            Assert.True(posted.StatusCode == HttpStatusCode.Forbidden, $"{button}: {posted.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, giveBack.StatusCode);
        Assert.Equal(before, FileText("not-a-reviewer"));
        var (_, stillWaiting) = await ReviewPageAsync(reviewer, "not-a-reviewer");
        Assert.NotNull(stillWaiting.QuerySelector("button[value='approve']"));
    }

    [Fact]
    public async Task A_reviewer_who_wrote_a_change_sees_no_approve_button_on_it_and_their_own_approval_posted_by_hand_is_refused()
    {
        using var writer = await StaffSeeding.SignedInAsync(site, "buttons-own-writer@clinic.example", StaffRoles.Reviewer);
        using var other = await StaffSeeding.SignedInAsync(site, "buttons-own-other@clinic.example", StaffRoles.Reviewer);
        await WorkflowSteps.SendAsync(writer, "own-change", "## Changed\n\nThe writer's own words.\n");

        var (address, review) = await ReviewPageAsync(writer, "own-change");
        var (_, dashboard) = await writer.GetAsync("/staff");
        using var approve = await PostByHandAsync(writer, address, Token(review), "approve", ("Comment", "My own work is fine."));
        var refused = await HeadacheInfoFactory.ReadPageAsync(approve);

        Assert.Null(review.QuerySelector("button[value='approve']"));
        Assert.Null(review.QuerySelector("button[value='return']"));
        Assert.Null(dashboard.QuerySelector("[data-work='to-review'] li[data-slug='own-change']"));
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Contains("another reviewer must decide", refused.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("The writer's own words.", FileText("own-change"), StringComparison.Ordinal);

        // Another reviewer has the change in their work, the button on its page, and the approval goes through.
        var (_, othersDashboard) = await other.GetAsync("/staff");
        var (_, othersReview) = await ReviewPageAsync(other, "own-change");
        Assert.NotNull(othersDashboard.QuerySelector("[data-work='to-review'] li[data-slug='own-change']"));
        Assert.NotNull(othersReview.QuerySelector("button[value='approve']"));
        await WorkflowSteps.DecideAsync(other, "own-change", "approve", "Clinically correct.");
        Assert.Contains("The writer's own words.", FileText("own-change"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_sees_the_symptom_check_sign_off_button_and_someone_who_is_not_one_cannot_reach_it()
    {
        using var reviewer = await StaffSeeding.SignedInAsync(site, "buttons-check-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = await StaffSeeding.SignedInAsync(site, "buttons-check-author@clinic.example", StaffRoles.Author);

        var (_, page) = await reviewer.GetAsync("/staff/symptom-check");
        var (authorsAnswer, _) = await author.GetAsync("/staff/symptom-check");
        var (_, authorsOwnPage) = await author.GetAsync("/staff");
        using var posted = await PostByHandAsync(author, "/staff/symptom-check", Token(authorsOwnPage), "sign-off-check");

        Assert.NotNull(page.QuerySelector("button[value='sign-off-check']"));
        Assert.Equal(HttpStatusCode.Forbidden, authorsAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
    }
}
