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
/// The whole content loop through the real forms: an author writes, previews and sends for review; a
/// reviewer reads the change and approves it; the file is written and patients see it. Nothing is lost.
/// </summary>
public sealed class ArticleWorkflowTests(ArticleWorkflowTests.Site site) : IClassFixture<ArticleWorkflowTests.Site>
{
    private const string Body = "## What it is\n\nA headache that starts in your neck. It is often on one side.\n\n::: urgent\nJaw pain when you chew.\n:::\n";

    public sealed class Site : HeadacheInfoFactory
    {
        /// <summary>The site's own article file store, which a test can make fail as a full disk or a lost power would.</summary>
        public FailingFileStore Files { get; private set; } = null!;

        public Site()
        {
            WithServices(services => services.AddSingleton<HeadacheInfo.Web.Articles.IArticleFileStore>(provider =>
                Files = new FailingFileStore(new HeadacheInfo.Web.Articles.ArticleFileStore(
                    provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeadacheInfo.Web.Articles.ContentOptions>>().Value.FullPath))));
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("existing", "Existing article");
            Content.WriteArticle("shared", "Shared article");
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private static Dictionary<string, string> Fields(string title, string body = Body, string? slug = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Summary"] = $"A short summary of {title}.",
            ["Category"] = "signs",
            ["References"] = "NHS. Headaches. nhs.uk",
            ["Author"] = "Physiotherapy content team",
            ["Body"] = body,
            ["Note"] = "Please check the warning signs.",
        };
        if (slug is not null)
        {
            fields["NewSlug"] = slug;
        }

        return fields;
    }

    /// <summary>The latest step taken on an article (not an edit recorded from outside the app, nor a confirmation).</summary>
    private async Task<ArticleRevision> LatestAsync(string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && r.Action != RevisionActions.OutsideEdit && r.Action != RevisionActions.Confirmed)
            .OrderByDescending(r => r.Id).FirstAsync();
    }

    private async Task<IReadOnlyList<ArticleRevision>> HistoryAsync(string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleQueries>().HistoryAsync(slug);
    }

    /// <summary>Saves a draft from an edit form loaded earlier, as a browser tab left open would.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SaveFromOpenFormAsync(
        StaffClient author, AngleSharp.Html.Dom.IHtmlDocument form, string slug, string title, string body)
    {
        var fields = form.QuerySelectorAll("main form.article-form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        fields["Title"] = title;
        fields["Summary"] = "Mine.";
        fields["Category"] = "signs";
        fields["Body"] = body;
        fields["action"] = "save-draft";
        using var saved = await author.Http.PostAsync(new Uri($"/staff/articles/{slug}/edit", UriKind.Relative), new FormUrlEncodedContent(fields));
        return await HeadacheInfoFactory.ReadPageAsync(saved);
    }

    private Task<HttpStatusCode> PublicStatusAsync(string slug) =>
        site.GetAsync($"/articles/{slug}").ContinueWith(t => { using var r = t.Result; return r.StatusCode; }, TaskScheduler.Default);

    [Fact]
    public async Task An_author_previews_with_the_site_pipeline_and_the_checker_findings()
    {
        using var author = await SignedInAsync("writer@clinic.example", StaffRoles.Author);

        using var preview = await author.SubmitAsync("/staff/articles/new", Fields("Preview me", Body + "\nCall 999 now.\n"), button: "preview");
        var page = await HeadacheInfoFactory.ReadPageAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("Preview me", page.QuerySelector("[data-preview] h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-preview] section[data-care-card='urgent']"));
        Assert.Contains(page.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("'999' is written out", StringComparison.Ordinal));
        Assert.Equal("Preview me", page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_staff_edit_putting_an_emergency_sign_in_an_info_card_is_refused_at_preview_send_and_approve()
    {
        var sign = HeadacheInfo.Web.SymptomCheck.SignCatalog.Find("thunderclap")!;
        var body = Body + $"\n::: info\n{sign.Label}: rest, and see your GP if it is still there next week.\n:::\n";
        using var author = await SignedInAsync("tiers@clinic.example", StaffRoles.Author);

        using var preview = await author.SubmitAsync("/staff/articles/new", Fields("Calm advice", body), button: "preview");
        var previewPage = await HeadacheInfoFactory.ReadPageAsync(preview);
        Assert.Contains(previewPage.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("'thunderclap'", StringComparison.Ordinal)
            && li.TextContent.Contains("'::: info' card", StringComparison.Ordinal));

        using var sent = await author.SubmitAsync("/staff/articles/new", Fields("Calm advice", body), button: "submit-for-review");
        var sentPage = await HeadacheInfoFactory.ReadPageAsync(sent);
        Assert.Contains("Fix the errors", sentPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(RevisionActions.Submitted, (await LatestAsync("calm-advice")).Action);

        // Even a change that reached the queue (sent before the rule, or by any other way in) cannot be approved.
        ArticleRevision queued;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            var saved = await LatestAsync("calm-advice");
            queued = new ArticleRevision
            {
                Slug = "calm-advice", Action = RevisionActions.Submitted, Text = saved.Text, BaseHash = string.Empty,
                Author = "tiers@clinic.example", At = DateTimeOffset.UtcNow,
            };
            database.ArticleRevisions.Add(queued);
            await database.SaveChangesAsync();
            var state = await database.ArticleStates.SingleAsync(s => s.Slug == "calm-advice");
            state.Status = ChangeStatus.Waiting;
            state.DraftRevisionId = queued.Id;
            await database.SaveChangesAsync();
        }

        using var reviewer = await SignedInAsync("tiers-reviewer@clinic.example", StaffRoles.Reviewer);
        using var approved = await reviewer.SubmitAsync($"/staff/reviews/{queued.Id}", new Dictionary<string, string> { ["Comment"] = "Fine." }, button: "approve");
        var approvedPage = await HeadacheInfoFactory.ReadPageAsync(approved);
        Assert.Contains("checker found errors", approvedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "calm-advice.md")));
    }

    [Fact]
    public async Task Write_submit_approve_and_patients_see_it_with_the_review_dates_and_reviewer_title()
    {
        using var author = await SignedInAsync("author1@clinic.example", StaffRoles.Author);
        using var submitted = await author.SubmitAsync("/staff/articles/new", Fields("Neck pain at night"), button: "submit-for-review");
        var submittedPage = await HeadacheInfoFactory.ReadPageAsync(submitted);
        Assert.True(submittedPage.QuerySelector("[data-editor-message]") is not null, $"{submitted.StatusCode} {submittedPage.QuerySelector("main")?.TextContent[..Math.Min(600, submittedPage.QuerySelector("main")?.TextContent.Length ?? 0)]}");
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync("neck-pain-at-night"));

        await StaffSeeding.AddAsync(site, "clinician@clinic.example", StaffRoles.Reviewer);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var clinician = (await users.FindByEmailAsync("clinician@clinic.example"))!;
            clinician.RoleTitle = "Senior musculoskeletal physiotherapist";
            await users.UpdateAsync(clinician);
        }

        using var reviewer = new StaffClient(site);
        (await reviewer.SignInAsync("clinician@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, list) = await reviewer.GetAsync("/staff/reviews");
        var id = list.QuerySelector("[data-slug='neck-pain-at-night']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        Assert.NotEmpty(review.QuerySelectorAll("ins[data-diff='added']"));
        Assert.Contains("Please check the warning signs.", review.Body!.TextContent, StringComparison.Ordinal);

        using var approved = await reviewer.SubmitAsync($"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Clinically correct." }, button: "approve");

        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(approved)).QuerySelector("[data-review-message]"));
        var file = File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, "neck-pain-at-night.md"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains($"last_reviewed: {today:yyyy-MM-dd}", file, StringComparison.Ordinal);
        Assert.Contains($"next_review: {today.AddMonths(12):yyyy-MM-dd}", file, StringComparison.Ordinal);
        Assert.Contains("reviewer: \"Senior musculoskeletal physiotherapist\"", file, StringComparison.Ordinal);
        Assert.DoesNotContain("@clinic.example", file, StringComparison.Ordinal);
        await Eventually.MatchesAsync(() => PublicStatusAsync("neck-pain-at-night"), s => s == HttpStatusCode.OK, "the approved article on the site");
        Assert.Equal(RevisionActions.Approved, (await LatestAsync("neck-pain-at-night")).Action);
    }

    [Fact]
    public async Task An_author_who_posts_approve_gets_403_and_nothing_changes()
    {
        using var author = await SignedInAsync("author2@clinic.example", StaffRoles.Author);
        (await author.SubmitAsync("/staff/articles/new", Fields("Not by me"), button: "submit-for-review")).Dispose();
        var waiting = await LatestAsync("not-by-me");
        using var other = await SignedInAsync("author3@clinic.example", StaffRoles.Author);

        var (page, form) = await other.GetAsync($"/staff/reviews/{waiting.Id}");
        var token = form.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await other.Http.PostAsync(new Uri($"/staff/reviews/{waiting.Id}", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "approve")]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "not-by-me.md")));
        Assert.Equal(waiting.Id, (await LatestAsync("not-by-me")).Id);
    }

    [Fact]
    public async Task A_reviewer_cannot_approve_their_own_change()
    {
        using var reviewer = await SignedInAsync("selfish@clinic.example", StaffRoles.Reviewer);
        (await reviewer.SubmitAsync("/staff/articles/new", Fields("My own change"), button: "submit-for-review")).Dispose();
        var waiting = await LatestAsync("my-own-change");
        var (_, page) = await reviewer.GetAsync($"/staff/reviews/{waiting.Id}");
        Assert.Null(page.QuerySelector("button[value='approve']"));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await reviewer.Http.PostAsync(new Uri($"/staff/reviews/{waiting.Id}", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "approve")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "my-own-change.md")));
    }

    [Fact]
    public async Task A_return_needs_a_comment_and_the_author_sees_it()
    {
        using var author = await SignedInAsync("author4@clinic.example", StaffRoles.Author);
        (await author.SubmitAsync("/staff/articles/new", Fields("Sent back"), button: "submit-for-review")).Dispose();
        var waiting = await LatestAsync("sent-back");
        using var reviewer = await SignedInAsync("reviewer4@clinic.example", StaffRoles.Reviewer);

        using var noComment = await reviewer.SubmitAsync($"/staff/reviews/{waiting.Id}", new Dictionary<string, string>(), button: "return");
        using var withComment = await reviewer.SubmitAsync($"/staff/reviews/{waiting.Id}", new Dictionary<string, string> { ["Comment"] = "Add the source for the second paragraph." }, button: "return");
        var (_, edit) = await author.GetAsync("/staff/articles/sent-back/edit");

        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(noComment)).QuerySelector("[data-review-problem]"));
        Assert.Equal(RevisionActions.Returned, (await LatestAsync("sent-back")).Action);
        Assert.Contains("Add the source for the second paragraph.", edit.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent back", edit.QuerySelector("input[name=Title]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_change_on_disk_after_the_form_was_opened_keeps_the_authors_text_and_shows_what_changed()
    {
        using var author = await SignedInAsync("author5@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/existing/edit");
        Assert.Equal("Existing article", form.QuerySelector("input[name=Title]")?.GetAttribute("value"));

        // Someone edits the file on disk meanwhile; the author then saves from the form opened before.
        site.Content.WriteArticle("existing", "Existing article, edited on disk");
        var page = await SaveFromOpenFormAsync(author, form, "existing", "Existing article, my version", "## My words\n\nThese must not be lost.\n");

        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Contains(page.QuerySelectorAll("[data-diff='removed']"), l => l.TextContent.Contains("edited on disk", StringComparison.Ordinal));
        Assert.Contains("These must not be lost.", (await LatestAsync("existing")).Text, StringComparison.Ordinal);
        Assert.Contains("edited on disk", File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, "existing.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_keeps_both_texts_and_shows_what_they_changed()
    {
        using var first = await SignedInAsync("author8@clinic.example", StaffRoles.Author);
        using var second = await SignedInAsync("author9@clinic.example", StaffRoles.Author);
        var (_, firstForm) = await first.GetAsync("/staff/articles/shared/edit");
        var (_, secondForm) = await second.GetAsync("/staff/articles/shared/edit");

        var firstSaved = await SaveFromOpenFormAsync(first, firstForm, "shared", "Shared article", "## First\n\nWords from the first author.\n");
        Assert.Null(firstSaved.QuerySelector("[data-conflict]"));
        var page = await SaveFromOpenFormAsync(second, secondForm, "shared", "Shared article", "## Second\n\nWords from the second author.\n");

        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Contains(page.QuerySelectorAll("[data-diff='removed']"), l => l.TextContent.Contains("Words from the first author.", StringComparison.Ordinal));
        var history = await HistoryAsync("shared");
        Assert.Contains(history, r => r.Text.Contains("Words from the first author.", StringComparison.Ordinal));
        Assert.Contains("Words from the second author.", (await LatestAsync("shared")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_between_writing_and_renaming_leaves_the_old_file_and_the_change_waiting()
    {
        site.Content.WriteArticle("steady", "Steady as it was");
        using var author = await SignedInAsync("author6@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/steady/edit");
        (await author.SubmitAsync("/staff/articles/steady/edit", new Dictionary<string, string> { ["Title"] = "Steady, changed" }, button: "submit-for-review")).Dispose();
        var waiting = await LatestAsync("steady");
        using var reviewer = await SignedInAsync("reviewer6@clinic.example", StaffRoles.Reviewer);

        site.Files.FailNextWrite("steady", "the machine lost power");
        var response = await reviewer.SubmitAsync($"/staff/reviews/{waiting.Id}", new Dictionary<string, string>(), button: "approve");

        using (response)
        {
            Assert.Contains("could not be written", (await HeadacheInfoFactory.ReadPageAsync(response)).QuerySelector("[data-review-problem]")?.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Steady as it was", File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, "steady.md")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(site.Content.ArticlesFolder, "*.tmp"));
        Assert.Equal(waiting.Id, (await LatestAsync("steady")).Id);
        Assert.Equal("Steady as it was", form.QuerySelector("input[name=Title]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_leaves_the_change_waiting_with_a_clear_message()
    {
        using var author = await SignedInAsync("author9@clinic.example", StaffRoles.Author);
        (await author.SubmitAsync("/staff/articles/new", Fields("Cannot be written"), button: "submit-for-review")).Dispose();
        var waiting = await LatestAsync("cannot-be-written");
        // A folder where the file should go: the rename fails, as it would on a read-only or full disk.
        Directory.CreateDirectory(Path.Combine(site.Content.ArticlesFolder, "cannot-be-written.md"));
        using var reviewer = await SignedInAsync("reviewer9@clinic.example", StaffRoles.Reviewer);

        using var response = await reviewer.SubmitAsync($"/staff/reviews/{waiting.Id}", new Dictionary<string, string>(), button: "approve");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("could not be written", page.QuerySelector("[data-review-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(waiting.Id, (await LatestAsync("cannot-be-written")).Id);
        Assert.Contains(site.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Could not publish cannot-be-written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_makes_a_new_draft_from_an_old_version_and_unpublish_keeps_the_history()
    {
        site.Content.WriteArticle("restorable", "First words");
        using var reviewer = await SignedInAsync("reviewer7@clinic.example", StaffRoles.Reviewer);
        await Eventually.MatchesAsync(async () => (await reviewer.GetAsync("/staff/articles/restorable/history")).Page.QuerySelectorAll("tr[data-action='outside-edit']").Length,
            n => n >= 1, "the file recorded as an edit made outside the app");
        var (_, history) = await reviewer.GetAsync("/staff/articles/restorable/history");
        var first = history.QuerySelector("tr[data-action='outside-edit']")!.GetAttribute("data-revision")!;

        using var restored = await reviewer.SubmitAsync("/staff/articles/restorable/history", new Dictionary<string, string> { ["RevisionId"] = first }, button: "restore");
        Assert.Equal(RevisionActions.Saved, (await LatestAsync("restorable")).Action);

        var (_, confirmStep) = await reviewer.GetAsync("/staff/articles/restorable/history?takedown=true");
        using var takenDown = await reviewer.SubmitAsync(confirmStep, "/staff/articles/restorable/history",
            new Dictionary<string, string> { ["Reason"] = "Replaced by a newer article." }, button: "unpublish");
        Assert.False(File.Exists(Path.Combine(site.Content.ArticlesFolder, "restorable.md")));
        await Eventually.MatchesAsync(() => PublicStatusAsync("restorable"), s => s == HttpStatusCode.NotFound, "the article off the site");
        await using var scope = site.Services.CreateAsyncScope();
        var revisions = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.Where(r => r.Slug == "restorable").ToListAsync();
        Assert.Contains(revisions, r => r.Action == RevisionActions.Unpublished && r.Text.Contains("First words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_optional_fields_still_preview_and_a_draft_survives_signing_out()
    {
        using var author = await SignedInAsync("author10@clinic.example", StaffRoles.Author);
        using var preview = await author.SubmitAsync("/staff/articles/new", new Dictionary<string, string>
        {
            ["Title"] = "Bare minimum",
            ["Summary"] = "Only what is needed.",
            ["Body"] = "## One\n\nText.",
            ["References"] = string.Empty,
            ["Author"] = string.Empty,
            ["Order"] = string.Empty,
        }, button: "save-draft");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        (await author.SubmitAsync("/staff/sign-out", new Dictionary<string, string>())).Dispose();

        using var again = new StaffClient(site);
        (await again.SignInAsync("author10@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, edit) = await again.GetAsync("/staff/articles/bare-minimum/edit");

        Assert.Equal("Bare minimum", edit.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Contains("Text.", edit.QuerySelector("textarea[name=Body]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_step_is_in_the_audit_log()
    {
        using var author = await SignedInAsync("author8@clinic.example", StaffRoles.Author);
        (await author.SubmitAsync("/staff/articles/new", Fields("Audited steps"), button: "save-draft")).Dispose();
        (await author.SubmitAsync("/staff/articles/audited-steps/edit", new Dictionary<string, string>(), button: "submit-for-review")).Dispose();

        await using var scope = site.Services.CreateAsyncScope();
        var events = (await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync()).Where(e => e.Actor == "author8@clinic.example").Select(e => e.Event);
        Assert.Contains(AuditEvents.RevisionSaved, events);
        Assert.Contains(AuditEvents.RevisionSubmitted, events);
    }
}

/// <summary>
/// The real article file store, which a test can arm to fail one write between writing the temporary file and
/// renaming it, as a crash would: the temporary file is written, then left, and the rename never happens.
/// </summary>
public sealed class FailingFileStore(HeadacheInfo.Web.Articles.IArticleFileStore inner) : HeadacheInfo.Web.Articles.IArticleFileStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    public string ContentRoot => inner.ContentRoot;

    public void FailNextWrite(string slug, string reason) => _failures[slug] = reason;

    public IReadOnlyList<(string Path, string File)> List(List<HeadacheInfo.Web.Articles.ContentProblem> problems) => inner.List(problems);

    public string? ReadText(string path, string file, List<HeadacheInfo.Web.Articles.ContentProblem> problems) => inner.ReadText(path, file, problems);

    public HeadacheInfo.Web.Articles.ArticleFileRead Read(string slug) => inner.Read(slug);

    public void Write(string slug, string text)
    {
        if (_failures.TryRemove(slug, out var reason))
        {
            throw new IOException(reason);
        }

        inner.Write(slug, text);
    }

    // The file's bytes are first written when an action checks the folder takes them, before it commits.
    public void CheckWritable(string slug, string text)
    {
        if (_failures.TryRemove(slug, out var reason))
        {
            throw new IOException(reason);
        }

        inner.CheckWritable(slug, text);
    }

    public void Delete(string slug) => inner.Delete(slug);

    // Itself, so an armed failure still happens when the publish log's applier writes.
    public HeadacheInfo.Web.Articles.IArticleFileStore Located() => this;
}
