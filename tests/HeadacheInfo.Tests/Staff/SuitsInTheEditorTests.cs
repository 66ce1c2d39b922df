using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The editor has no field for <c>suits:</c>: a change made and approved through it leaves the line as it was
/// written, so the symptom-check results still point to the article.
/// </summary>
public sealed class SuitsInTheEditorTests(SuitsInTheEditorTests.Site site) : IClassFixture<SuitsInTheEditorTests.Site>
{
    private const string SuitsLine = "suits: [ physio, gp ]   # after a GP too";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.Write("neck-care.md", ArticleText.SignedOff("neck-care",
                ArticleText.Valid("Neck care", "self-care").Replace("draft: false\n", $"draft: false\n{SuitsLine}\n", StringComparison.Ordinal)));
        }
    }

    private Task<StaffClient> SignedInAsync(string email, string role) => StaffSeeding.SignedInAsync(site, email, role);

    [Fact]
    public async Task An_approved_change_keeps_the_suits_line_as_written_and_the_result_still_points_to_the_article()
    {
        using var author = await SignedInAsync("suits-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-care/edit");
        (await author.SubmitAsync(form, "/staff/articles/neck-care/edit",
            new Dictionary<string, string> { ["Title"] = "Caring for your neck", ["Body"] = "## What helps\n\nGentle movement helps.\n" }, "submit-for-review")).Dispose();
        using var reviewer = await SignedInAsync("suits-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var url = $"/staff/reviews/{queue.QuerySelector("[data-slug='neck-care']")!.GetAttribute("data-revision")}";
        var (_, review) = await reviewer.GetAsync(url);

        (await reviewer.SubmitAsync(review, url, new Dictionary<string, string>(), "approve")).Dispose();

        var file = File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, "neck-care.md"));
        Assert.Contains("title: \"Caring for your neck\"", file, StringComparison.Ordinal);
        Assert.Contains("\n" + SuitsLine + "\n", file, StringComparison.Ordinal);
        var client = site.CreateClient();
        var result = await Eventually.MatchesAsync(async () =>
            {
                var check = await site.GetPageAsync("/symptom-check", client);
                using var response = await FormSubmission.SubmitAsync(client, check.QuerySelector<IHtmlFormElement>("form.symptom-form")!, ["one-side", "starts-in-neck", "neck-movement"]);
                return await HeadacheInfoFactory.ReadPageAsync(response);
            },
            page => page.QuerySelector(".related-articles a[href='/articles/neck-care']")?.TextContent.Contains("Caring for your neck", StringComparison.Ordinal) == true,
            "the approved title in the physio result's articles");
        Assert.NotNull(result);
    }
}
