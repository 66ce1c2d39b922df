using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Site;

public sealed class ErrorPageTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/status/500")]
    [InlineData("/articles/a/b/c")]
    public async Task Unknown_address_gets_the_friendly_not_found_page(string url)
    {
        using var response = await site.GetAsync(url);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")?.TextContent);
    }

    [Fact]
    public async Task Error_page_is_friendly_and_has_no_stack_trace()
    {
        var page = await site.GetPageAsync("/error");

        Assert.Equal("Sorry, something went wrong", page.QuerySelector("main h1")?.TextContent);
        Assert.DoesNotContain("Exception", page.Source.Text, StringComparison.Ordinal);
    }
}
