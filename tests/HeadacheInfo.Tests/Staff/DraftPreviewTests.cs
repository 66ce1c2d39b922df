using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The preview in the editor and on the review page is the article page's own markup: the review line, the
/// references, the related articles and "How this page was made", as patients will see them.
/// </summary>
public sealed class DraftPreviewTests(DraftPreviewTests.Site site) : IClassFixture<DraftPreviewTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("neck-stretches", "Neck stretches", "self-care");
            Content.WriteArticle("sleeping-well", "Sleeping well", "self-care");
        }
    }

    private Task<StaffClient> SignedInAsync(string email, string role) => StaffSeeding.SignedInAsync(site, email, role);

    [Fact]
    public async Task The_editor_preview_shows_the_references_related_articles_and_how_the_page_was_made()
    {
        using var author = await SignedInAsync("preview-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var previewed = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["References"] = "NHS. Neck pain. nhs.uk\nJull G, et al. Spine 2002.", ["Body"] = "## Stretches\n\nMove your neck gently.\n" }, "preview");
        var page = await HeadacheInfoFactory.ReadPageAsync(previewed);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = page.QuerySelector("[data-preview]")!;
        Assert.Equal("References", preview.QuerySelector(".references h2")?.TextContent);
        Assert.Equal(["NHS. Neck pain. nhs.uk", "Jull G, et al. Spine 2002."], preview.QuerySelectorAll(".references li").Select(li => li.TextContent));
        Assert.Equal("pending", preview.QuerySelector("[data-clinical-review]")?.GetAttribute("data-clinical-review"));
        Assert.NotNull(preview.QuerySelector("[data-how-made]"));
        Assert.Contains(preview.QuerySelectorAll(".related a"), a => a.GetAttribute("href") == "/articles/sleeping-well");
        // The preview is not a place to leave feedback for the live page.
        Assert.Null(preview.QuerySelector("form"));
    }

    [Fact]
    public async Task The_review_page_preview_shows_the_references_the_reviewer_is_signing_off()
    {
        using var author = await SignedInAsync("review-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/sleeping-well/edit");
        (await author.SubmitAsync(form, "/staff/articles/sleeping-well/edit",
            new Dictionary<string, string> { ["References"] = "NICE. Headaches in over 12s. CG150.", ["Body"] = "## Sleep\n\nA low pillow helps.\n" }, "submit-for-review")).Dispose();
        using var reviewer = await SignedInAsync("review-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");

        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{queue.QuerySelector("[data-slug='sleeping-well']")!.GetAttribute("data-revision")}");

        Assert.Equal(["NICE. Headaches in over 12s. CG150."], review.QuerySelectorAll("[data-preview] .references li").Select(li => li.TextContent));
        Assert.NotNull(review.QuerySelector("[data-preview] [data-how-made]"));
    }
}
