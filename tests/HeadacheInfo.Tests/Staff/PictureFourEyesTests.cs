using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// A picture is part of the text that first shows it: whoever uploaded it counts as a writer of that change,
/// so no picture reaches patients approved only by the person who uploaded it.
/// </summary>
public sealed class PictureFourEyesTests(PictureFourEyesTests.Site site) : IClassFixture<PictureFourEyesTests.Site>
{
    /// <summary>A real 1 by 1 pixel PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("uploaders-own", "The uploader's own draft");
            Content.WriteArticle("shows-it", "Shows the picture");
        }
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    [Fact]
    public async Task A_reviewer_who_uploaded_a_picture_cannot_approve_the_change_that_first_shows_it_and_the_review_page_names_them()
    {
        using var reviewer = await SignedInAsync("uploading-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = await SignedInAsync("showing-author@clinic.example", StaffRoles.Author);

        // The reviewer uploads a picture into a draft of their own, and never sends it.
        var (_, own) = await reviewer.GetAsync("/staff/articles/uploaders-own/edit");
        using (var uploaded = await reviewer.SubmitAsync(own, "/staff/articles/uploaders-own/edit",
            new Dictionary<string, string> { ["Body"] = "## What it is\n\nWords.", ["PictureAlt"] = "A neck from the side" },
            button: "upload-picture", files: new Dictionary<string, (string, byte[])> { ["Picture"] = ("dodge.png", Png) }))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        // An author's change to another article shows it.
        await WorkflowSteps.SendAsync(author, "shows-it", "## What it is\n\nWords.\n\n![A neck from the side](/images/dodge.png)\n");

        // The reviewer opens that change: it names them as a writer, with the picture, and their approval is refused.
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var link = $"/staff/reviews/{queue.QuerySelector("[data-slug='shows-it']")!.GetAttribute("data-revision")}";
        var (_, review) = await reviewer.GetAsync(link);
        Assert.Contains("uploading-reviewer (Clinical reviewer)", review.QuerySelector("[data-contributors]")!.TextContent, StringComparison.Ordinal);
        var picture = review.QuerySelector("[data-pictures-going-live] [data-picture='dodge.png']");
        Assert.NotNull(picture);
        Assert.Contains("uploading-reviewer (Clinical reviewer)", picture!.TextContent, StringComparison.Ordinal);

        // No approve button is offered; a hand-made approval is refused all the same.
        Assert.Null(review.QuerySelector("button[value='approve']"));
        var token = review.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var approved = await reviewer.Http.PostAsync(new Uri(link, UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "approve"), new("Comment", "Looks right.")]));
        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        Assert.DoesNotContain("dodge.png", File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, "shows-it.md")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Content.Root, "images", "dodge.png")));
    }
}
