using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Staff are told by e-mail, through a real SMTP server: reviewers when a change is sent (never its author),
/// authors when it is returned (with the comment) or approved. Each message names the article and links to
/// the page to act on, never a patient's feedback; each person can turn each kind off.
/// </summary>
public sealed class StaffMailTests(StaffMailTests.Site site) : IClassFixture<StaffMailTests.Site>
{
    private const string LinkBase = MailSite.LinkBase;

    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer("mailer", "Sm7p-pa55word-never-shown"), DateTimeOffset.UtcNow)
        {
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            foreach (var slug in new[] { "to-send", "to-return", "to-approve", "to-schedule", "opted-out", "with-feedback", "sent-once" })
            {
                Content.WriteArticle(slug, $"Article {slug}");
            }
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private Task<int> DeliverAsync() => site.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

    private static async Task SendAsync(StaffClient author, string slug, string body = "## Changed\n\nNew words.\n") =>
        Assert.Contains("Sent for review", await WorkflowSteps.SendAsync(author, slug, body), StringComparison.Ordinal);

    [Fact]
    public async Task A_change_sent_for_review_mails_every_reviewer_with_a_link_to_review_it_and_never_its_author()
    {
        // A reviewer who writes a change is its author: everyone else who reviews is told, not them.
        using var writer = await SignedInAsync("mail-writing-reviewer@clinic.example", StaffRoles.Reviewer);
        using var first = await SignedInAsync("mail-reviewer-one@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "mail-reviewer-two@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "mail-just-author@clinic.example", StaffRoles.Author);

        await SendAsync(writer, "to-send");
        await DeliverAsync();

        var (_, dashboard) = await first.GetAsync("/staff");
        var reviewLink = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='to-send'] a")!.GetAttribute("href")!;
        foreach (var reviewer in new[] { "mail-reviewer-one@clinic.example", "mail-reviewer-two@clinic.example" })
        {
            var mail = Assert.Single(site.Smtp.To(reviewer), m => m.Subject.Contains("Article to-send", StringComparison.Ordinal));
            Assert.Equal("Waiting for your review: Article to-send", mail.Subject);
            Assert.Contains(LinkBase + reviewLink, mail.Text, StringComparison.Ordinal);
            Assert.Equal("staff-mail@clinic.example", Assert.Single(mail.Message.From.Mailboxes).Address);
        }

        Assert.DoesNotContain(site.Smtp.To("mail-writing-reviewer@clinic.example"), m => m.Subject.Contains("to-send", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Smtp.To("mail-just-author@clinic.example"), m => m.Subject.Contains("to-send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returned_change_mails_its_author_the_comment_and_a_link_to_the_editor()
    {
        using var author = await SignedInAsync("mail-returned-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("mail-returning-reviewer@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "to-return");

        await WorkflowSteps.DecideAsync(reviewer, "to-return", "return", "Please add a source for the second paragraph.");
        await DeliverAsync();

        var mail = Assert.Single(site.Smtp.To("mail-returned-author@clinic.example"));
        Assert.Equal("Returned to you: Article to-return", mail.Subject);
        Assert.Contains("Please add a source for the second paragraph.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{LinkBase}/staff/articles/to-return/edit", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Smtp.To("mail-returning-reviewer@clinic.example"), m => m.Subject.Contains("Returned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_approved_for_later_tells_its_author_when_patients_will_see_it()
    {
        using var author = await SignedInAsync("mail-scheduled-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("mail-scheduling-reviewer@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "to-schedule");

        var goesLive = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow().AddDays(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var link = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='to-schedule'] a")!.GetAttribute("href")!;
        var (_, review) = await reviewer.GetAsync(link);
        using var response = await reviewer.SubmitAsync(review, link, new Dictionary<string, string>
        {
            ["Comment"] = "Fine for the winter.",
            ["PublishAt"] = goesLive.ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture),
        }, "approve");
        var decided = await HeadacheInfoFactory.ReadPageAsync(response);
        Assert.Contains("goes live on", decided.QuerySelector("[data-review-message]")!.TextContent, StringComparison.Ordinal);
        await DeliverAsync();

        var mail = Assert.Single(site.Smtp.To("mail-scheduled-author@clinic.example"));
        Assert.StartsWith("Approved to go live on ", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith(": Article to-schedule", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Patients will see it from ", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("patients now see it", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_change_mails_its_author_a_link_to_the_published_article()
    {
        using var author = await SignedInAsync("mail-approved-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("mail-approving-reviewer@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "to-approve");

        await WorkflowSteps.DecideAsync(reviewer, "to-approve", "approve", "Clinically correct.");
        await DeliverAsync();

        var mail = Assert.Single(site.Smtp.To("mail-approved-author@clinic.example"));
        Assert.Equal("Approved and published: Article to-approve", mail.Subject);
        Assert.Contains($"{LinkBase}/articles/to-approve", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_a_kind_off_on_your_account_page_stops_that_mail_alone_and_is_audited()
    {
        using var author = await SignedInAsync("mail-opting-out@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("mail-opt-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, home) = await author.GetAsync("/staff");
        var accountLink = home.QuerySelector("nav a[href='/staff/account']")!.GetAttribute("href")!;
        var (_, account) = await author.GetAsync(accountLink);
        Assert.All(account.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][name=Mail]"), box => Assert.True(box.IsChecked));

        // Everything ticked but "returned".
        var form = account.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        using var saved = await FormSubmission.SubmitAsync(author.Http, form, MailKinds.Sent, MailKinds.Approved, MailKinds.Digest);
        var after = await HeadacheInfoFactory.ReadPageAsync(saved);
        Assert.NotNull(after.QuerySelector("[data-saved]"));
        Assert.False(after.QuerySelector<IHtmlInputElement>("input[name=Mail][value=returned]")!.IsChecked);
        Assert.True(after.QuerySelector<IHtmlInputElement>("input[name=Mail][value=approved]")!.IsChecked);

        await SendAsync(author, "opted-out");
        await WorkflowSteps.DecideAsync(reviewer, "opted-out", "return", "Shorter, please.");
        await SendAsync(author, "opted-out", "## Changed\n\nShorter.\n");
        await WorkflowSteps.DecideAsync(reviewer, "opted-out", "approve", "Good.");
        await DeliverAsync();

        var mail = Assert.Single(site.Smtp.To("mail-opting-out@clinic.example"));
        Assert.StartsWith("Approved and published", mail.Subject, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents;
        Assert.True(await audit.AnyAsync(e => e.Event == AuditEvents.MailSettingsChanged && e.Actor == "mail-opting-out@clinic.example"));
    }

    [Fact]
    public async Task The_account_form_needs_its_antiforgery_token()
    {
        using var author = await SignedInAsync("mail-forged@clinic.example", StaffRoles.Author);

        using var forged = await author.Http.PostAsync(new Uri("/staff/account", UriKind.Relative), new FormUrlEncodedContent([new("Mail", "sent")]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_patients_feedback_is_never_in_a_message_and_the_password_is_never_logged()
    {
        const string Secret = "My name is Jo Bloggs and my pain is awful";
        using (var patient = site.CreateClient())
        {
            var page = await site.GetPageAsync("/articles/with-feedback", patient);
            var action = page.QuerySelector<IHtmlFormElement>("section.feedback form")!.GetAttribute("action")!;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("helpful", "no"), new("comment", Secret), new("website", "")]),
            };
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            (await patient.SendAsync(request)).Dispose();
        }

        using var author = await SignedInAsync("mail-feedback-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("mail-feedback-reviewer@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "with-feedback");
        await WorkflowSteps.DecideAsync(reviewer, "with-feedback", "return", "See the feedback.");
        await SendAsync(author, "with-feedback", "## Changed\n\nAnswered the feedback.\n");
        await WorkflowSteps.DecideAsync(reviewer, "with-feedback", "approve", "Thanks.");
        await DeliverAsync();

        Assert.NotEmpty(site.Smtp.To("mail-feedback-author@clinic.example"));
        Assert.All(site.Smtp.Received, m => Assert.DoesNotContain("Jo Bloggs", m.Message.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, e => e.Contains(site.Smtp.Password!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_message_is_sent_once_however_many_passes_run()
    {
        using var author = await SignedInAsync("mail-once-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "mail-once-reviewer@clinic.example", StaffRoles.Reviewer);
        await SendAsync(author, "sent-once");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DeliverAsync()));
        site.Clock.Advance(TimeSpan.FromHours(2));
        await DeliverAsync();

        Assert.Single(site.Smtp.To("mail-once-reviewer@clinic.example"), m => m.Subject.Contains("sent-once", StringComparison.Ordinal));
    }
}
