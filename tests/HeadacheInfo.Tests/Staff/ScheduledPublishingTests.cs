using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Publishing on a date and taking down on a date, through the real forms, with the clock moved by the test
/// and each background pass run by the test: the published version stays live until the time, the change
/// goes live once, a cancelled one never, and a change that would undo a newer published text is held back.
/// </summary>
public sealed class ScheduledPublishingTests(ScheduledPublishingTests.Site site) : IClassFixture<ScheduledPublishingTests.Site>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public sealed class Site : HeadacheInfoFactory
    {
        public ManualClock Clock { get; } = new();

        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithServices(services => services.AddSingleton<TimeProvider>(Clock));
            foreach (var slug in new[] { "winter-advice", "cancelled-change", "too-late", "seasonal-page", "kept-page", "changed-meanwhile", "restored-schedule", "reviewer-gone", "odd-dates" })
            {
                Content.WriteArticle(slug, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' ')));
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

    /// <summary>An author sends a change; the reviewer's review page for it, as they open it from the review list.</summary>
    internal static async Task<(string Url, IHtmlDocument Page)> SendAsync(StaffClient author, StaffClient reviewer, string slug, string words)
    {
        var (_, edit) = await author.GetAsync($"/staff/articles/{slug}/edit");
        (await author.SubmitAsync(edit, $"/staff/articles/{slug}/edit",
            new Dictionary<string, string> { ["Body"] = $"## What it is\n\n{words}\n" }, "submit-for-review")).Dispose();
        var (_, list) = await reviewer.GetAsync("/staff/reviews");
        var url = $"/staff/reviews/{list.QuerySelector($"[data-slug='{slug}']")!.GetAttribute("data-revision")}";
        return (url, (await reviewer.GetAsync(url)).Page);
    }

    /// <summary>What a reviewer types in the datetime-local field: the clinic's wall-clock time.</summary>
    internal static string LocalInput(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private Task<int> RunPassAsync() => site.Services.GetRequiredService<ScheduledPublisher>().RunDueAsync();

    private string FileText(string slug) => File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, $"{slug}.md"));

    private async Task<string> PublicTextAsync(string slug)
    {
        using var response = await site.GetAsync($"/articles/{slug}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"({response.StatusCode})";
    }

    private async Task<T> WithDatabaseAsync<T>(Func<StaffDbContext, Task<T>> read)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<StaffDbContext>());
    }

    [Fact]
    public async Task A_change_approved_for_later_stays_off_the_site_until_its_time_then_goes_live_once_signed_off_on_the_day_of_approval()
    {
        using var author = await SignedInAsync("later-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("later-reviewer@clinic.example", StaffRoles.Reviewer);
        var (url, review) = await SendAsync(author, reviewer, "winter-advice", "Keep your neck warm in the cold.");
        var approvedOn = site.Clock.GetUtcNow();
        var goesLive = approvedOn.AddHours(30);

        using var approved = await reviewer.SubmitAsync(review, url, new Dictionary<string, string>
        {
            ["Comment"] = "Right for winter.", ["WholeArticleReviewed"] = "true", ["PublishAt"] = LocalInput(goesLive),
        }, "approve");
        var approvedPage = await HeadacheInfoFactory.ReadPageAsync(approved);

        Assert.Contains("goes live on", approvedPage.QuerySelector("[data-review-message]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Keep your neck warm", FileText("winter-advice"), StringComparison.Ordinal);
        Assert.DoesNotContain("Keep your neck warm", await PublicTextAsync("winter-advice"), StringComparison.Ordinal);
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var row = dashboard.QuerySelector("tr[data-slug='winter-advice']")!;
        Assert.Equal("scheduled", row.GetAttribute("data-status"));
        var minute = new DateTimeOffset(goesLive.Year, goesLive.Month, goesLive.Day, goesLive.Hour, goesLive.Minute, 0, TimeSpan.Zero);
        Assert.Equal(minute.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture), row.GetAttribute("data-scheduled-at"));
        Assert.Contains(TimeZoneInfo.ConvertTime(minute, London).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture),
            row.QuerySelector("[data-scheduled-time]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await RunPassAsync());

        site.Clock.Advance(TimeSpan.FromHours(31));
        await RunPassAsync();

        var file = FileText("winter-advice");
        Assert.Contains("Keep your neck warm", file, StringComparison.Ordinal);
        // Checked on the day the reviewer approved it, not the day it went live.
        Assert.Contains($"last_reviewed: {approvedOn.UtcDateTime:yyyy-MM-dd}", file, StringComparison.Ordinal);
        await Eventually.MatchesAsync(() => PublicTextAsync("winter-advice"), text => text.Contains("Keep your neck warm", StringComparison.Ordinal), "the scheduled change on the site");
        // A day later the reviewer signs in again (a session lasts a working day).
        using var nextDay = await SignedInAsync("later-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, history) = await nextDay.GetAsync("/staff/articles/winter-advice/history");
        Assert.Contains(history.QuerySelectorAll("tr[data-action='approved']"), r => r.TextContent.Contains("went live as scheduled", StringComparison.Ordinal));
        Assert.NotNull(history.QuerySelector("tr[data-action='scheduled']"));
        var (_, after) = await nextDay.GetAsync("/staff");
        Assert.Equal("published", after.QuerySelector("tr[data-slug='winter-advice']")?.GetAttribute("data-status"));

        // A second pass finds nothing more to do: once only.
        Assert.Equal(0, await RunPassAsync());
        Assert.Equal(1, await WithDatabaseAsync(db => db.ArticleRevisions.CountAsync(r => r.Slug == "winter-advice" && r.Action == RevisionActions.Approved)));
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.RevisionApproved && e.Detail.StartsWith("published winter-advice as scheduled"))));
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.RevisionScheduled && e.Actor == "later-reviewer@clinic.example")));
    }

    [Fact]
    public async Task A_scheduled_change_cancelled_from_the_dashboard_goes_back_to_waiting_for_review_and_never_goes_live()
    {
        using var author = await SignedInAsync("cancel-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("cancel-reviewer@clinic.example", StaffRoles.Reviewer);
        var (url, review) = await SendAsync(author, reviewer, "cancelled-change", "Words that should wait.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = LocalInput(site.Clock.GetUtcNow().AddHours(2)) }, "approve")).Dispose();
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        Assert.Equal("scheduled", dashboard.QuerySelector("tr[data-slug='cancelled-change']")?.GetAttribute("data-status"));

        // The cancel button in this article's own row.
        var form = dashboard.QuerySelector("tr[data-slug='cancelled-change'] form")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        fields["action"] = form.QuerySelector("button")!.GetAttribute("value")!;
        Assert.Equal("cancel-schedule", fields["action"]);
        using var cancelled = await reviewer.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = await HeadacheInfoFactory.ReadPageAsync(cancelled);

        Assert.Contains("back with the changes waiting for review", page.QuerySelector("[data-history-message]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("tr[data-action='schedule-cancelled']"));
        var (_, again) = await reviewer.GetAsync("/staff");
        Assert.Equal("waiting", again.QuerySelector("tr[data-slug='cancelled-change']")?.GetAttribute("data-status"));
        Assert.Equal("waiting", (await reviewer.GetAsync(url)).Page.QuerySelector("[data-review-state]")?.GetAttribute("data-review-state"));
        site.Clock.Advance(TimeSpan.FromHours(3));
        await RunPassAsync();
        Assert.DoesNotContain("Words that should wait.", FileText("cancelled-change"), StringComparison.Ordinal);
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.ScheduleCancelled && e.Detail.Contains("cancelled-change"))));
    }

    [Theory]
    [InlineData(-1, "has already passed")]
    [InlineData(null, "Enter the date and time")]
    public async Task A_time_in_the_past_or_that_cannot_be_read_is_refused_with_a_clear_message_and_the_comment_kept(int? hoursFromNow, string message)
    {
        using var author = await SignedInAsync($"past-author{hoursFromNow}@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync($"past-reviewer{hoursFromNow}@clinic.example", StaffRoles.Reviewer);
        var (url, review) = await SendAsync(author, reviewer, "too-late", Words(hoursFromNow));
        var typed = hoursFromNow is { } hours ? LocalInput(site.Clock.GetUtcNow().AddHours(hours)) : "next Tuesday at nine";

        using var refused = await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["Comment"] = "Looks right.", ["PublishAt"] = typed }, "approve");
        var page = await HeadacheInfoFactory.ReadPageAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-review-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Looks right.", page.QuerySelector("textarea[name=Comment]")?.TextContent.Trim());
        Assert.Equal(typed, page.QuerySelector("input[name=PublishAt]")?.GetAttribute("value"));
        Assert.Equal("waiting", page.QuerySelector("[data-review-state]")?.GetAttribute("data-review-state"));
        Assert.DoesNotContain(Words(hoursFromNow), FileText("too-late"), StringComparison.Ordinal);
        // Still waiting: the next reviewer's decision (here, now) works as usual.
        (await reviewer.SubmitAsync(page, url, new Dictionary<string, string> { ["PublishAt"] = "" }, "approve")).Dispose();
        Assert.Contains(Words(hoursFromNow), FileText("too-late"), StringComparison.Ordinal);

        static string Words(int? hours) => $"Late words, case {hours?.ToString(CultureInfo.InvariantCulture) ?? "unreadable"}.";
    }

    [Theory]
    [InlineData("1800-01-01T09:00", "has already passed")]
    [InlineData("0001-01-01T00:00", "has already passed")]
    [InlineData("9999-12-31T23:59", "within the next five years")]
    [InlineData("\u0662\u0660\u0662\u0667-01-01T09:00", "Enter the date and time")]
    public async Task A_take_down_date_from_long_ago_far_ahead_or_in_other_digits_is_refused_with_a_clear_message_not_an_error(string typed, string message)
    {
        using var reviewer = await SignedInAsync("odd-dates@clinic.example", StaffRoles.Reviewer);
        var (_, step) = await reviewer.GetAsync("/staff/articles/odd-dates/history?takedown=true");

        using var refused = await reviewer.SubmitAsync(step, "/staff/articles/odd-dates/history",
            new Dictionary<string, string> { ["Reason"] = "Testing odd dates.", ["TakeDownAt"] = typed }, "schedule-take-down");
        var page = await HeadacheInfoFactory.ReadPageAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, page.Body?.TextContent, StringComparison.Ordinal);
        Assert.Null((await WithDatabaseAsync(db => db.ArticleStates.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == "odd-dates")))?.TakeDownAt);
    }

    [Fact]
    public async Task A_take_down_date_takes_the_article_off_at_that_time_with_its_reason_and_a_cancelled_one_leaves_it_on()
    {
        using var reviewer = await SignedInAsync("offdate@clinic.example", StaffRoles.Reviewer);
        var at = site.Clock.GetUtcNow().AddHours(5);
        foreach (var slug in new[] { "seasonal-page", "kept-page" })
        {
            var (_, step) = await reviewer.GetAsync($"/staff/articles/{slug}/history?takedown=true");
            using var set = await reviewer.SubmitAsync(step, $"/staff/articles/{slug}/history",
                new Dictionary<string, string> { ["Reason"] = "Hay fever season is over.", ["TakeDownAt"] = LocalInput(at) }, "schedule-take-down");
            Assert.Contains("comes off the site on", (await HeadacheInfoFactory.ReadPageAsync(set)).QuerySelector("[data-history-message]")?.TextContent, StringComparison.Ordinal);
        }

        var (_, dashboard) = await reviewer.GetAsync("/staff");
        Assert.NotNull(dashboard.QuerySelector("tr[data-slug='seasonal-page']")?.GetAttribute("data-take-down-at"));
        Assert.Equal("published", dashboard.QuerySelector("tr[data-slug='seasonal-page']")?.GetAttribute("data-status"));
        var (_, kept) = await reviewer.GetAsync("/staff/articles/kept-page/history");
        using var cancelled = await reviewer.SubmitAsync(kept, "/staff/articles/kept-page/history", new Dictionary<string, string>(), "cancel-take-down");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(cancelled)).QuerySelector("[data-history-message]"));
        Assert.Equal(0, await RunPassAsync());
        Assert.True(File.Exists(Path.Combine(site.Content.ArticlesFolder, "seasonal-page.md")));

        site.Clock.Advance(TimeSpan.FromHours(6));
        await RunPassAsync();

        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "seasonal-page.md")));
        Assert.True(File.Exists(Path.Combine(site.Content.ArticlesFolder, "kept-page.md")));
        var (_, history) = await reviewer.GetAsync("/staff/articles/seasonal-page/history");
        Assert.Contains(history.QuerySelectorAll("tr[data-action='unpublished']"), r => r.TextContent.Contains("Hay fever season is over.", StringComparison.Ordinal));
        await Eventually.MatchesAsync(() => PublicTextAsync("seasonal-page"), text => text == "(NotFound)", "the article off the site");
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.ArticleUnpublished && e.Detail.Contains("seasonal-page"))));
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.TakeDownCancelled && e.Detail.Contains("kept-page"))));
        Assert.Equal(0, await RunPassAsync());
    }

    [Fact]
    public async Task A_scheduled_change_is_not_published_over_a_newer_published_text_and_the_dashboard_says_why()
    {
        using var author = await SignedInAsync("meanwhile-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("meanwhile-reviewer@clinic.example", StaffRoles.Reviewer);
        var (url, review) = await SendAsync(author, reviewer, "changed-meanwhile", "The scheduled words.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = LocalInput(site.Clock.GetUtcNow().AddHours(1)) }, "approve")).Dispose();
        // The published text changes meanwhile (here, on the server).
        var newer = FileText("changed-meanwhile").Replace("A headache that starts in the neck.", "An urgent correction.", StringComparison.Ordinal);
        site.Content.Write("changed-meanwhile.md", newer);

        site.Clock.Advance(TimeSpan.FromHours(2));
        await RunPassAsync();

        Assert.Equal(newer, FileText("changed-meanwhile"));
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var row = dashboard.QuerySelector("tr[data-slug='changed-meanwhile']")!;
        Assert.Equal("scheduled-failed", row.GetAttribute("data-status"));
        Assert.Contains("changed after this was approved", row.QuerySelector("[data-schedule-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.ScheduleFailed && e.Detail.StartsWith("changed-meanwhile"))));
        Assert.Equal(0, await RunPassAsync());
        Assert.Equal(newer, FileText("changed-meanwhile"));
    }

    /// <summary>Presses a button in one row of the article's history page, as a person does; returns the page it answered with.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PressInHistoryAsync(StaffClient client, string slug, string rowSelector, string button)
    {
        var (_, history) = await client.GetAsync($"/staff/articles/{slug}/history");
        var form = (rowSelector.Length == 0 ? history.QuerySelectorAll("main form") : history.QuerySelectorAll($"{rowSelector} form"))
            .First(f => f.QuerySelector($"button[value='{button}']") is not null);
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        fields["action"] = button;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? $"/staff/articles/{slug}/history" : form.GetAttribute("action")!;
        using var pressed = await client.Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
        return await HeadacheInfoFactory.ReadPageAsync(pressed);
    }

    [Fact]
    public async Task A_cancelled_scheduled_change_restored_by_someone_else_still_cannot_be_approved_by_the_reviewer_who_wrote_it()
    {
        // The writer is a reviewer too: the one person who must never sign off these words.
        using var writer = await SignedInAsync("restored-writer@clinic.example", StaffRoles.Reviewer);
        using var reviewer = await SignedInAsync("restored-reviewer@clinic.example", StaffRoles.Reviewer);
        using var other = await SignedInAsync("restored-other@clinic.example", StaffRoles.Author);
        var (url, review) = await SendAsync(writer, reviewer, "restored-schedule", "Words only their writer has checked since.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = LocalInput(site.Clock.GetUtcNow().AddHours(2)) }, "approve")).Dispose();
        // Another author starts a change meanwhile; the scheduled one is cancelled, and that newer change is approved.
        var (_, edit) = await other.GetAsync("/staff/articles/restored-schedule/edit");
        (await other.SubmitAsync(edit, "/staff/articles/restored-schedule/edit",
            new Dictionary<string, string> { ["Body"] = "## What it is\n\nA small correction.\n" }, "save-draft")).Dispose();
        var cancelled = await PressInHistoryAsync(reviewer, "restored-schedule", string.Empty, "cancel-schedule");
        Assert.Contains("change being written now carries on", cancelled.QuerySelector("[data-history-message]")?.TextContent, StringComparison.Ordinal);
        await WorkflowSteps.SendAsync(other, "restored-schedule", "## What it is\n\nA small correction.\n");
        await WorkflowSteps.DecideAsync(reviewer, "restored-schedule", "approve", "Fine.");
        Assert.Contains("A small correction.", FileText("restored-schedule"), StringComparison.Ordinal);

        // The other author restores the cancelled scheduled text, never published, and sends it.
        var restored = await PressInHistoryAsync(other, "restored-schedule", "tr[data-action='scheduled']", "restore");
        Assert.Contains("is now a draft", restored.QuerySelector("[data-history-message]")?.TextContent, StringComparison.Ordinal);
        var (_, draft) = await other.GetAsync("/staff/articles/restored-schedule/edit");
        Assert.Contains("Words only their writer has checked since.", draft.QuerySelector("textarea[name='Body']")?.TextContent, StringComparison.Ordinal);
        (await other.SubmitAsync(draft, "/staff/articles/restored-schedule/edit", new Dictionary<string, string>(), "submit-for-review")).Dispose();

        // Its writer is not offered it to review, but opens it by its address (from the other reviewer's list) and approves their own words.
        var (_, writersDashboard) = await writer.GetAsync("/staff");
        Assert.Null(writersDashboard.QuerySelector("[data-work='to-review'] li[data-slug='restored-schedule'] a"));
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var link = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='restored-schedule'] a")!.GetAttribute("href")!;
        var (_, ownReview) = await writer.GetAsync(link);
        Assert.Null(ownReview.QuerySelector("button[value='approve']"));
        // No button for them: they post the decision by hand, with their own page's antiforgery token.
        var token = ownReview.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var approved = await writer.Http.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("action", "approve"), new("Comment", "Looks right to me.")]));

        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        Assert.DoesNotContain("Words only their writer has checked since.", FileText("restored-schedule"), StringComparison.Ordinal);
        Assert.Equal(1, await WithDatabaseAsync(db => db.ArticleRevisions.CountAsync(r => r.Slug == "restored-schedule" && r.Action == RevisionActions.Approved)));
    }

    [Fact]
    public async Task A_change_approved_for_later_by_someone_no_longer_a_reviewer_when_it_is_due_does_not_go_live_and_the_dashboard_says_why()
    {
        using var author = await SignedInAsync("gone-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("gone-reviewer@clinic.example", StaffRoles.Reviewer);
        using var colleague = await SignedInAsync("gone-colleague@clinic.example", StaffRoles.Reviewer);
        var (url, review) = await SendAsync(author, reviewer, "reviewer-gone", "Signed off by someone who has since lost the role.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = LocalInput(site.Clock.GetUtcNow().AddHours(2)) }, "approve")).Dispose();
        // An admin takes the reviewer role away before the time comes (their sign-off can no longer be trusted).
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("gone-reviewer@clinic.example"))!;
            await users.RemoveFromRoleAsync(user, StaffRoles.Reviewer);
            await users.AddToRoleAsync(user, StaffRoles.Author);
        }

        site.Clock.Advance(TimeSpan.FromHours(3));
        await RunPassAsync();

        Assert.DoesNotContain("Signed off by someone who has since lost the role.", FileText("reviewer-gone"), StringComparison.Ordinal);
        var (_, dashboard) = await colleague.GetAsync("/staff");
        var row = dashboard.QuerySelector("tr[data-slug='reviewer-gone']")!;
        Assert.Equal("scheduled-failed", row.GetAttribute("data-status"));
        Assert.Contains("no longer a reviewer", row.QuerySelector("[data-schedule-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Event == AuditEvents.ScheduleFailed && e.Detail.StartsWith("reviewer-gone"))));
    }
}

/// <summary>A site that was down when a change was due publishes it as it starts.</summary>
public sealed class ScheduledPublishingCatchUpTests
{
    [Fact]
    public async Task A_site_started_after_the_time_publishes_the_due_change_at_start()
    {
        using var first = new HeadacheInfoFactory().WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        first.WithServices(services => services.AddSingleton<TimeProvider>(new ManualClock()));
        first.Content.WriteArticle("catch-up", "Catch up");
        await StaffSeeding.AddAsync(first, "catchup-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(first, "catchup-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = new StaffClient(first);
        (await author.SignInAsync("catchup-author@clinic.example", StaffSeeding.Password)).Dispose();
        using var reviewer = new StaffClient(first);
        (await reviewer.SignInAsync("catchup-reviewer@clinic.example", StaffSeeding.Password)).Dispose();
        var (url, review) = await ScheduledPublishingTests.SendAsync(author, reviewer, "catch-up", "Published while the site was down.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = ScheduledPublishingTests.LocalInput(DateTimeOffset.UtcNow.AddHours(1)) }, "approve")).Dispose();
        var file = Path.Combine(first.Content.ArticlesFolder, "catch-up.md");
        Assert.DoesNotContain("Published while the site was down.", File.ReadAllText(file), StringComparison.Ordinal);

        // Another instance started two hours later, on the same database and content folder: the first one's
        // clock never reaches the time, so only a pass at the new one's start can publish it.
        var later = new ManualClock();
        later.Advance(TimeSpan.FromHours(2));
        using var second = new HeadacheInfoFactory()
            .WithSetting("Content:Path", first.Content.Root)
            .WithSetting("Data:Path", first.DataFolder)
            .WithServices(services => services.AddSingleton<TimeProvider>(later));
        _ = second.Services;

        await Eventually.MatchesAsync(() => Task.FromResult(File.ReadAllText(file)),
            text => text.Contains("Published while the site was down.", StringComparison.Ordinal), "the due change published at start");
    }
}

/// <summary>Two instances on one PostgreSQL database, both running passes at once: the change goes live once.</summary>
[Collection(PostgresGroup.Name)]
public sealed class ScheduledPublishingPostgresTests(PostgresCluster postgres)
{
    [PostgresFact]
    public async Task Two_instances_running_passes_at_the_same_time_publish_a_due_change_exactly_once()
    {
        var clock = new ManualClock();
        var connection = await postgres.CreateDatabaseAsync();
        using var first = new HeadacheInfoFactory()
            .WithSetting("RateLimiting:SignIn:PermitLimit", "10000")
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Staff", connection)
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        first.Content.WriteArticle("twice-over", "Twice over");
        // The second instance shares the database and the content folder (one folder until instances share files otherwise).
        using var second = new HeadacheInfoFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Staff", connection)
            .WithSetting("Content:Path", first.Content.Root)
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        await StaffSeeding.AddAsync(first, "pg-sched-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(first, "pg-sched-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = new StaffClient(first);
        (await author.SignInAsync("pg-sched-author@clinic.example", StaffSeeding.Password)).Dispose();
        using var reviewer = new StaffClient(first);
        (await reviewer.SignInAsync("pg-sched-reviewer@clinic.example", StaffSeeding.Password)).Dispose();
        var (url, review) = await ScheduledPublishingTests.SendAsync(author, reviewer, "twice-over", "Only once, please.");
        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string> { ["PublishAt"] = ScheduledPublishingTests.LocalInput(clock.GetUtcNow().AddMinutes(10)) }, "approve")).Dispose();
        await second.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;

        clock.Advance(TimeSpan.FromMinutes(11));
        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Services.GetRequiredService<ScheduledPublisher>().RunDueAsync())));

        // A pass on a real 30-second tick may have done it first; either way, no two passes did.
        Assert.True(passes.Sum() <= 1, $"{passes.Sum()} passes published it");
        Assert.Contains("Only once, please.", File.ReadAllText(Path.Combine(first.Content.ArticlesFolder, "twice-over.md")), StringComparison.Ordinal);
        await using var scope = first.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        Assert.Equal(1, await database.ArticleRevisions.CountAsync(r => r.Slug == "twice-over" && r.Action == RevisionActions.Approved));
        Assert.Equal(1, await database.AuditEvents.CountAsync(e => e.Event == AuditEvents.RevisionApproved && e.Detail.StartsWith("published twice-over as scheduled")));
        Assert.Equal(0, await database.AuditEvents.CountAsync(e => e.Event == AuditEvents.ScheduleFailed));
    }
}
