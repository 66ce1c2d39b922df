using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>Staff reach the writing guide (<c>/staff/guide</c>) and the staff guide from the staff area, as the running version ships them; the HTTPS steps are public.</summary>
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
    public async Task An_author_opens_the_writing_guide_from_the_dashboard_and_the_staff_guide_from_the_navigation()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-author@clinic.example", StaffRoles.Author);
        var (_, dashboard) = await author.GetAsync("/staff");

        var writingLink = dashboard.QuerySelector("main a[data-guide='writing']")!.GetAttribute("href")!;
        var (writingResponse, writing) = await author.GetAsync(writingLink);

        Assert.Equal("/staff/guide", writingLink);
        Assert.Equal(HttpStatusCode.OK, writingResponse.StatusCode);
        Assert.Equal("no-store", writingResponse.Headers.CacheControl?.ToString());
        Assert.Equal("Writing guide", writing.QuerySelector("h1")!.TextContent);
        var writingText = writing.QuerySelector("[data-guide-text='writing']")!.TextContent;
        foreach (var topic in new[] { "care card", "placeholder", "picture", "reference", "reading grade" })
        {
            Assert.Contains(topic, writingText, StringComparison.OrdinalIgnoreCase);
        }

        var staffLink = writing.QuerySelector("nav a[data-guide='staff']")!.GetAttribute("href")!;
        var (response, guide) = await author.GetAsync(staffLink);

        Assert.Equal("/staff/guide/staff", staffLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Staff guide", guide.QuerySelector("h1")!.TextContent);
        Assert.Contains("Every word patients read has been signed off by a clinician who did not write it", guide.QuerySelector("[data-guide-text='staff']")!.TextContent, StringComparison.Ordinal);

        var backToWriting = guide.QuerySelector("main a[data-guide='writing']")!.GetAttribute("href")!;
        var navToWriting = guide.QuerySelector("nav a[data-guide='writing']")!.GetAttribute("href")!;
        var (_, writingAgain) = await author.GetAsync(backToWriting);

        Assert.Equal("/staff/guide", backToWriting);
        Assert.Equal("/staff/guide", navToWriting);
        Assert.NotNull(writingAgain.QuerySelector("[data-guide-text='writing'] h2"));
    }

    [Fact]
    public async Task The_editor_links_the_writing_guide_and_a_link_between_the_guides_stays_in_the_staff_area()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-writer@clinic.example", StaffRoles.Author);
        var (_, editor) = await author.GetAsync("/staff/articles/new");

        var writingLink = editor.QuerySelector("main a[data-guide='writing']")!.GetAttribute("href")!;
        var (_, staffGuide) = await author.GetAsync("/staff/guide/staff");
        var links = staffGuide.QuerySelectorAll("[data-guide-text='staff'] a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("/staff/guide", writingLink);
        Assert.Contains(links, href => href is not null && (href == "/staff/guide" || href.StartsWith("/staff/guide#", StringComparison.Ordinal)));
        Assert.DoesNotContain(links, href => href is not null && href.Contains(".md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_old_writing_guide_address_still_shows_the_writing_guide()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "guide-bookmark@clinic.example", StaffRoles.Author);

        var (response, writing) = await author.GetAsync("/staff/guide/writing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Writing guide", writing.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Anyone_may_read_the_HTTPS_steps_but_the_other_guides_still_need_a_sign_in()
    {
        using var stranger = new StaffClient(site);

        var (https, steps) = await stranger.GetAsync("/staff/guide/https");
        var (writing, _) = await stranger.GetAsync("/staff/guide");
        var (staff, _) = await stranger.GetAsync("/staff/guide/staff");

        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Contains("deploy/install.sh", steps.QuerySelector("[data-guide-text='https']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, writing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
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
