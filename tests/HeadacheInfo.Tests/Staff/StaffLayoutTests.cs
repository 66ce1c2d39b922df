using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The staff area has a layout of its own: the clinic's name, who is signed in, the navigation; no patient
/// footer; and a refusal is a staff page that says why, with its 403, never the patients' error page.
/// </summary>
public sealed class StaffLayoutTests(StaffLayoutTests.Site site) : IClassFixture<StaffLayoutTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("Clinic:Name", "Riverside Physiotherapy");
            Content.WriteArticle("layout", "Layout");
        }
    }

    private async Task<StaffClient> AuthorAsync()
    {
        await StaffSeeding.AddAsync(site, "layout-author@clinic.example", StaffRoles.Author);
        var client = new StaffClient(site);
        (await client.SignInAsync("layout-author@clinic.example", StaffSeeding.Password)).Dispose();
        return client;
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/reviews")]
    [InlineData("/staff/articles/new")]
    [InlineData("/staff/articles/layout/history")]
    public async Task Every_staff_page_says_whose_area_it_is_and_who_is_signed_in_without_the_patient_footer(string url)
    {
        using var author = await AuthorAsync();

        var (response, page) = await author.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Riverside Physiotherapy", page.QuerySelector("header.staff-header")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("layout-author@clinic.example", page.QuerySelector("[data-signed-in-as]")?.GetAttribute("data-signed-in-as"));
        // An author cannot act on reviews: the link is there, its count is not (issue 34).
        Assert.NotNull(page.QuerySelector("header nav.staff-nav a[href='/staff/reviews']"));
        Assert.Null(page.QuerySelector("header nav.staff-nav a[data-waiting]"));
        Assert.Null(page.QuerySelector(".site-footer"));
        Assert.Null(page.QuerySelector("form[role=search]"));
    }

    [Fact]
    public async Task A_page_the_account_may_not_open_is_a_staff_page_with_a_403()
    {
        using var author = await AuthorAsync();

        var (response, page) = await author.GetAsync("/staff/accounts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-staff-refusal]"));
        Assert.NotNull(page.QuerySelector("header.staff-header"));
        Assert.Null(page.QuerySelector(".site-footer"));
    }

    [Fact]
    public async Task An_action_the_workflow_refuses_is_a_staff_page_saying_why_with_a_403()
    {
        using var author = await AuthorAsync();
        var (_, history) = await author.GetAsync("/staff/articles/layout/history");
        var token = history.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await author.Http.PostAsync(new Uri("/staff/articles/layout/history", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("action", "confirm"), new("PublishedFingerprint", "anything")]));
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only a reviewer", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".site-footer"));
    }
}
