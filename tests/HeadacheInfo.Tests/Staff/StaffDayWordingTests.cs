using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HeadacheInfo.Tests.Staff.WorkflowSteps;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// A working day in the staff area as a practice manager and a physiotherapist try it: what each page says must
/// be plain, said once, on the clinic's clock, and must not leave someone wondering what happened to their work.
/// </summary>
public sealed class StaffDayWordingTests(StaffDayWordingTests.Site site) : IClassFixture<StaffDayWordingTests.Site>
{
    /// <summary>A real 1 by 1 pixel PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>Nine hours ahead of UTC all year, so a time shown in UTC cannot pass for the clinic's.</summary>
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            WithSetting("Clinic:TimeZone", "Asia/Tokyo");
            foreach (var slug in new[] { "camera-picture", "later-then-not", "one-writer", "answered-feedback" })
            {
                Content.WriteArticle(slug, $"Article {slug}");
            }
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        return await SignInAgainAsync(email);
    }

    private async Task<StaffClient> SignInAgainAsync(string email)
    {
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private async Task<DateTimeOffset> RevisionTimeAsync(string slug, string action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        return (await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug && r.Action == action).Select(r => r.At).ToListAsync()).Single();
    }

    [Fact]
    public async Task A_picture_named_by_a_phone_is_taken_under_a_safe_name_at_the_first_press_and_the_upload_says_saved_once()
    {
        using var author = await SignedInAsync("day-camera@clinic.example", StaffRoles.Author);
        const string url = "/staff/articles/camera-picture/edit";
        var body = "## Sitting\n\nSit tall and let your shoulders drop.\n";
        var (_, editor) = await author.GetAsync(url);

        // Issue 33: a phone's own name is never refused; it is made safe (img-0042-1.png).
        using var uploaded = await author.SubmitAsync(editor, url, new Dictionary<string, string>
        {
            ["Body"] = body, ["PictureAlt"] = "A person sitting tall on a kitchen chair",
        }, button: "upload-picture", files: new Dictionary<string, (string, byte[])> { ["Picture"] = ("IMG 0042 (1).PNG", Png) });
        var uploadedPage = await HeadacheInfoFactory.ReadPageAsync(uploaded);

        Assert.Null(uploadedPage.QuerySelector("[data-editor-problem]"));
        Assert.Contains("/images/img-0042-1.png", uploadedPage.QuerySelector("textarea[name=Body]")!.TextContent, StringComparison.Ordinal);
        var message = uploadedPage.QuerySelector("[data-editor-message]")!.TextContent;
        Assert.Contains("Picture img-0042-1.png added", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft saved", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_is_told_when_their_change_was_approved_for_later_and_when_that_was_cancelled_on_the_clinics_clock()
    {
        await StaffSeeding.AddAsync(site, "day-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "day-reviewer@clinic.example", StaffRoles.Reviewer);
        using (var author = await SignInAgainAsync("day-author@clinic.example"))
        {
            await SendAsync(author, "later-then-not");
        }

        using (var reviewer = await SignInAgainAsync("day-reviewer@clinic.example"))
        {
            var (_, dashboard) = await reviewer.GetAsync("/staff");
            var link = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='later-then-not'] a")!.GetAttribute("href")!;
            var (_, review) = await reviewer.GetAsync(link);
            var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), Tokyo).ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture);
            (await reviewer.SubmitAsync(review, link, new Dictionary<string, string> { ["PublishAt"] = tomorrow }, "approve")).Dispose();
        }

        using (var author = await SignInAgainAsync("day-author@clinic.example"))
        {
            var (_, dashboard) = await author.GetAsync("/staff");
            var scheduled = Assert.Single(dashboard.QuerySelectorAll("[data-since-last-sign-in] [data-event='scheduled']"));
            Assert.Equal("later-then-not", scheduled.GetAttribute("data-slug"));
            Assert.Contains("approved your change to go live later", scheduled.TextContent, StringComparison.Ordinal);
            // The article's name runs straight into its colon, and the time is the clinic's, not UTC.
            Assert.Contains("Article later-then-not:", scheduled.TextContent, StringComparison.Ordinal);
            Assert.Contains(ClinicTime.Brief(await RevisionTimeAsync("later-then-not", RevisionActions.Scheduled), Tokyo), scheduled.TextContent, StringComparison.Ordinal);
            var since = dashboard.QuerySelector("#since-heading + p.hint")!.TextContent;
            Assert.Contains("(Asia/Tokyo time)", since, StringComparison.Ordinal);
            Assert.DoesNotContain("UTC", since, StringComparison.Ordinal);
        }

        using (var reviewer = await SignInAgainAsync("day-reviewer@clinic.example"))
        {
            var (_, dashboard) = await reviewer.GetAsync("/staff");
            var cancel = dashboard.QuerySelector("tr[data-slug='later-then-not'] button[value='cancel-schedule']")!;
            (await reviewer.SubmitAsync(dashboard, cancel.Closest("form")!.GetAttribute("action")!, new Dictionary<string, string>(), "cancel-schedule")).Dispose();
        }

        using (var author = await SignInAgainAsync("day-author@clinic.example"))
        {
            var (_, dashboard) = await author.GetAsync("/staff");
            var cancelled = Assert.Single(dashboard.QuerySelectorAll("[data-since-last-sign-in] [data-event='schedule-cancelled']"));
            Assert.Equal("later-then-not", cancelled.GetAttribute("data-slug"));
            Assert.Contains("does not go live then", cancelled.TextContent, StringComparison.Ordinal);
            Assert.Empty(dashboard.QuerySelectorAll("[data-since-last-sign-in] [data-event='scheduled']"));
        }
    }

    [Fact]
    public async Task A_change_with_one_writer_says_they_cannot_approve_their_own_and_the_history_names_each_step_in_words()
    {
        using var author = await SignedInAsync("day-writer@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("day-checker@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "one-writer");
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var link = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='one-writer'] a")!.GetAttribute("href")!;
        var (_, review) = await reviewer.GetAsync(link);

        Assert.Equal("Written by: day-writer (Author). They cannot approve their own change.", review.QuerySelector("[data-contributors]")!.TextContent.Trim());

        (await reviewer.SubmitAsync(review, link, new Dictionary<string, string>(), "approve")).Dispose();
        var (_, history) = await reviewer.GetAsync("/staff/articles/one-writer/history");
        Assert.Contains("approved and published", history.QuerySelector("tr[data-action='approved']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sent for review", history.QuerySelector("tr[data-action='submitted']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("changed outside the staff area", history.QuerySelector("tr[data-action='outside-edit']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_is_closed_by_choosing_a_revision_named_in_words_and_the_history_quotes_the_reader_without_a_doubled_full_stop()
    {
        using var reviewer = await SignedInAsync("day-feedback@clinic.example", StaffRoles.Reviewer);
        await FeedbackFollowUpTests.AnswerAsync(site, "answered-feedback", "no", "How long do I hold it for?");
        var (_, feedback) = await reviewer.GetAsync("/staff/feedback");
        var item = feedback.QuerySelector("li[data-slug='answered-feedback']")!;
        var choices = item.QuerySelectorAll("select[name=AnsweredByRevision] option").Select(o => o.TextContent).ToList();
        Assert.Contains(choices, c => c.Contains("changed outside the staff area", StringComparison.Ordinal));
        Assert.DoesNotContain(choices, c => c.Contains("outside-edit", StringComparison.Ordinal));
        var options = item.QuerySelectorAll("select[name=AnsweredByRevision] option");
        var revision = options[^1].GetAttribute("value")!;

        (await reviewer.SubmitAsync(feedback, "/staff/feedback", new Dictionary<string, string>
        {
            ["FeedbackId"] = item.GetAttribute("data-feedback-id")!, ["ResolutionNote"] = "The hold time is in the article now.", ["AnsweredByRevision"] = revision,
        }, button: "dealt-with")).Dispose();

        var (_, history) = await reviewer.GetAsync("/staff/articles/answered-feedback/history");
        var answered = history.QuerySelector("[data-answered-feedback] li")!.TextContent;
        Assert.Contains("a reader said: \"How long do I hold it for?\"", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("?\".", answered, StringComparison.Ordinal);
        Assert.Contains("noted: The hold time is in the article now.", answered, StringComparison.Ordinal);
    }
}
