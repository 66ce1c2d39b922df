using System.Globalization;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Staff are shown people by name and role title, not by e-mail address, and times on the clinic's clock with its
/// zone named: on the review page, the list of reviews, the dashboard, what happened since the last sign-in, and
/// the mail the workflow sends (through the real SMTP server). The clinic here is in Auckland, far from UTC.
/// </summary>
public sealed class StaffNamesTests(StaffNamesTests.Site site) : IClassFixture<StaffNamesTests.Site>
{
    private const string Zone = "Pacific/Auckland";

    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow)
        {
            WithSetting("Clinic:TimeZone", Zone);
            Content.WriteArticle("named-change", "Named change");
            Content.WriteArticle("named-approval", "Named approval");
        }
    }

    // Seeded accounts are named by the part of their address before the @.
    private const string Author = "names-author@clinic.example";
    private const string AuthorShown = "names-author (Author)";
    private const string Reviewer = "names-reviewer@clinic.example";
    private const string ReviewerShown = "names-reviewer (Clinical reviewer)";
    private const string OtherReviewer = "names-other-reviewer@clinic.example";

    private Task<int> DeliverAsync() => site.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

    /// <summary>A moment as the clinic's clock shows it, worked out here, not by the site.</summary>
    private static string OnClinicClock(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_change_is_shown_and_mailed_by_the_names_and_titles_of_who_sent_and_returned_it_on_the_clinic_s_clock()
    {
        using var author = await StaffSeeding.SignedInAsync(site, Author, StaffRoles.Author);
        using var reviewer = await StaffSeeding.SignedInAsync(site, Reviewer, StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, OtherReviewer, StaffRoles.Reviewer);
        Assert.Contains("Sent for review", await WorkflowSteps.SendAsync(author, "named-change"), StringComparison.Ordinal);

        // Only the reviewer, who can act on it, is offered the dashboard's link to review it.
        var (_, authorsDashboard) = await author.GetAsync("/staff");
        Assert.Null(authorsDashboard.QuerySelector("tr[data-slug='named-change'] a[href^='/staff/reviews/']"));
        Assert.NotNull(authorsDashboard.QuerySelector("tr[data-slug='named-change'] a[href$='/edit']"));

        // The reviewer's dashboard and the list of reviews say who sent it, by name.
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        Assert.NotNull(dashboard.QuerySelector("tr[data-slug='named-change'] a[href^='/staff/reviews/']"));
        var waiting = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='named-change']")!;
        Assert.Contains($"sent by {AuthorShown}", waiting.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Author, waiting.TextContent, StringComparison.Ordinal);
        var (_, reviews) = await reviewer.GetAsync("/staff/reviews");
        Assert.Contains($"sent by {AuthorShown}", reviews.QuerySelector("li[data-slug='named-change']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Zone, reviews.QuerySelector("[data-time-zone]")?.GetAttribute("data-time-zone"));

        // The review page: by name and title, when on the clinic's clock with its zone named.
        var link = waiting.QuerySelector("a")!.GetAttribute("href")!;
        var (_, review) = await reviewer.GetAsync(link);
        var lead = review.QuerySelector("[data-review-state]")!;
        Assert.Contains($"sent by {AuthorShown}", lead.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Author, review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var sentAt = DateTimeOffset.Parse(lead.QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.Contains($"{OnClinicClock(sentAt)} ({Zone} time)", lead.TextContent, StringComparison.Ordinal);
        Assert.Contains(AuthorShown, review.QuerySelector("[data-contributors]")!.TextContent, StringComparison.Ordinal);

        // The other reviewer's mail names the author, not their address.
        await DeliverAsync();
        var sentMail = Assert.Single(site.Smtp.To(OtherReviewer), m => m.Subject.Contains("Named change", StringComparison.Ordinal));
        Assert.Contains($"sent for review by {AuthorShown}", sentMail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Author, sentMail.Text, StringComparison.Ordinal);

        // Returned: the author's mail and their next visit name the reviewer.
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        (await reviewer.SubmitAsync(review, link, new Dictionary<string, string> { ["Comment"] = "Please add a source." }, "return")).Dispose();
        await DeliverAsync();
        var returnedMail = Assert.Single(site.Smtp.To(Author), m => m.Subject.StartsWith("Returned to you", StringComparison.Ordinal));
        Assert.Contains($"{ReviewerShown} returned your change", returnedMail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Reviewer, returnedMail.Text, StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromMinutes(5));
        using var back = new StaffClient(site);
        (await back.SignInAsync(Author, StaffSeeding.Password)).Dispose();
        var (_, home) = await back.GetAsync("/staff");
        var news = home.QuerySelector("[data-since-last-sign-in] [data-event='returned'][data-slug='named-change']")!;
        Assert.Contains($"{ReviewerShown} returned your change", news.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Reviewer, news.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_mail_names_the_reviewer_by_name_and_title()
    {
        const string author = "names-approved-author@clinic.example";
        using var writer = await StaffSeeding.SignedInAsync(site, author, StaffRoles.Author);
        using var approver = await StaffSeeding.SignedInAsync(site, "names-approver@clinic.example", StaffRoles.Reviewer);
        Assert.Contains("Sent for review", await WorkflowSteps.SendAsync(writer, "named-approval"), StringComparison.Ordinal);
        await WorkflowSteps.DecideAsync(approver, "named-approval", "approve", "Looks right.");

        await DeliverAsync();
        var mail = Assert.Single(site.Smtp.To(author), m => m.Subject.Contains("Named approval", StringComparison.Ordinal));
        Assert.Contains("names-approver (Clinical reviewer) approved your change", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("names-approver@clinic.example", mail.Text, StringComparison.Ordinal);
    }
}
