using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// A mail server that is down never stops a staff action: the message waits, the dashboard says mail is
/// failing, and once the server is back and the back-off has passed it goes, once.
/// </summary>
public sealed class MailRetryTests(MailRetryTests.Site site) : IClassFixture<MailRetryTests.Site>
{
    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow, startServer: false) =>
            Content.WriteArticle("while-down", "While the mail server was down");
    }

    [Fact]
    public async Task A_change_sent_while_the_mail_server_is_down_is_sent_once_after_it_comes_back()
    {
        await StaffSeeding.AddAsync(site, "retry-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "retry-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = new StaffClient(site);
        (await author.SignInAsync("retry-author@clinic.example", StaffSeeding.Password)).Dispose();
        var delivery = site.Services.GetRequiredService<MailDelivery>();

        var (_, edit) = await author.GetAsync("/staff/articles/while-down/edit");
        using var sent = await author.SubmitAsync(edit, "/staff/articles/while-down/edit", new Dictionary<string, string> { ["Body"] = "## Changed\n\nNew words.\n" }, "submit-for-review");
        Assert.Contains("Sent for review", (await HeadacheInfoFactory.ReadPageAsync(sent)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await delivery.RunOnceAsync());

        var (_, dashboard) = await author.GetAsync("/staff");
        var failing = dashboard.QuerySelector("[data-mail-failing]");
        Assert.NotNull(failing);
        Assert.Contains("Could not reach the mail server at 127.0.0.1", failing.TextContent, StringComparison.Ordinal);
        // In plain words first, for staff who cannot fix a mail server: what it means for them and whom to tell.
        Assert.Contains("people may not hear about changes to review", failing.TextContent, StringComparison.Ordinal);
        Assert.Contains("tell whoever looks after the site's server", failing.TextContent, StringComparison.Ordinal);

        // Back, but the message waits out its back-off; then it goes, and only once.
        await site.Smtp.StartAsync();
        Assert.Equal(0, await delivery.RunOnceAsync());
        Assert.Empty(site.Smtp.Received);
        site.Clock.Advance(MailDelivery.FirstRetry);
        await delivery.RunOnceAsync();
        site.Clock.Advance(TimeSpan.FromHours(3));
        await delivery.RunOnceAsync();

        var mail = Assert.Single(site.Smtp.Received);
        Assert.Equal(["retry-reviewer@clinic.example"], mail.Recipients);
        Assert.Equal("Waiting for your review: While the mail server was down", mail.Subject);
        var (_, after) = await author.GetAsync("/staff");
        Assert.Null(after.QuerySelector("[data-mail-failing]"));
    }

    [Fact]
    public void The_wait_between_tries_doubles_and_stops_growing_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), MailDelivery.BackOff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), MailDelivery.BackOff(2));
        Assert.Equal(TimeSpan.FromSeconds(120), MailDelivery.BackOff(3));
        Assert.Equal(TimeSpan.FromHours(1), MailDelivery.BackOff(12));
        Assert.Equal(TimeSpan.FromHours(1), MailDelivery.BackOff(1000));
    }
}

/// <summary>Once a week, exactly once: the reviewers' list of articles overdue or due for review within 30 days.</summary>
public sealed class MailDigestTests(MailDigestTests.Site site) : IClassFixture<MailDigestTests.Site>
{
    public sealed class Site : MailSite
    {
        /// <summary>Starts on a Wednesday, so a day later is the same week.</summary>
        public Site()
            : base(new TestSmtpServer(), NextWednesday())
        {
            var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
            Content.Write("overdue.md", WithNextReview("Overdue article", today.AddDays(-10)));
            Content.Write("due-soon.md", WithNextReview("Due soon article", today.AddDays(20)));
            Content.Write("not-due.md", WithNextReview("Not due article", today.AddDays(200)));
        }

        private static DateTimeOffset NextWednesday()
        {
            var today = DateTimeOffset.UtcNow.Date;
            return new DateTimeOffset(today.AddDays(((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7).AddHours(9), TimeSpan.Zero);
        }

        private static string WithNextReview(string title, DateOnly next) =>
            ArticleText.Valid(title).Replace("next_review: 2027-01-15", $"next_review: {next:yyyy-MM-dd}", StringComparison.Ordinal)
                .Replace("last_reviewed: 2026-01-15", $"last_reviewed: {next.AddYears(-1):yyyy-MM-dd}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewers_get_the_list_once_a_week_unless_they_turned_it_off()
    {
        await StaffSeeding.AddAsync(site, "digest-reviewer@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "digest-off@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "digest-author@clinic.example", StaffRoles.Author);
        using (var off = new StaffClient(site))
        {
            (await off.SignInAsync("digest-off@clinic.example", StaffSeeding.Password)).Dispose();
            (await off.SubmitAsync("/staff/account", new Dictionary<string, string> { ["Mail"] = MailKinds.Sent })).Dispose();
        }

        var delivery = site.Services.GetRequiredService<MailDelivery>();
        await delivery.RunOnceAsync();
        await delivery.RunOnceAsync();
        site.Clock.Advance(TimeSpan.FromDays(1));
        await delivery.RunOnceAsync();

        var digest = Assert.Single(site.Smtp.To("digest-reviewer@clinic.example"));
        Assert.Equal("2 articles are due for review", digest.Subject);
        Assert.Contains("Overdue article: review overdue", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Due soon article: review due by", digest.Text, StringComparison.Ordinal);
        Assert.Contains($"{MailSite.LinkBase}/staff/articles/overdue/history", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not due article", digest.Text, StringComparison.Ordinal);
        Assert.Empty(site.Smtp.To("digest-off@clinic.example"));
        Assert.Empty(site.Smtp.To("digest-author@clinic.example"));

        site.Clock.Advance(TimeSpan.FromDays(7));
        await delivery.RunOnceAsync();
        await delivery.RunOnceAsync();
        Assert.Equal(2, site.Smtp.To("digest-reviewer@clinic.example").Count);
    }
}

/// <summary>With <c>Email:Smtp:Host</c> unset nothing is queued or sent, and every action works as before.</summary>
public sealed class MailUnsetTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    [Fact]
    public async Task Nothing_is_queued_and_the_dashboard_says_nothing_of_mail()
    {
        site.Content.WriteArticle("no-mail", "No mail");
        await StaffSeeding.AddAsync(site, "unset-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "unset-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = new StaffClient(site);
        (await author.SignInAsync("unset-author@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, edit) = await Eventually.MatchesAsync(() => author.GetAsync("/staff/articles/no-mail/edit"),
            page => page.Response.IsSuccessStatusCode, "the new article in the editor");

        using var sent = await author.SubmitAsync(edit, "/staff/articles/no-mail/edit", new Dictionary<string, string> { ["Body"] = "## Changed\n\nWords.\n" }, "submit-for-review");

        Assert.Contains("Sent for review", (await HeadacheInfoFactory.ReadPageAsync(sent)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await site.Services.GetRequiredService<MailDelivery>().RunOnceAsync());
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StaffDbContext>().MailOutbox.CountAsync());
        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Null(dashboard.QuerySelector("[data-mail-failing]"));
        var (_, account) = await author.GetAsync("/staff/account");
        Assert.NotNull(account.QuerySelector("[data-mail-off]"));
    }
}
