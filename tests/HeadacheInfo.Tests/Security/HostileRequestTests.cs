using System.Net;
using System.Text;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Security;

/// <summary>Whatever a client sends, the answer is a 4xx with the friendly page: never a 5xx or a stack trace.</summary>
public sealed class HostileRequestTests(HostileRequestTests.Site site) : IClassFixture<HostileRequestTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.WriteArticle("neck-pain", "Neck pain");
    }

    public static TheoryData<string, string, int> Requests => new()
    {
        { "GET", "/articles/..%2f..%2fappsettings.json", 404 },
        { "GET", "/articles/..%2F..%2Fappsettings.json", 404 },
        { "GET", "/articles/%2e%2e%2f%2e%2e%2fappsettings.json", 404 },
        { "GET", "/articles/%252e%252e%252fappsettings.json", 404 },
        { "GET", "/articles/..%5c..%5cappsettings.json", 404 },
        { "GET", "/articles/%c0%ae%c0%ae%c0%afappsettings.json", 404 },
        { "GET", "/articles/..;/appsettings.json", 404 },
        { "GET", "/../appsettings.json", 404 },
        // A raw %00 never gets this far: the test client refuses it, and Kestrel answers 400 itself.
        { "GET", "/articles/%2500", 404 },
        { "GET", "/articles/%ff%fe", 404 },
        { "GET", "/images/..%2f..%2fappsettings.json", 404 },
        { "GET", "/css/..%2f..%2fappsettings.json", 404 },
        { "GET", "/appsettings.json", 404 },
        { "GET", "/HeadacheInfo.Web.dll", 404 },
        { "GET", "/articles/" + new string('a', 5000), 414 },
        { "GET", "/articles?q=" + new string('a', 5000), 414 },
        { "POST", "/articles/neck-pain", 405 },
        { "PUT", "/articles/neck-pain", 405 },
        { "DELETE", "/articles/neck-pain", 405 },
        { "PATCH", "/", 405 },
        { "OPTIONS", "/", 405 },
        { "TRACE", "/", 405 },
        { "PROPFIND", "/articles", 405 },
        { "DELETE", "/symptom-check", 405 },
        { "POST", "/healthz", 405 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Hostile_request_gets_a_friendly_4xx(string method, string url, int expected)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("<h1>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedHosts", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_megabyte_body_gets_a_friendly_400()
    {
        using var client = site.CreateClient();
        var token = await site.SymptomFormTokenAsync(client);
        var body = new StringBuilder($"__RequestVerificationToken={Uri.EscapeDataString(token)}&signs=one-side&padding=");
        body.Append('a', 10 * 1024 * 1024);
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, something was wrong with that request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signs=one-side%00")]
    [InlineData("signs=%ff%fe")]
    [InlineData("signs[]=one-side")]
    [InlineData("signs=one-side&signs=one-side&signs=one-side")]
    [InlineData("%%%%%")]
    public async Task Garbage_form_values_get_a_friendly_400(string garbage)
    {
        using var client = site.CreateClient();
        var token = await site.SymptomFormTokenAsync(client);
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{garbage}&signs=bogus",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Method_not_allowed_says_which_methods_are()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/articles", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Content.Headers.Allow.Count > 0
            ? string.Join(", ", response.Content.Headers.Allow)
            : string.Join(", ", response.Headers.GetValues("Allow")));
    }

    [Fact]
    public async Task Head_is_answered_like_get()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/articles/neck-pain", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
