using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>Staff reach the staff guide and the writing guide from the staff area, as the running version ships them.</summary>
public sealed class StaffGuideTests(StaffGuideTests.Site site) : IClassFixture<StaffGuideTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("guided", "Guided");
        }
    }

    [Fact]
    public async Task An_author_opens_the_staff_guide_from_the_navigation_and_the_writing_guide_from_it()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-author@clinic.example", StaffRoles.Author);
        var (_, dashboard) = await author.GetAsync("/staff");

        var staffLink = dashboard.QuerySelector("nav a[data-guide='staff']")!.GetAttribute("href")!;
        var (response, guide) = await author.GetAsync(staffLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Every word patients read has been signed off by a clinician who did not write it", guide.QuerySelector("[data-guide-text='staff']")!.TextContent, StringComparison.Ordinal);

        var writingLink = guide.QuerySelector("main a[data-guide='writing']")!.GetAttribute("href")!;
        var (writingResponse, writing) = await author.GetAsync(writingLink);

        Assert.Equal(HttpStatusCode.OK, writingResponse.StatusCode);
        Assert.Equal("Writing guide", writing.QuerySelector("h1")!.TextContent);
        Assert.NotNull(writing.QuerySelector("[data-guide-text='writing'] h2"));
    }

    [Fact]
    public async Task The_editor_links_the_writing_guide_and_a_link_between_the_guides_stays_in_the_staff_area()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-writer@clinic.example", StaffRoles.Author);
        var (_, editor) = await author.GetAsync("/staff/articles/new");

        var writingLink = editor.QuerySelector("main a[data-guide='writing']")!.GetAttribute("href")!;
        var (_, staffGuide) = await author.GetAsync("/staff/guide");
        var links = staffGuide.QuerySelectorAll("[data-guide-text='staff'] a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("/staff/guide/writing", writingLink);
        Assert.Contains("/staff/guide/writing", links);
        Assert.DoesNotContain(links, href => href is not null && href.Contains(".md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guide_that_does_not_exist_is_not_found_and_a_stranger_is_sent_to_sign_in()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-reader@clinic.example", StaffRoles.Author);
        using var stranger = new StaffClient(site);

        var (missing, _) = await author.GetAsync("/staff/guide/nothing-here");
        var (anonymous, _) = await stranger.GetAsync("/staff/guide");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/staff/sign-in", anonymous.Headers.Location!.AbsolutePath);
    }
}
