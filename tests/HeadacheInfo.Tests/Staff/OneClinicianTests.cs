using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// A small clinic: an author is not shown a count of reviews they cannot act on, and while only one person
/// may review, the dashboard says changes need a second reviewer and links the guide on inviting one.
/// </summary>
public sealed class OneClinicianTests
{
    [Fact]
    public async Task With_one_reviewer_the_dashboard_says_a_second_reviewer_is_needed_and_links_how_to_invite_one()
    {
        using var site = new HeadacheInfoFactory();
        site.WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        using var clinician = await StaffSeeding.SignedInAsync(site, "only-clinician@clinic.example", StaffRoles.Reviewer);

        var (_, dashboard) = await clinician.GetAsync("/staff");
        var notice = dashboard.QuerySelector("[data-one-reviewer]");
        Assert.NotNull(notice);
        Assert.Contains("second reviewer", notice.TextContent, StringComparison.Ordinal);
        var how = notice.QuerySelector("a[data-guide='one-clinician']")!.GetAttribute("href")!;
        var (_, guide) = await clinician.GetAsync(how);
        Assert.NotNull(guide.QuerySelector("#a-clinic-with-one-clinician"));

        await StaffSeeding.AddAsync(site, "visiting-clinician@elsewhere.example", StaffRoles.Reviewer);
        var (_, withTwo) = await clinician.GetAsync("/staff");
        Assert.Null(withTwo.QuerySelector("[data-one-reviewer]"));
    }

    [Fact]
    public async Task An_author_sees_no_count_of_reviews_waiting_and_a_reviewer_does()
    {
        using var site = new HeadacheInfoFactory();
        site.WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        using var author = await StaffSeeding.SignedInAsync(site, "count-author@clinic.example", StaffRoles.Author);
        using var reviewer = await StaffSeeding.SignedInAsync(site, "count-reviewer@clinic.example", StaffRoles.Reviewer);

        var (_, authors) = await author.GetAsync("/staff");
        var (_, reviewers) = await reviewer.GetAsync("/staff");

        Assert.Null(authors.QuerySelector("[data-waiting]"));
        Assert.DoesNotContain("waiting)", authors.QuerySelector("nav.staff-nav")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", reviewers.QuerySelector("a[data-waiting]")?.GetAttribute("data-waiting"));
    }
}
