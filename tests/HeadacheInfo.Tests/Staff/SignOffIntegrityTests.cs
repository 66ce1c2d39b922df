using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The clinical sign-off from the outside, as an attacker or a busy clinic would meet it: through the real
/// forms, each step from the page the last step returned. Nothing a reviewer did not see, and nothing its
/// reviewer wrote, reaches patients; the everyday flow raises no false alarm.
/// </summary>
public sealed class SignOffIntegrityTests(SignOffIntegrityTests.Site site) : IClassFixture<SignOffIntegrityTests.Site>
{
    private const string Body = "## What it is\n\nA headache that starts in your neck. It is often on one side.\n";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            // Written by hand, in the author's own style: a comment, spacing, a plain list.
            Content.Write("hand-written.md", """
                ---
                # Kept as the author wrote it.
                title: Hand written
                summary:    A page someone formatted their own way.
                category: signs
                last_reviewed: 2026-01-15
                next_review: 2027-01-15
                references:
                - NHS. Headaches. nhs.uk
                ---

                ## What it is

                The first sentence stays.

                The second sentence changes.
                """.Replace("\r\n", "\n", StringComparison.Ordinal));
            Content.WriteArticle("everyday", "Everyday article");
            Content.WriteArticle("shared-work", "Shared work");
            Content.WriteArticle("racing", "Racing");
            Content.WriteArticle("put-back", "Put back");
            Content.Write("in-a-folder/nested.md", ArticleText.Valid("Nested"));
            Content.Write("too-big.md", ArticleText.Valid("Too big", body: "## Big\n\n" + new string('a', 1_100_000)));
            // Keys quoted by hand, a reviewer claimed by hand: a sign-off must replace them, never add a second.
            Content.Write("quoted-keys.md", ArticleText.Valid("Quoted keys")
                .Replace("reviewer: Clinic medical lead", "\"reviewer\": \"Dr Fake, Consultant Neurologist\"", StringComparison.Ordinal)
                .Replace("draft: false", "'draft': false", StringComparison.Ordinal));
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private string? FileText(string relative)
    {
        var path = Path.Combine(site.Content.ArticlesFolder, relative);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static Dictionary<string, string> Fields(string title, string body = Body, string category = "signs") => new()
    {
        ["Title"] = title,
        ["Summary"] = $"A short summary of {title}.",
        ["Category"] = category,
        ["Body"] = body,
    };

    /// <summary>Presses a button on the page on screen, as a person does, and reads the page that comes back.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PressAsync(
        StaffClient client, IHtmlDocument page, string url, string button, Dictionary<string, string>? typed = null)
    {
        var response = await client.SubmitAsync(page, url, typed ?? [], button);
        return (response, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    private static async Task<long?> WaitingRevisionAsync(StaffClient reviewer, string slug)
    {
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        return long.TryParse(queue.QuerySelector($"[data-slug='{slug}']")?.GetAttribute("data-revision"), out var id) ? id : null;
    }

    [Fact]
    public async Task A_category_holding_a_second_YAML_document_never_publishes_text_the_reviewer_did_not_see()
    {
        const string hidden = "Advice: if your headache comes on suddenly, do not call anyone.";
        using var author = await SignedInAsync("yaml-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var fields = Fields("Second document");
        fields["Category"] = $"self-care\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\n--- #\n{hidden}";

        var (_, sent) = await PressAsync(author, form, "/staff/articles/new", "submit-for-review", fields);

        Assert.Contains("category", sent.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.OrdinalIgnoreCase);
        // Whatever reached the queue, a reviewer approving it cannot publish the hidden sentence.
        using var reviewer = await SignedInAsync("yaml-reviewer@clinic.example", StaffRoles.Reviewer);
        if (await WaitingRevisionAsync(reviewer, "second-document") is { } id)
        {
            var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
            Assert.DoesNotContain(hidden, review.QuerySelector("[data-preview]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
            (await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string>(), "approve")).Dispose();
        }

        Assert.DoesNotContain(hidden, FileText("second-document.md") ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title", "A title\nlast_reviewed: 2020-01-01", "one line")]
    [InlineData("Summary", "A summary\r\n--- #", "one line")]
    [InlineData("Summary", "A summary\u2028reviewer: Someone", "one line")]
    [InlineData("Summary", "A summary\u0085draft: false", "one line")]
    [InlineData("Category", "cures", "category")]
    public async Task Every_field_is_validated_and_the_authors_text_stays_in_the_form(string field, string value, string message)
    {
        using var author = await SignedInAsync($"fields-{field.ToLowerInvariant()}@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var fields = Fields($"Field check {field}", body: "## Mine\n\nWords I must not lose.\n");
        fields[field] = value;
        if (field == "Title")
        {
            fields["NewSlug"] = "field-check-title";
        }

        var (response, page) = await PressAsync(author, form, "/staff/articles/new", "save-draft", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Words I must not lose.", page.QuerySelector("textarea[name=Body]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_publishes_byte_for_byte_what_the_reviewer_read_but_for_the_review_fields()
    {
        var before = FileText("hand-written.md")!;
        using var author = await SignedInAsync("bytes-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/hand-written/edit");
        var body = form.QuerySelector("textarea[name=Body]")!.TextContent.Replace("The second sentence changes.", "The second sentence is new.", StringComparison.Ordinal);
        var (_, sent) = await PressAsync(author, form, "/staff/articles/hand-written/edit", "submit-for-review", new() { ["Body"] = body });
        Assert.NotNull(sent.QuerySelector("[data-editor-message]"));
        using var reviewer = await SignedInAsync("bytes-reviewer@clinic.example", StaffRoles.Reviewer);
        var id = await WaitingRevisionAsync(reviewer, "hand-written");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");

        var (_, approved) = await PressAsync(reviewer, review, $"/staff/reviews/{id}", "approve");

        Assert.NotNull(approved.QuerySelector("[data-review-message]"));
        var after = FileText("hand-written.md")!;
        static string[] Unreviewed(string text) => [.. text.Split('\n').Where(l => !l.StartsWith("last_reviewed:", StringComparison.Ordinal)
            && !l.StartsWith("next_review:", StringComparison.Ordinal) && !l.StartsWith("reviewer:", StringComparison.Ordinal) && !l.StartsWith("draft:", StringComparison.Ordinal)
            && !l.StartsWith("review_fingerprint:", StringComparison.Ordinal))];
        var changed = Unreviewed(before).Zip(Unreviewed(after)).Where(pair => pair.First != pair.Second).ToList();
        Assert.Equal(Unreviewed(before).Length, Unreviewed(after).Length);
        var only = Assert.Single(changed);
        Assert.Equal("The second sentence is new.", only.Second);
        Assert.Contains("# Kept as the author wrote it.", after, StringComparison.Ordinal);
        Assert.Contains("summary:    A page someone formatted their own way.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_who_wrote_a_draft_a_colleague_sent_cannot_approve_it_and_the_review_names_both()
    {
        using var writer = await SignedInAsync("draft-writer@clinic.example", StaffRoles.Reviewer);
        var (_, mine) = await writer.GetAsync("/staff/articles/shared-work/edit");
        var body = "## What it is\n\nThe reviewer's own words, saved as a draft.\n";
        (await writer.SubmitAsync(mine, "/staff/articles/shared-work/edit", new Dictionary<string, string> { ["Body"] = body }, "save-draft")).Dispose();

        using var colleague = await SignedInAsync("colleague@clinic.example", StaffRoles.Author);
        var (_, theirs) = await colleague.GetAsync("/staff/articles/shared-work/edit");
        Assert.Contains("draft-writer@clinic.example", theirs.QuerySelector("[data-editor-notice]")?.TextContent, StringComparison.Ordinal);
        var (_, sent) = await PressAsync(colleague, theirs, "/staff/articles/shared-work/edit", "submit-for-review");
        Assert.NotNull(sent.QuerySelector("[data-editor-message]"));

        var id = await WaitingRevisionAsync(writer, "shared-work");
        var (_, review) = await writer.GetAsync($"/staff/reviews/{id}");
        // People are named by name and role title, never by address (issue 34).
        Assert.Contains("draft-writer (", review.QuerySelector("[data-contributors]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("colleague (Author)", review.QuerySelector("[data-contributors]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@clinic.example", review.QuerySelector("[data-contributors]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(review.QuerySelector("button[value='approve']"));
        var token = review.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await writer.Http.PostAsync(new Uri($"/staff/reviews/{id}", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "approve")]));

        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.DoesNotContain("The reviewer's own words", FileText("shared-work.md"), StringComparison.Ordinal);
        using var other = await SignedInAsync("independent@clinic.example", StaffRoles.Reviewer);
        var (_, fresh) = await other.GetAsync($"/staff/reviews/{id}");
        var (_, approved) = await PressAsync(other, fresh, $"/staff/reviews/{id}", "approve");
        Assert.NotNull(approved.QuerySelector("[data-review-message]"));
        Assert.Contains("The reviewer's own words", FileText("shared-work.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/articles/everyday%0A/edit")]
    [InlineData("/staff/articles/no-such-article/edit")]
    public async Task An_edit_post_for_an_article_that_does_not_exist_is_404_and_writes_nothing(string url)
    {
        using var author = await SignedInAsync("slugs@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/everyday/edit");
        var token = form.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = Fields("Sneaked in");
        fields["__RequestVerificationToken"] = token;
        fields["action"] = "submit-for-review";

        using var response = await author.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Directory.EnumerateFiles(site.Content.ArticlesFolder), f => f.Contains('\n', StringComparison.Ordinal) || f.EndsWith("no-such-article.md", StringComparison.Ordinal));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.AnyAsync(r => r.Slug.Contains('\n') || r.Slug == "no-such-article"));
    }

    [Fact]
    public async Task A_new_article_slug_with_a_trailing_line_break_is_not_a_second_article()
    {
        using var author = await SignedInAsync("trailing@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var fields = Fields("Everyday again");
        fields["NewSlug"] = "everyday\n";

        var (_, page) = await PressAsync(author, form, "/staff/articles/new", "submit-for-review", fields);

        Assert.NotNull(page.QuerySelector("[data-editor-problem]"));
        Assert.Single(Directory.EnumerateFiles(site.Content.ArticlesFolder, "everyday*"));
    }

    [Fact]
    public async Task Preview_then_save_draft_then_send_for_review_raises_no_false_conflict_on_a_new_or_an_existing_article()
    {
        using var author = await SignedInAsync("everyday-author@clinic.example", StaffRoles.Author);
        foreach (var (url, slug, typed) in new[]
        {
            ("/staff/articles/new", "brand-new-article", Fields("Brand new article")),
            ("/staff/articles/everyday/edit", "everyday", new Dictionary<string, string> { ["Body"] = "## Changed\n\nA change to an everyday article.\n" }),
        })
        {
            var (_, form) = await author.GetAsync(url);
            var (_, previewed) = await PressAsync(author, form, url, "preview", typed);
            Assert.NotNull(previewed.QuerySelector("[data-preview]"));
            var (_, saved) = await PressAsync(author, previewed, url, "save-draft");
            Assert.Null(saved.QuerySelector("[data-editor-problem]"));
            Assert.Null(saved.QuerySelector("[data-conflict]"));
            Assert.Contains("Draft saved", saved.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
            var (_, sent) = await PressAsync(author, saved, url, "submit-for-review");

            Assert.Null(sent.QuerySelector("[data-editor-problem]"));
            Assert.Null(sent.QuerySelector("[data-conflict]"));
            Assert.Contains("Sent for review", sent.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
            await using var scope = site.Services.CreateAsyncScope();
            var actions = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions
                .Where(r => r.Slug == slug && r.Author == "everyday-author@clinic.example").OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
            Assert.Equal([RevisionActions.Saved, RevisionActions.Submitted], actions);
        }
    }

    [Fact]
    public async Task Nested_emphasis_is_saved_and_shown_as_a_checker_error_not_a_server_error()
    {
        using var author = await SignedInAsync("emphasis@clinic.example", StaffRoles.Author);
        var bomb = "## Stars\n\n" + new string('*', 20000) + "a" + new string('*', 20000) + "\n";
        var (_, form) = await author.GetAsync("/staff/articles/new");

        var (previewResponse, previewed) = await PressAsync(author, form, "/staff/articles/new", "preview", Fields("Nested emphasis", bomb));
        var (saveResponse, saved) = await PressAsync(author, previewed, "/staff/articles/new", "save-draft");

        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saveResponse.StatusCode);
        Assert.Contains(saved.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("nested too deeply", StringComparison.Ordinal));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.AnyAsync(r => r.Slug == "nested-emphasis" && r.Action == RevisionActions.Saved));
    }

    [Fact]
    public async Task A_body_of_thousands_of_headings_or_over_1_MB_is_refused_before_it_is_rendered_or_sent()
    {
        using var author = await SignedInAsync("cpu@clinic.example", StaffRoles.Author);
        var headings = "## Same\n\n" + string.Concat(Enumerable.Repeat("## Same\n\n", 2000));
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var (_, previewed) = await PressAsync(author, form, "/staff/articles/new", "preview", Fields("Many headings", headings));
        Assert.Contains(previewed.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("headings", StringComparison.Ordinal));

        var huge = "## Huge\n\n" + new string('a', 1_100_000) + "\n";
        var (_, sent) = await PressAsync(author, previewed, "/staff/articles/new", "submit-for-review", Fields("Very long", huge));
        Assert.Contains("1 MB", sent.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        using var reviewer = await SignedInAsync("cpu-reviewer@clinic.example", StaffRoles.Reviewer);
        Assert.Null(await WaitingRevisionAsync(reviewer, "very-long"));
        Assert.Null(await WaitingRevisionAsync(reviewer, "many-headings"));
    }

    [Fact]
    public async Task An_article_in_a_subfolder_is_edited_and_published_where_it_lives()
    {
        using var author = await SignedInAsync("folders@clinic.example", StaffRoles.Author);
        var (response, form) = await author.GetAsync("/staff/articles/nested/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nested", form.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        (await author.SubmitAsync(form, "/staff/articles/nested/edit", new Dictionary<string, string> { ["Title"] = "Nested, changed" }, "submit-for-review")).Dispose();
        using var reviewer = await SignedInAsync("folders-reviewer@clinic.example", StaffRoles.Reviewer);
        var id = await WaitingRevisionAsync(reviewer, "nested");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");

        (await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string>(), "approve")).Dispose();

        Assert.Contains("Nested, changed", FileText("in-a-folder/nested.md"), StringComparison.Ordinal);
        Assert.Null(FileText("nested.md"));
    }

    [Fact]
    public async Task A_file_the_site_refuses_is_refused_by_the_editor_too()
    {
        using var author = await SignedInAsync("refused@clinic.example", StaffRoles.Author);
        var before = FileText("too-big.md");
        var (_, form) = await author.GetAsync("/staff/articles/too-big/edit");

        var (_, page) = await PressAsync(author, form, "/staff/articles/too-big/edit", "submit-for-review", Fields("Too big, now small"));

        Assert.Contains("1 MB", page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, FileText("too-big.md"));
    }

    [Fact]
    public async Task Two_reviewers_approving_at_once_publish_once_and_the_second_is_told()
    {
        using var author = await SignedInAsync("race-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/racing/edit");
        (await author.SubmitAsync(form, "/staff/articles/racing/edit", new Dictionary<string, string> { ["Title"] = "Racing, changed" }, "submit-for-review")).Dispose();
        using var first = await SignedInAsync("race-one@clinic.example", StaffRoles.Reviewer);
        using var second = await SignedInAsync("race-two@clinic.example", StaffRoles.Reviewer);
        var id = await WaitingRevisionAsync(first, "racing");
        var (_, one) = await first.GetAsync($"/staff/reviews/{id}");
        var (_, two) = await second.GetAsync($"/staff/reviews/{id}");

        var results = await Task.WhenAll(
            PressAsync(first, one, $"/staff/reviews/{id}", "approve"),
            PressAsync(second, two, $"/staff/reviews/{id}", "approve"));

        Assert.Single(results, r => r.Page.QuerySelector("[data-review-message]") is not null);
        Assert.Single(results, r => r.Page.QuerySelector("[data-review-problem]") is not null);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.CountAsync(r => r.Slug == "racing" && r.Action == RevisionActions.Approved));
    }

    [Fact]
    public async Task A_sign_off_replaces_a_hand_quoted_field_and_never_writes_a_file_the_site_would_refuse()
    {
        using var reviewer = await SignedInAsync("quoted@clinic.example", StaffRoles.Reviewer);
        var (_, history) = await reviewer.GetAsync("/staff/articles/quoted-keys/history");

        (await reviewer.SubmitAsync(history, "/staff/articles/quoted-keys/history", new Dictionary<string, string>(), "confirm")).Dispose();

        var file = FileText("quoted-keys.md")!;
        Assert.DoesNotContain("Dr Fake", file, StringComparison.Ordinal);
        Assert.Single(file.Split('\n'), l => l.Contains("reviewer", StringComparison.Ordinal) && !l.StartsWith("review_fingerprint", StringComparison.Ordinal));
        await Eventually.MatchesAsync(async () => (await site.GetPageAsync("/articles/quoted-keys")).QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"),
            state => state == "signed-off", "the confirmed page, still served");
    }

    [Fact]
    public async Task A_new_article_keeps_the_address_it_was_first_saved_at_when_its_title_changes()
    {
        using var author = await SignedInAsync("renamer@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var (_, saved) = await PressAsync(author, form, "/staff/articles/new", "save-draft", Fields("Alpha test"));

        var (_, sent) = await PressAsync(author, saved, "/staff/articles/new", "submit-for-review", new() { ["Title"] = "Alpha test, revised" });

        Assert.Contains("Sent for review", sent.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var slugs = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions
            .Where(r => r.Author == "renamer@clinic.example").Select(r => r.Slug).Distinct().ToListAsync();
        Assert.Equal(["alpha-test"], slugs);
    }

    [Fact]
    public async Task A_decision_posted_for_a_revision_that_is_not_waiting_is_404_not_a_server_error()
    {
        using var reviewer = await SignedInAsync("not-waiting@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var token = queue.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await using var scope = site.Services.CreateAsyncScope();
        var notSubmitted = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions
            .Where(r => r.Action != RevisionActions.Submitted).Select(r => r.Id).FirstOrDefaultAsync();

        foreach (var id in new[] { notSubmitted, 999_999 })
        {
            using var response = await reviewer.Http.PostAsync(new Uri($"/staff/reviews/{id}", UriKind.Relative),
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "approve")]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_order_that_is_not_a_whole_number_is_said_so_and_the_text_stays()
    {
        using var author = await SignedInAsync("order@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/new");
        var fields = Fields("Order check", body: "## Mine\n\nWords to keep.\n");
        fields["Order"] = "abc";

        var (_, page) = await PressAsync(author, form, "/staff/articles/new", "save-draft", fields);

        Assert.Contains("whole number", page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Words to keep.", page.QuerySelector("textarea[name=Body]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_article_never_takes_over_a_draft_already_at_its_address()
    {
        using var first = await SignedInAsync("first-new@clinic.example", StaffRoles.Author);
        var (_, form) = await first.GetAsync("/staff/articles/new");
        (await first.SubmitAsync(form, "/staff/articles/new", Fields("Sleep and neck pain", "## Mine\n\nThe first author's words.\n"), "save-draft")).Dispose();
        using var second = await SignedInAsync("second-new@clinic.example", StaffRoles.Author);
        var (_, other) = await second.GetAsync("/staff/articles/new");

        var (_, page) = await PressAsync(second, other, "/staff/articles/new", "save-draft", Fields("Sleep and neck pain", "## Theirs\n\nOther words.\n"));

        Assert.Contains("already an article", page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        var (_, edit) = await first.GetAsync("/staff/articles/sleep-and-neck-pain/edit");
        Assert.Contains("The first author's words.", edit.QuerySelector("textarea[name=Body]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_typed_when_the_session_has_ended_is_shown_back_to_copy()
    {
        using var author = await SignedInAsync("signed-out@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/everyday/edit");
        // Signed out everywhere from another device.
        using var elsewhere = await SignedInAsync("signed-out@clinic.example", StaffRoles.Author);
        (await elsewhere.SubmitAsync("/staff/sign-out", new Dictionary<string, string>())).Dispose();

        var (response, page) = await PressAsync(author, form, "/staff/articles/everyday/edit", "save-draft",
            new() { ["Body"] = "## Careful\n\nWords typed for an hour.\n" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Words typed for an hour.", page.QuerySelector("[data-unsaved] #unsaved-the-article")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_a_version_back_shows_what_goes_back_first_and_then_puts_it_back()
    {
        using var author = await SignedInAsync("putback-page-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("putback-page-reviewer@clinic.example", StaffRoles.Reviewer);
        foreach (var words in new[] { "The words approved first.", "Words approved later." })
        {
            var (_, form) = await author.GetAsync("/staff/articles/put-back/edit");
            (await author.SubmitAsync(form, "/staff/articles/put-back/edit", new Dictionary<string, string> { ["Body"] = $"## Words\n\n{words}\n" }, "submit-for-review")).Dispose();
            var id = await WaitingRevisionAsync(reviewer, "put-back");
            var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
            (await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string>(), "approve")).Dispose();
        }

        var (_, history) = await reviewer.GetAsync("/staff/articles/put-back/history");
        Assert.Null(history.QuerySelector("button[value='rollback']"));
        var (_, step) = await reviewer.GetAsync(history.QuerySelector("a[data-put-back]")!.GetAttribute("href")!);
        Assert.Contains(step.QuerySelectorAll("[data-put-back-confirm] ins[data-diff='added']"), l => l.TextContent.Contains("The words approved first.", StringComparison.Ordinal));
        Assert.Contains("Words approved later.", FileText("put-back.md"), StringComparison.Ordinal);

        var (_, done) = await PressAsync(reviewer, step, "/staff/articles/put-back/history", "rollback");

        Assert.NotNull(done.QuerySelector("[data-history-message]"));
        Assert.Contains("The words approved first.", FileText("put-back.md"), StringComparison.Ordinal);
    }
}
