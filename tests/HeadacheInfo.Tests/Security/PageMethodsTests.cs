using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Security;

/// <summary>Each page's methods come from its own rules; any other method gets 405, Allow, and the friendly page.</summary>
public sealed class PageMethodsTests(PageMethodsTests.Site site) : IClassFixture<PageMethodsTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.WriteArticle("neck-pain", "Neck pain");
    }

    [Theory]
    [InlineData("PUT", "/symptom-check", "GET, HEAD, POST")]
    [InlineData("DELETE", "/symptom-check", "GET, HEAD, POST")]
    [InlineData("OPTIONS", "/symptom-check", "GET, HEAD, POST")]
    [InlineData("TRACE", "/articles/neck-pain", "GET, HEAD")]
    [InlineData("BREW", "/articles/neck-pain", "GET, HEAD")]
    [InlineData("PATCH", "/staff/sign-in", "GET, HEAD, POST")]
    [InlineData("POST", "/symptom-check/how-it-works", "GET, HEAD")]
    [InlineData("OPTIONS", "/staff/articles/new", "GET, HEAD, POST")]
    [InlineData("PUT", "/healthz", "GET, HEAD")]
    [InlineData("POST", "/no-such-page", "GET, HEAD")]
    public async Task A_method_the_page_does_not_take_gets_405_saying_which_it_does_with_the_friendly_page(string method, string url, string allow)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));

        using var response = await client.SendAsync(request);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow.Count > 0 ? response.Content.Headers.Allow : response.Headers.GetValues("Allow")));
        Assert.Equal("That did not work", page.QuerySelector("main h1")?.TextContent);
    }

    [Theory]
    [InlineData("/symptom-check")]
    [InlineData("/staff/sign-in")]
    [InlineData("/articles")]
    public async Task Head_is_answered_like_get_on_every_kind_of_page(string url)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("OPTIONS")]
    public async Task A_refused_method_in_the_staff_area_is_never_stored(string method)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/staff/sign-in", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a staff 405 must say no-store");
    }
}
