using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Readers' "No" comments, followed up by staff through the real pages: open on the dashboard and in the
/// editor until marked dealt with (naming the revision that answered it) or no change needed, with a note.
/// </summary>
public sealed class FeedbackFollowUpTests(FeedbackFollowUpTests.Site site) : IClassFixture<FeedbackFollowUpTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            foreach (var slug in new[] { "neck-pain", "posture", "pillows", "driving", "other-article", "sort-a", "sort-b", "sort-c" })
            {
                Content.WriteArticle(slug, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' ')));
            }
        }
    }

    /// <summary>Answers "Was this page helpful?" from the article page's own form, as a reader's browser would.</summary>
    internal static async Task AnswerAsync(HeadacheInfoFactory site, string slug, string helpful, string? comment = null)
    {
        using var client = site.CreateClient();
        var page = await site.GetPageAsync($"/articles/{slug}", client);
        var form = page.QuerySelector<IHtmlFormElement>("section.feedback form")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.GetAttribute("action")!, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("helpful", helpful), new("comment", comment ?? string.Empty), new("website", string.Empty)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private static int OpenOn(IHtmlDocument dashboard, string slug) =>
        int.Parse(dashboard.QuerySelector($"tr[data-slug='{slug}']")!.GetAttribute("data-open-feedback")!, CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<AuditEvent>> AuditAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync();
    }

    /// <summary>The open comment's id on the editor page, found by its words.</summary>
    private static string OpenCommentId(IHtmlDocument editor, string words) =>
        editor.QuerySelectorAll("[data-open-feedback] li[data-feedback-id]").Single(li => li.TextContent.Contains(words, StringComparison.Ordinal))
            .GetAttribute("data-feedback-id")!;

    [Fact]
    public async Task A_no_with_a_comment_stays_open_until_marked_dealt_with_by_a_revision_which_the_history_then_shows()
    {
        const string Words = "Nothing about <script>alert('x')</script> pillows & sleep";
        await AnswerAsync(site, "pillows", "no", Words);
        await AnswerAsync(site, "pillows", "no");
        using var author = await SignedInAsync("follow-author@clinic.example", StaffRoles.Author);

        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Equal(1, OpenOn(dashboard, "pillows"));
        Assert.All(dashboard.QuerySelectorAll("table.dashboard tbody tr"), row => Assert.NotNull(row.GetAttribute("data-open-feedback")));
        Assert.Equal("1", dashboard.QuerySelector("tr[data-slug='pillows'] [data-open-comments]")?.GetAttribute("data-open-comments"));

        // The author follows the dashboard's link to the editor, fixes the article, and closes the comment there.
        var editorLink = dashboard.QuerySelector("tr[data-slug='pillows'] a[data-open-comments]")!.GetAttribute("href")!;
        var (_, editor) = await author.GetAsync(editorLink);
        var comment = editor.QuerySelector("[data-open-feedback] blockquote")!;
        Assert.Equal(Words, comment.TextContent);
        Assert.Null(editor.QuerySelector("[data-open-feedback] script"));
        Assert.Equal("_blank", editor.QuerySelector("form[data-close-feedback]")!.GetAttribute("target"));
        Assert.Null(editor.QuerySelector("form.article-form [name=ResolutionNote]"));
        var id = OpenCommentId(editor, "pillows & sleep");

        using var saved = await author.SubmitAsync(editor, "/staff/articles/pillows/edit",
            new Dictionary<string, string> { ["Body"] = "## What it is\n\nA headache that starts in the neck. A firm pillow can help you sleep.\n" }, button: "save-draft");
        var savedPage = await HeadacheInfoFactory.ReadPageAsync(saved);
        Assert.NotNull(savedPage.QuerySelector("[data-editor-message]"));
        var choice = savedPage.QuerySelectorAll<IHtmlOptionElement>($"form[data-close-feedback='{id}'] select[name=AnsweredByRevision] option")
            .First(o => o.Value.Length > 0 && o.TextContent.Contains("saved", StringComparison.Ordinal)).Value;

        using var closed = await author.SubmitAsync(savedPage, "/staff/articles/pillows/edit",
            new Dictionary<string, string> { ["ResolutionNote"] = "Added a line on pillows.", ["AnsweredByRevision"] = choice }, button: "dealt-with");
        var closedPage = await HeadacheInfoFactory.ReadPageAsync(closed);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("dealt with", closedPage.QuerySelector("[data-feedback-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("dealt-with", closedPage.QuerySelector($"li[data-feedback-id='{id}']")?.GetAttribute("data-resolution"));
        (_, dashboard) = await author.GetAsync("/staff");
        Assert.Equal(0, OpenOn(dashboard, "pillows"));
        (_, editor) = await author.GetAsync("/staff/articles/pillows/edit");
        Assert.Null(editor.QuerySelector("[data-open-feedback]"));

        var (_, history) = await author.GetAsync("/staff/articles/pillows/history");
        var answered = history.QuerySelector($"tr[data-revision='{choice}'] [data-answered-feedback] li[data-feedback-id='{id}']");
        Assert.NotNull(answered);
        Assert.Contains(Words, answered.TextContent, StringComparison.Ordinal);
        Assert.Contains("Added a line on pillows.", answered.TextContent, StringComparison.Ordinal);
        Assert.Null(history.QuerySelector("[data-answered-feedback] script"));

        var audit = Assert.Single(await AuditAsync(), e => e.Event == AuditEvents.FeedbackDealtWith && e.Detail.Contains($"answer {id}", StringComparison.Ordinal));
        Assert.Equal("follow-author@clinic.example", audit.Actor);
        Assert.Contains($"revision {choice}", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("pillows & sleep", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains("pillows & sleep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_change_needed_needs_a_note_and_a_comment_closed_once_cannot_be_closed_again()
    {
        await AnswerAsync(site, "driving", "no", "Say whether I can drive.");
        using var reviewer = await SignedInAsync("follow-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = await SignedInAsync("follow-author2@clinic.example", StaffRoles.Author);
        var (_, page) = await reviewer.GetAsync("/staff/feedback");
        var id = page.QuerySelectorAll("li[data-feedback-id]").Single(li => li.TextContent.Contains("drive", StringComparison.Ordinal)).GetAttribute("data-feedback-id")!;
        var (_, stalePage) = await author.GetAsync("/staff/feedback");

        using var noNote = await reviewer.SubmitAsync(page, "/staff/feedback", new Dictionary<string, string> { ["FeedbackId"] = id, ["ResolutionNote"] = "  " }, button: "no-change-needed");
        var noNotePage = await HeadacheInfoFactory.ReadPageAsync(noNote);
        Assert.Contains("Write a short note", noNotePage.QuerySelector("[data-feedback-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("open", noNotePage.QuerySelector($"li[data-feedback-id='{id}']")?.GetAttribute("data-resolution"));

        using var tooLong = await reviewer.SubmitAsync(noNotePage, "/staff/feedback",
            new Dictionary<string, string> { ["FeedbackId"] = id, ["ResolutionNote"] = new string('a', FeedbackFollowUp.MaxNote + 1) }, button: "no-change-needed");
        Assert.Contains("characters or fewer", (await HeadacheInfoFactory.ReadPageAsync(tooLong)).QuerySelector("[data-feedback-problem]")?.TextContent, StringComparison.Ordinal);

        using var closed = await reviewer.SubmitAsync(noNotePage, "/staff/feedback",
            new Dictionary<string, string> { ["FeedbackId"] = id, ["ResolutionNote"] = "The driving article covers it." }, button: "no-change-needed");
        Assert.Equal("no-change-needed", (await HeadacheInfoFactory.ReadPageAsync(closed)).QuerySelector($"li[data-feedback-id='{id}']")?.GetAttribute("data-resolution"));

        // A second person, from a page opened before it was closed.
        using var again = await author.SubmitAsync(stalePage, "/staff/feedback",
            new Dictionary<string, string> { ["FeedbackId"] = id, ["ResolutionNote"] = "Dealt with it too." }, button: "dealt-with");
        var againPage = await HeadacheInfoFactory.ReadPageAsync(again);
        Assert.Contains("already closed", againPage.QuerySelector("[data-feedback-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("follow-reviewer@clinic.example", againPage.QuerySelector("[data-feedback-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("no-change-needed", againPage.QuerySelector($"li[data-feedback-id='{id}']")?.GetAttribute("data-resolution"));
        var events = (await AuditAsync()).Where(e => e.Detail.Contains($"answer {id})", StringComparison.Ordinal)).ToList();
        Assert.Equal([AuditEvents.FeedbackNoChangeNeeded], events.Select(e => e.Event));
    }

    [Fact]
    public async Task Closing_is_refused_without_a_role_for_a_forged_id_for_another_article_or_with_another_articles_revision()
    {
        await AnswerAsync(site, "posture", "no", "More about desks please.");
        using var author = await SignedInAsync("follow-author3@clinic.example", StaffRoles.Author);
        var (_, editor) = await author.GetAsync("/staff/articles/posture/edit");
        var id = OpenCommentId(editor, "desks");
        // A revision of another article, to link where it does not belong.
        using (await author.SubmitAsync("/staff/articles/other-article/edit", new Dictionary<string, string> { ["Body"] = "## Other\n\nChanged text.\n" }, button: "save-draft"))
        {
        }

        long otherRevision;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            otherRevision = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions
                .Where(r => r.Slug == "other-article").MaxAsync(r => r.Id);
        }

        async Task<HttpResponseMessage> PostAsync(StaffClient client, IDictionary<string, string> fields) =>
            await client.SubmitAsync(editor, "/staff/feedback", new Dictionary<string, string>(fields) { ["ResolutionNote"] = "Forged." }, button: "dealt-with");

        using var forgedId = await PostAsync(author, new Dictionary<string, string> { ["FeedbackId"] = "987654321" });
        using var otherArticle = await PostAsync(author, new Dictionary<string, string> { ["FeedbackId"] = id, ["Slug"] = "other-article" });
        using var notAnArticle = await PostAsync(author, new Dictionary<string, string> { ["FeedbackId"] = id, ["Slug"] = "../posture" });
        using var wrongRevision = await PostAsync(author, new Dictionary<string, string> { ["AnsweredByRevision"] = otherRevision.ToString(CultureInfo.InvariantCulture) });
        using var noToken = await author.Http.PostAsync(new Uri("/staff/feedback", UriKind.Relative), new FormUrlEncodedContent(
            [new("FeedbackId", id), new("Slug", "posture"), new("ResolutionNote", "Forged."), new("action", "dealt-with")]));
        using var stranger = new StaffClient(site);
        using var anonymous = await stranger.SubmitAsync(editor, "/staff/feedback", new Dictionary<string, string> { ["ResolutionNote"] = "Forged." }, button: "dealt-with");

        // An account whose roles were all taken away keeps its session, but not the power to close.
        await StaffSeeding.AddAsync(site, "follow-demoted@clinic.example", StaffRoles.Author);
        using var demoted = new StaffClient(site);
        (await demoted.SignInAsync("follow-demoted@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, demotedEditor) = await demoted.GetAsync("/staff/articles/posture/edit");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("follow-demoted@clinic.example"))!;
            await users.RemoveFromRoleAsync(user, StaffRoles.Author);
        }

        using var withoutRole = await demoted.SubmitAsync(demotedEditor, "/staff/feedback", new Dictionary<string, string> { ["ResolutionNote"] = "Forged." }, button: "dealt-with");

        Assert.Equal(HttpStatusCode.NotFound, forgedId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherArticle.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnArticle.StatusCode);
        Assert.Contains("not one of this article's", (await HeadacheInfoFactory.ReadPageAsync(wrongRevision)).QuerySelector("[data-feedback-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutRole.StatusCode);
        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Equal(1, OpenOn(dashboard, "posture"));
        Assert.DoesNotContain(await AuditAsync(), e => e.Detail.Contains($"answer {id})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_sorts_by_most_no_answers()
    {
        foreach (var (slug, noes) in new[] { ("sort-a", 2), ("sort-b", 3), ("sort-c", 0) })
        {
            for (var i = 0; i < noes; i++)
            {
                await AnswerAsync(site, slug, "no");
            }

            await AnswerAsync(site, slug, "yes");
        }

        using var author = await SignedInAsync("follow-sorter@clinic.example", StaffRoles.Author);
        var (_, dashboard) = await author.GetAsync("/staff");
        var sortLink = dashboard.QuerySelector("a[data-sort='no-answers']")!.GetAttribute("href")!;

        foreach (var address in new[] { sortLink, "/staff?sort=no" })
        {
            var (_, sorted) = await author.GetAsync(address);
            var order = sorted.QuerySelectorAll("table.dashboard tbody tr").Select(r => r.GetAttribute("data-slug")).Where(s => s!.StartsWith("sort-", StringComparison.Ordinal)).ToList();
            Assert.Equal(["sort-b", "sort-a", "sort-c"], order);
            var noes = sorted.QuerySelectorAll("table.dashboard tbody tr [data-feedback-no]")
                .Select(span => int.Parse(span.GetAttribute("data-feedback-no")!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(noes.OrderDescending(), noes);
            Assert.Equal("descending", sorted.QuerySelector("a[data-sort='no-answers']")!.ParentElement!.GetAttribute("aria-sort"));
        }
    }
}

/// <summary>The dashboard's counts cover 90 days, today included, by the site's clock.</summary>
public sealed class FeedbackWindowTests(FeedbackWindowTests.Site site) : IClassFixture<FeedbackWindowTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            Content.WriteArticle("window", "Window");
        }

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private async Task<(int Yes, int No, string Since)> CountsAsync()
    {
        await StaffSeeding.AddAsync(site, "window@clinic.example", StaffRoles.Author);
        // A fresh sign-in each time: the clock moves by months, further than a session lasts.
        using var author = new StaffClient(site);
        (await author.SignInAsync("window@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, dashboard) = await author.GetAsync("/staff");
        var since = dashboard.QuerySelector("[data-feedback-since]")!.GetAttribute("data-feedback-since")!;
        return dashboard.QuerySelector("tr[data-slug='window'] [data-feedback-no]") is { } counts
            ? (int.Parse(counts.GetAttribute("data-feedback-yes")!, CultureInfo.InvariantCulture), int.Parse(counts.GetAttribute("data-feedback-no")!, CultureInfo.InvariantCulture), since)
            : (0, 0, since);
    }

    [Fact]
    public async Task An_answer_counts_on_its_day_and_the_89_days_after_and_not_on_the_90th()
    {
        await FeedbackFollowUpTests.AnswerAsync(site, "window", "no", "Too long.");
        await FeedbackFollowUpTests.AnswerAsync(site, "window", "yes");

        Assert.Equal((1, 1, "2025-12-02"), await CountsAsync());

        site.Clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal((1, 1, "2026-03-01"), await CountsAsync());

        site.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((0, 0, "2026-03-02"), await CountsAsync());
    }
}
