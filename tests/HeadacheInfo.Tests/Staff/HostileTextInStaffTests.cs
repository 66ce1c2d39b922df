using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// No saved draft and no file on disk can break the staff area: whatever the text, every staff page answers,
/// and the trouble shows as a checker problem the author can put right from the editor.
/// </summary>
public sealed class HostileTextInStaffTests(HostileTextInStaffTests.Site site) : IClassFixture<HostileTextInStaffTests.Site>
{
    /// <summary>Front matter YamlDotNet throws on with something other than a YamlException.</summary>
    public const string BrokenFrontMatter = "---\ntitle: [unclosed\nsummary: : : :\n  - {\ncategory: signs\n---\n\n## What it is\n\nWords.\n";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("deep-draft", "Deep draft");
            Content.WriteArticle("hand-broken", "Hand broken");
        }
    }

    private async Task<StaffClient> SignInAsync(string email)
    {
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private static async Task<IHtmlDocument> AnswersAsync(StaffClient client, string url)
    {
        var (response, page) = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return page;
    }

    [Fact]
    public async Task A_draft_nested_past_what_Markdown_can_read_is_saved_and_every_staff_page_still_answers_with_a_checker_problem()
    {
        await StaffSeeding.AddAsync(site, "deep-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "deep-reviewer@clinic.example", StaffRoles.Reviewer);
        var body = string.Concat(Enumerable.Repeat("*a ", 20000));
        using (var author = await SignInAsync("deep-author@clinic.example"))
        {
            var (_, editor) = await author.GetAsync("/staff/articles/deep-draft/edit");
            using var saved = await author.SubmitAsync(editor, "/staff/articles/deep-draft/edit", new Dictionary<string, string> { ["Body"] = body }, "save-draft");
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("nested too deeply", (await HeadacheInfoFactory.ReadPageAsync(saved)).Body!.TextContent, StringComparison.Ordinal);
        }

        foreach (var email in new[] { "deep-author@clinic.example", "deep-reviewer@clinic.example" })
        {
            using var staff = await SignInAsync(email);
            await AnswersAsync(staff, "/staff");
            await AnswersAsync(staff, "/staff/pictures");
            var editor = await AnswersAsync(staff, "/staff/articles/deep-draft/edit");
            Assert.Equal(body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(),
                editor.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        }
    }

    [Fact]
    public async Task A_hand_edit_whose_front_matter_cannot_be_read_leaves_its_edit_and_history_pages_and_the_dashboard_answering()
    {
        await StaffSeeding.AddAsync(site, "broken-reviewer@clinic.example", StaffRoles.Reviewer);
        using (var earlier = await SignInAsync("broken-reviewer@clinic.example"))
        {
            await AnswersAsync(earlier, "/staff");
        }

        site.Content.Write("hand-broken.md", BrokenFrontMatter);
        using var reviewer = await SignInAsync("broken-reviewer@clinic.example");
        await AnswersAsync(reviewer, "/staff");
        await AnswersAsync(reviewer, "/staff/articles/hand-broken/history");
        var editor = await AnswersAsync(reviewer, "/staff/articles/hand-broken/edit");
        Assert.Contains("title: [unclosed", editor.Body!.TextContent, StringComparison.Ordinal);
    }
}
