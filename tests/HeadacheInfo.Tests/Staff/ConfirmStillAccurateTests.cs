using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// "Confirm still accurate" on an article's history page: the only way, besides an approval, that an article
/// comes to say a clinician at this clinic signed it off. It changes the review fields and nothing else.
/// </summary>
public sealed class ConfirmStillAccurateTests(ConfirmStillAccurateTests.Site site) : IClassFixture<ConfirmStillAccurateTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            // As shipped: written from the sources, signed off by no one, in the author's own formatting.
            foreach (var slug in new[] { "unsigned", "stale-view", "author-tries", "own-words", "edited-after", "change-waiting" })
            {
                Content.Write($"{slug}.md", ArticleText.Valid($"About {slug}").Replace("reviewer: Clinic medical lead\n", string.Empty, StringComparison.Ordinal)
                    .Replace("summary: A short summary", "summary:   A short summary", StringComparison.Ordinal));
            }
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role, string? title = null)
    {
        await StaffSeeding.AddAsync(site, email, role);
        if (title is not null)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.RoleTitle = title;
            await users.UpdateAsync(user);
        }

        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private string FileText(string slug) => File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, slug + ".md"));

    [Fact]
    public async Task A_reviewer_confirms_an_unchanged_article_and_patients_see_who_signed_it_off_and_when()
    {
        var before = FileText("unsigned");
        var publicBefore = await site.GetPageAsync("/articles/unsigned");
        Assert.Equal("pending", publicBefore.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
        using var reviewer = await SignedInAsync("confirmer@clinic.example", StaffRoles.Reviewer, "Senior physiotherapist");

        var (_, history) = await reviewer.GetAsync("/staff/articles/unsigned/history");
        Assert.Equal("pending", history.QuerySelector("[data-sign-off]")?.GetAttribute("data-sign-off"));
        using var confirmed = await reviewer.SubmitAsync(history, "/staff/articles/unsigned/history", new Dictionary<string, string>(), button: "confirm");
        var after = await HeadacheInfoFactory.ReadPageAsync(confirmed);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Confirmed still accurate", after.QuerySelector("[data-history-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("signed-off", after.QuerySelector("[data-sign-off]")?.GetAttribute("data-sign-off"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var file = FileText("unsigned");
        Assert.Contains($"last_reviewed: {today:yyyy-MM-dd}\n", file, StringComparison.Ordinal);
        Assert.Contains($"next_review: {today.AddMonths(12):yyyy-MM-dd}\n", file, StringComparison.Ordinal);
        Assert.Contains("reviewer: \"Senior physiotherapist\"\n", file, StringComparison.Ordinal);
        // Nothing but the review fields changed: the author's own spacing and the body are as they were.
        Assert.Equal(Without(before), Without(file));
        Assert.Contains("summary:   A short summary", file, StringComparison.Ordinal);
        Assert.DoesNotContain("@clinic.example", file, StringComparison.Ordinal);

        await Eventually.MatchesAsync(async () => (await site.GetPageAsync("/articles/unsigned")).QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"),
            state => state == "signed-off", "the page saying a clinician signed it off");
        var marker = (await site.GetPageAsync("/articles/unsigned")).QuerySelector("[data-clinical-review]")!;
        Assert.Contains("Senior physiotherapist", marker.TextContent, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        Assert.True(await database.ArticleRevisions.AnyAsync(r => r.Slug == "unsigned" && r.Action == RevisionActions.Confirmed && r.Text == file));
        Assert.True(await database.AuditEvents.AnyAsync(e => e.Event == AuditEvents.ArticleConfirmed && e.Actor == "confirmer@clinic.example"));
        // History, not a step: it records nothing as an edit made outside the app.
        Assert.False(await database.ArticleRevisions.AnyAsync(r => r.Slug == "unsigned" && r.Action == RevisionActions.OutsideEdit && r.Text == file));

        static string Without(string text) => string.Join('\n', text.Split('\n')
            .Where(l => !l.StartsWith("last_reviewed:", StringComparison.Ordinal) && !l.StartsWith("next_review:", StringComparison.Ordinal) && !l.StartsWith("reviewer:", StringComparison.Ordinal)
            && !l.StartsWith("review_fingerprint:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task While_a_change_waits_for_review_the_history_offers_no_confirmation_and_one_posted_by_hand_is_refused()
    {
        using var author = await SignedInAsync("waiting-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("waiting-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, before) = await reviewer.GetAsync("/staff/articles/change-waiting/history");
        Assert.NotNull(before.QuerySelector("button[name='action'][value='confirm']"));

        await WorkflowSteps.SendAsync(author, "change-waiting");
        var (_, history) = await reviewer.GetAsync("/staff/articles/change-waiting/history");
        Assert.Null(history.QuerySelector("button[name='action'][value='confirm']"));

        var file = FileText("change-waiting");
        var token = history.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = await reviewer.Http.PostAsync(new Uri("/staff/articles/change-waiting/history", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("action", "confirm"), new("PublishedFingerprint", ArticleFile.ContentHash(file))]));
        Assert.DoesNotContain("Confirmed still accurate", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(file, FileText("change-waiting"));
    }

    [Fact]
    public async Task A_confirmation_of_a_text_that_changed_since_the_reviewer_read_it_is_refused()
    {
        using var reviewer = await SignedInAsync("stale@clinic.example", StaffRoles.Reviewer);
        var (_, history) = await reviewer.GetAsync("/staff/articles/stale-view/history");
        var changed = FileText("stale-view").Replace("A headache that starts in the neck.", "Changed on disk meanwhile.", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(site.Content.ArticlesFolder, "stale-view.md"), changed);

        using var response = await reviewer.SubmitAsync(history, "/staff/articles/stale-view/history", new Dictionary<string, string>(), button: "confirm");

        Assert.Contains("changed after you opened this page", (await HeadacheInfoFactory.ReadPageAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(changed, FileText("stale-view"));
    }

    [Fact]
    public async Task An_author_who_posts_confirm_gets_403_and_the_article_claims_nothing()
    {
        using var author = await SignedInAsync("not-a-reviewer@clinic.example", StaffRoles.Author);
        var (_, history) = await author.GetAsync("/staff/articles/author-tries/history");
        Assert.Null(history.QuerySelector("button[value='confirm']"));
        var token = history.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await author.Http.PostAsync(new Uri("/staff/articles/author-tries/history", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("action", "confirm"), new("PublishedFingerprint", ArticleFile.ContentHash(FileText("author-tries")))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("reviewer:", FileText("author-tries"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reviewer_who_wrote_the_published_text_cannot_confirm_it()
    {
        // One reviewer writes a change and another approves it: the writer may not then sign their own words off.
        using var writer = await SignedInAsync("writer-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, edit) = await writer.GetAsync("/staff/articles/own-words/edit");
        using var sent = await writer.SubmitAsync(edit, "/staff/articles/own-words/edit",
            new Dictionary<string, string> { ["Body"] = "## What it is\n\nMy own words about a headache from the neck.\n" }, button: "submit-for-review");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(sent)).QuerySelector("[data-editor-message]"));
        using var other = await SignedInAsync("other-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await other.GetAsync("/staff/reviews");
        var id = queue.QuerySelector("[data-slug='own-words']")!.GetAttribute("data-revision");
        var (_, review) = await other.GetAsync($"/staff/reviews/{id}");
        (await other.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Fine." }, button: "approve")).Dispose();
        await Eventually.MatchesAsync(() => Task.FromResult(FileText("own-words")), t => t.Contains("My own words", StringComparison.Ordinal), "the approved text");

        var (_, history) = await writer.GetAsync("/staff/articles/own-words/history");
        Assert.Null(history.QuerySelector("button[value='confirm']"));
        var token = history.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var published = FileText("own-words");
        using var response = await writer.Http.PostAsync(new Uri("/staff/articles/own-words/history", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("action", "confirm"), new("PublishedFingerprint", ArticleFile.ContentHash(published))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(published, FileText("own-words"));
        var (_, otherHistory) = await other.GetAsync("/staff/articles/own-words/history");
        Assert.NotNull(otherHistory.QuerySelector("button[value='confirm']"));
    }

    [Fact]
    public async Task A_signed_off_page_edited_on_disk_or_copied_under_another_name_no_longer_claims_the_sign_off()
    {
        using var reviewer = await SignedInAsync("edited-after@clinic.example", StaffRoles.Reviewer, "Lead physiotherapist");
        var (_, history) = await reviewer.GetAsync("/staff/articles/edited-after/history");
        (await reviewer.SubmitAsync(history, "/staff/articles/edited-after/history", new Dictionary<string, string>(), button: "confirm")).Dispose();
        await Eventually.MatchesAsync(async () => (await site.GetPageAsync("/articles/edited-after")).QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"),
            state => state == "signed-off", "the confirmed page");
        var signedOff = FileText("edited-after");

        File.WriteAllText(Path.Combine(site.Content.ArticlesFolder, "copied-after.md"), signedOff);
        File.WriteAllText(Path.Combine(site.Content.ArticlesFolder, "edited-after.md"), signedOff + "\nRunning cures it.\n");

        await Eventually.MatchesAsync(async () => (await site.GetPageAsync("/articles/edited-after")).QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"),
            state => state == "pending", "the edited page no longer claiming the sign-off");
        var copy = await Eventually.MatchesAsync(() => site.GetAsync("/articles/copied-after"), r => r.StatusCode == HttpStatusCode.OK, "the copy on the site");
        var copyPage = await HeadacheInfoFactory.ReadPageAsync(copy);
        Assert.Equal("pending", copyPage.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
        using var json = System.Text.Json.JsonDocument.Parse(copyPage.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(json.RootElement.TryGetProperty("reviewedBy", out _));
        var (_, after) = await reviewer.GetAsync("/staff/articles/edited-after/history");
        Assert.Equal("pending", after.QuerySelector("[data-sign-off]")?.GetAttribute("data-sign-off"));
    }
}
