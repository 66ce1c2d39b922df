using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Workflow;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// What a writer sees in the editor and on the screens that compare two versions: checker lines counted in the
/// body box, and changes shown as the review page shows them, in words, with the Markdown behind a details
/// element and no fingerprint hashes.
/// </summary>
public sealed partial class WritersToolsTests(WritersToolsTests.Site site) : IClassFixture<WritersToolsTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("neck-stretches", "Neck stretches", "self-care");
            Content.WriteArticle("in-conflict", "In conflict");
            Content.WriteArticle("going-back", "Going back");
            Content.WriteArticle("dashboard-lines", "Dashboard lines", body: "## Before you start\n\nRead [this first](/articles/no-such-page) before you start.\n");
            Content.WriteArticle("raw-compared", "Raw compared");
        }
    }

    private Task<StaffClient> SignedInAsync(string email, string role) => StaffSeeding.SignedInAsync(site, email, role);

    private static async Task<IHtmlDocument> PressAsync(StaffClient client, IHtmlDocument page, string url, string button, Dictionary<string, string>? typed = null)
    {
        using var response = await client.SubmitAsync(page, url, typed ?? [], button);
        return await HeadacheInfoFactory.ReadPageAsync(response);
    }

    private string FileText(string slug) => File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, slug + ".md"));

    /// <summary>The sign-off fingerprint an approval wrote into the file, as the file has it.</summary>
    private string Fingerprint(string slug) => FingerprintLine().Match(FileText(slug)) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException($"{slug}.md has no review_fingerprint");

    [GeneratedRegex(@"^review_fingerprint:\s*""?([0-9a-f]+)""?", RegexOptions.Multiline)]
    private static partial Regex FingerprintLine();

    private static void AssertShownAsProse(IHtmlDocument page, string section, string added, string removed)
    {
        var shown = page.QuerySelector(section)!;
        Assert.Contains(shown.QuerySelectorAll("[data-prose-diff] ins[data-word-diff='added']"), w => w.TextContent.Contains(added, StringComparison.Ordinal));
        Assert.Contains(shown.QuerySelectorAll("[data-prose-diff] del[data-word-diff='removed']"), w => w.TextContent.Contains(removed, StringComparison.Ordinal));
        // The raw Markdown is there for whoever wants it, folded away.
        var details = shown.QuerySelector("details.raw-diff");
        Assert.NotNull(details);
        Assert.All(shown.QuerySelectorAll("[data-diff]"), line => Assert.NotNull(line.Closest("details")));
        Assert.Contains(details.QuerySelectorAll("[data-diff='added']"), l => l.TextContent.Contains(added, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checker_finding_gives_the_line_of_the_body_box_not_of_the_whole_file()
    {
        using var author = await SignedInAsync("lines-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");
        const string body = "## Stretches\n\nRead [this first](/articles/no-such-article) before you start.\n\nCall 999 if you feel faint.\n";

        var previewed = await PressAsync(author, form, "/staff/articles/neck-stretches/edit", "preview", new() { ["Body"] = body });
        var saved = await PressAsync(author, previewed, "/staff/articles/neck-stretches/edit", "save-draft");

        foreach (var page in new[] { previewed, saved })
        {
            var findings = page.QuerySelectorAll(".draft-check li[data-severity='error']").ToList();
            var link = Assert.Single(findings, f => f.TextContent.Contains("no-such-article", StringComparison.Ordinal));
            Assert.StartsWith("Error, line 3:", link.TextContent, StringComparison.Ordinal);
            Assert.Equal("3", link.GetAttribute("data-line"));
            Assert.Contains(findings, f => f.TextContent.StartsWith("Error, line 5:", StringComparison.Ordinal) && f.TextContent.Contains("999", StringComparison.Ordinal));
        }

        // Line 3 of the box is the line the writer sees there.
        Assert.Contains("no-such-article", saved.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name=Body]").Single().Value.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_in_the_front_matter_names_the_box_or_field_instead_of_a_line()
    {
        const string text = "---\ntitle: \"A title\"\nsummary: \"A summary\"\ncategory: \"signs\"\nnext_review: 2027-13-40\n---\n\n## Heading\n\nWords.\n";
        CheckFinding[] findings =
        [
            new(FindingSeverity.Error, 3, "the summary is wrong"),
            new(FindingSeverity.Error, 5, "next_review is not a date"),
            new(FindingSeverity.Error, 10, "a body finding"),
            new(FindingSeverity.Warning, null, "a finding about the whole article"),
        ];

        var placed = WriterFinding.Place(findings, text);

        Assert.Equal(["the Summary box", "the next_review field", "line 3", null], placed.Select(f => f.Where));
        Assert.Equal([null, null, 3, null], placed.Select(f => f.BodyLine));
    }

    [Fact]
    public async Task A_conflict_shows_the_other_version_as_prose_with_the_markdown_behind_details_and_no_fingerprint()
    {
        using var author = await SignedInAsync("conflict-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/in-conflict/edit");
        var fingerprint = Fingerprint("in-conflict");
        // Someone changes the file on disk meanwhile.
        site.Content.WriteArticle("in-conflict", "In conflict", body: "## Their words\n\nA sentence written on disk meanwhile.\n");

        var page = await PressAsync(author, form, "/staff/articles/in-conflict/edit", "save-draft",
            new() { ["Body"] = "## My words\n\nA sentence the author typed.\n" });

        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        AssertShownAsProse(page, "[data-conflict]", added: "typed", removed: "meanwhile");
        Assert.DoesNotContain(fingerprint, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("review_fingerprint", page.Body!.TextContent, StringComparison.Ordinal);
        // The form still carries what it started from, hidden, so keeping my version works.
        Assert.False(string.IsNullOrEmpty(page.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name=BaseHash]").SingleOrDefault()?.Value));
        Assert.NotNull(page.QuerySelector("button[value='keep-mine']"));
    }

    [Fact]
    public async Task The_put_back_step_shows_what_comes_back_as_prose_with_the_markdown_behind_details_and_no_fingerprint()
    {
        using var author = await SignedInAsync("going-back-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("going-back-reviewer@clinic.example", StaffRoles.Reviewer);
        foreach (var words in new[] { "The words approved first.", "Other text approved later." })
        {
            var (_, form) = await author.GetAsync("/staff/articles/going-back/edit");
            _ = await PressAsync(author, form, "/staff/articles/going-back/edit", "submit-for-review", new() { ["Body"] = $"## Words\n\n{words}\n" });
            var (_, queue) = await reviewer.GetAsync("/staff/reviews");
            var id = queue.QuerySelector("[data-slug='going-back']")!.GetAttribute("data-revision");
            var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
            _ = await PressAsync(reviewer, review, $"/staff/reviews/{id}", "approve");
        }

        var fingerprint = Fingerprint("going-back");
        var (_, history) = await reviewer.GetAsync("/staff/articles/going-back/history");
        var (_, step) = await reviewer.GetAsync(history.QuerySelector("a[data-put-back]")!.GetAttribute("href")!);

        AssertShownAsProse(step, "[data-put-back-confirm]", added: "first", removed: "later");
        Assert.DoesNotContain(fingerprint, step.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("review_fingerprint", step.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(step.QuerySelector("[data-put-back-confirm] button[value='rollback']"));
    }

    [Fact]
    public async Task The_dashboard_gives_a_checker_finding_the_line_of_the_body_box_not_of_the_whole_file()
    {
        using var author = await SignedInAsync("dashboard-lines-author@clinic.example", StaffRoles.Author);
        var (_, dashboard) = await author.GetAsync("/staff");

        var findings = dashboard.QuerySelectorAll("tr[data-slug='dashboard-lines'] .findings li").ToList();
        var link = Assert.Single(findings, f => f.TextContent.Contains("no-such-page", StringComparison.Ordinal));
        Assert.StartsWith("Error, line 3:", link.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("3", link.GetAttribute("data-line"));

        // Line 3 of the editor's body box is the line with the link.
        var (_, editor) = await author.GetAsync(dashboard.QuerySelector("tr[data-slug='dashboard-lines'] a[href$='/edit']")!.GetAttribute("href")!);
        Assert.Contains("no-such-page", editor.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name=Body]").Single().Value.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_page_and_history_s_view_and_compare_show_the_markdown_without_the_fingerprint()
    {
        using var author = await SignedInAsync("raw-compared-author@clinic.example", StaffRoles.Author);
        using var reviewer = await SignedInAsync("raw-compared-reviewer@clinic.example", StaffRoles.Reviewer);
        var published = Fingerprint("raw-compared");
        var (_, form) = await author.GetAsync("/staff/articles/raw-compared/edit");
        _ = await PressAsync(author, form, "/staff/articles/raw-compared/edit", "submit-for-review", new() { ["Body"] = "## Words\n\nA sentence the author changed.\n" });

        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var id = queue.QuerySelector("[data-slug='raw-compared']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        Assert.Contains(review.QuerySelectorAll("details.raw-diff [data-diff='added']"), l => l.TextContent.Contains("changed", StringComparison.Ordinal));
        Assert.DoesNotContain(published, review.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("review_fingerprint", review.Body!.TextContent, StringComparison.Ordinal);
        _ = await PressAsync(reviewer, review, $"/staff/reviews/{id}", "approve");

        var now = Fingerprint("raw-compared");
        var (_, history) = await reviewer.GetAsync("/staff/articles/raw-compared/history");
        var links = history.QuerySelectorAll("tr[data-action='submitted'] a").Where(a => a.TextContent is "View" or "Compare with published").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var (_, shown) = await reviewer.GetAsync(link);
            var section = shown.QuerySelector("[data-shown]")!;
            Assert.Contains("A sentence the author changed.", section.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(published, section.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(now, section.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("review_fingerprint", section.TextContent, StringComparison.Ordinal);
        }
    }
}
