using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// "How this page was made" for patients: roles only, the clinician's sign-off, the sources, and a change log
/// built from the author's "What changed, for readers" line, public only once a reviewer approves the change.
/// </summary>
public sealed class HowThisPageWasMadeTests(HowThisPageWasMadeTests.Site site) : IClassFixture<HowThisPageWasMadeTests.Site>
{
    private const string ReviewerTitle = "Consultant physiotherapist";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.CopyShippedArticles();
            Content.WriteArticle("pins-and-needles", "Pins and needles");
            for (var i = 0; i < 12; i++)
            {
                Content.WriteArticle($"attack-{i}", $"Attack {i}");
            }
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.DisplayName = role == StaffRoles.Reviewer ? "Doctor Jane Realname" : "Sam Writerperson";
            user.RoleTitle = role == StaffRoles.Reviewer ? ReviewerTitle : string.Empty;
            await users.UpdateAsync(user);
        }

        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private static Task<IHtmlDocument> PublicPageAsync(HeadacheInfoFactory site, string slug) => site.GetPageAsync($"/articles/{slug}");

    /// <summary>The author changes the body and sends it with a reader note; the reviewer approves it from the review list. Returns the page the editor answered with.</summary>
    private async Task<IHtmlDocument> ChangeAndApproveAsync(string slug, string body, string readerNote)
    {
        using var author = await SignedInAsync("howmade-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("howmade-reviewer@clinic.example", StaffRoles.Reviewer);
        using var sent = await author.SubmitAsync($"/staff/articles/{slug}/edit",
            new Dictionary<string, string> { ["Body"] = body, ["ReaderNote"] = readerNote }, button: "submit-for-review");
        var sentPage = await HeadacheInfoFactory.ReadPageAsync(sent);
        if (sentPage.QuerySelector("[data-editor-problem]") is not null)
        {
            return sentPage;
        }

        var (_, list) = await reviewer.GetAsync("/staff/reviews");
        var id = list.QuerySelector($"[data-slug='{slug}']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        using var approved = await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Fine." }, button: "approve");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(approved)).QuerySelector("[data-review-message]"));
        return sentPage;
    }

    private static string Today => DateTime.UtcNow.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_article_page_ends_with_how_it_was_made_naming_roles_and_never_a_person()
    {
        using var author = await SignedInAsync("howmade-author@clinic.example", StaffRoles.Author);
        var list = await site.GetPageAsync("/articles");
        var slugs = list.QuerySelectorAll("main a[href^='/articles/']").Select(a => a.GetAttribute("href")!["/articles/".Length..])
            .Where(s => s.Length > 0 && !s.Contains('#', StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(slugs.Count > 10, $"only {slugs.Count} articles listed");

        foreach (var slug in slugs)
        {
            var page = await PublicPageAsync(site, slug);
            var article = page.QuerySelector("article.article")!;
            var section = article.QuerySelector("[data-how-made]");
            Assert.True(section is not null, $"{slug} has no 'How this page was made'");
            Assert.Same(section, article.Children[^1]);
            Assert.Equal("How this page was made", section.QuerySelector("h2")?.TextContent);
            Assert.DoesNotContain("@", section.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Realname", section.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Writerperson", section.TextContent, StringComparison.Ordinal);
            var signedOff = article.QuerySelector("[data-clinical-review]")!.GetAttribute("data-clinical-review");
            Assert.Equal(signedOff, section.QuerySelector("[data-how-made-sign-off]")!.GetAttribute("data-how-made-sign-off"));
            if (page.QuerySelector("#references-heading") is not null)
            {
                Assert.Equal("#references-heading", section.QuerySelector("[data-how-made-sources] a")?.GetAttribute("href"));
            }
        }

        // A shipped article has no log yet, and says so plainly.
        var shipped = await PublicPageAsync(site, slugs.First(s => !s.StartsWith("attack-", StringComparison.Ordinal) && s != "pins-and-needles"));
        Assert.Equal("none", shipped.QuerySelector("[data-how-made] [data-change-log]")?.GetAttribute("data-change-log"));
    }

    [Fact]
    public async Task A_reader_note_reaches_the_page_only_once_approved_dated_that_day_newest_first_and_a_minor_fix_adds_no_line()
    {
        using var author = await SignedInAsync("howmade-author@clinic.example", StaffRoles.Author);
        using var sent = await author.SubmitAsync("/staff/articles/pins-and-needles/edit", new Dictionary<string, string>
        {
            ["Body"] = "## What it is\n\nA headache that starts in the neck.\n\n## Pins and needles\n\nTingling in your arm can come from your neck.\n",
            ["ReaderNote"] = "added advice on pins and needles",
        }, button: "submit-for-review");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(sent)).QuerySelector("[data-editor-message]"));

        // Sent, not approved: patients see no note.
        Assert.DoesNotContain("pins and needles", (await PublicPageAsync(site, "pins-and-needles")).QuerySelector("[data-how-made]")!.TextContent, StringComparison.Ordinal);
        var (_, editor) = await author.GetAsync("/staff/articles/pins-and-needles/edit");
        Assert.Equal("added advice on pins and needles", editor.QuerySelector<IHtmlInputElement>("input[name=ReaderNote]")?.Value);

        using var reviewer = await SignedInAsync("howmade-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, list) = await reviewer.GetAsync("/staff/reviews");
        var id = list.QuerySelector("[data-slug='pins-and-needles']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        Assert.Contains("added advice on pins and needles", review.QuerySelector("[data-reader-note]")?.TextContent, StringComparison.Ordinal);
        (await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Good." }, button: "approve")).Dispose();

        var page = await Eventually.MatchesAsync(() => PublicPageAsync(site, "pins-and-needles"),
            p => p.QuerySelector("[data-how-made] ol[data-change-log]") is not null, "the change log on the page");
        var section = page.QuerySelector("[data-how-made]")!;
        Assert.Equal([$"{Today}: added advice on pins and needles"], section.QuerySelectorAll("[data-change-log] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("signed-off", page.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
        Assert.Contains(ReviewerTitle, section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clinic physiotherapy team", section.QuerySelector("[data-how-made-author]")!.TextContent, StringComparison.Ordinal);

        // A minor fix with no note adds no line; a later change with one goes on top.
        await ChangeAndApproveAsync("pins-and-needles", "## What it is\n\nA headache that starts in the neck.\n\n## Pins and needles\n\nTingling in your arm can come from the neck.\n", string.Empty);
        await ChangeAndApproveAsync("pins-and-needles", "## What it is\n\nA headache that starts in the neck.\n\n## Pins and needles\n\nTingling in your arm can come from the neck. See your GP if it lasts.\n",
            "said when to see your GP about tingling");
        page = await Eventually.MatchesAsync(() => PublicPageAsync(site, "pins-and-needles"),
            p => p.QuerySelectorAll("[data-how-made] [data-change-log] li").Length == 2, "two lines in the change log");
        Assert.Equal([$"{Today}: said when to see your GP about tingling", $"{Today}: added advice on pins and needles"],
            page.QuerySelectorAll("[data-how-made] [data-change-log] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("signed-off", page.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
    }

    public static TheoryData<int, string> Injections => new()
    {
        { 0, "fixed a typo\"\nreviewer: \"Dr Evil" },
        { 1, "reviewer: Dr Evil" },
        { 2, "---" },
        { 3, "<script>alert('x')</script><b>bold</b>" },
        { 4, "**bold** [a link](https://evil.example) # not a heading" },
        { 5, "\"quoted\" 'single' \\ back & ampersand: colon" },
        { 6, "- date: 2099-01-01\n  note: hacked" },
        { 7, "{ date: 2099-01-01, note: hacked }" },
        { 8, "draft: true" },
        { 9, "line one\u2028line two" },
        { 10, new string('x', 201) },
        { 11, "&lt;b&gt; review_fingerprint: 0 *alias &anchor !!binary" },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task A_reader_note_with_yaml_html_or_markdown_is_shown_as_plain_text_or_refused_and_never_changes_anything_else(int article, string note)
    {
        var slug = $"attack-{article}";
        var before = File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, $"{slug}.md"));
        var body = $"## What it is\n\nA headache that starts in the neck. Change {article}.\n";

        var answered = await ChangeAndApproveAsync(slug, body, note);

        if (note.IndexOfAny(['\n', '\u2028']) >= 0 || note.Length > 200)
        {
            // Refused with the reason; the author's words stay in the form, and nothing reaches the site.
            Assert.NotNull(answered.QuerySelector("[data-editor-problem]"));
            Assert.Contains("What changed, for readers", answered.QuerySelector("[data-editor-problem]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(note, answered.QuerySelector("input[name=ReaderNote]")?.GetAttribute("value"));
            Assert.Contains($"Change {article}.", answered.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")?.Value, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, $"{slug}.md")));
            return;
        }

        var page = await Eventually.MatchesAsync(() => PublicPageAsync(site, slug),
            p => p.QuerySelector("[data-how-made] ol[data-change-log]") is not null, "the change log on the page");
        var line = Assert.Single(page.QuerySelectorAll("[data-how-made] [data-change-log] li"));
        Assert.Equal($"{Today}: {note.Trim()}", line.TextContent.Trim());
        Assert.Empty(line.QuerySelectorAll("script, b, strong, a, h1, h2"));
        Assert.Empty(page.QuerySelectorAll("article script"));
        Assert.Equal("signed-off", page.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
        Assert.Contains(ReviewerTitle, page.QuerySelector("[data-clinical-review]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Evil", page.QuerySelector("footer.article-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".draft-label"));
        Assert.DoesNotContain("2099", page.QuerySelector("[data-how-made]")!.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).Aggregate(string.Empty, string.Concat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checker_refuses_a_change_log_typed_wrongly_or_dated_ahead_and_the_site_leaves_such_a_file_out()
    {
        using var author = await SignedInAsync("howmade-author@clinic.example", StaffRoles.Author);
        var valid = ArticleText.Valid("Typed log");
        site.Content.Write("typed-log.md", valid.Replace("draft: false", "draft: false\nchanges: \"not a list\"", StringComparison.Ordinal));
        site.Content.Write("ahead-log.md", valid.Replace("draft: false", "draft: false\nchanges:\n  - date: 2999-01-01\n    note: \"from the future\"", StringComparison.Ordinal));

        var (_, dashboard) = await Eventually.MatchesAsync(() => author.GetAsync("/staff"),
            d => d.Page.QuerySelector("tr[data-slug='typed-log']") is not null && d.Page.QuerySelector("tr[data-slug='ahead-log']") is not null, "both files on the dashboard");

        Assert.Equal("left-out", dashboard.QuerySelector("tr[data-slug='typed-log']")!.GetAttribute("data-status"));
        Assert.Contains("'changes' must be a list", dashboard.QuerySelector("tr[data-slug='typed-log']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(dashboard.QuerySelectorAll("tr[data-slug='ahead-log'] .findings li[data-severity='error']"),
            li => li.TextContent.Contains("dated 2999-01-01", StringComparison.Ordinal));
        using var response = await site.GetAsync("/articles/typed-log");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
