using System.Net;
using System.Xml.Linq;
using HeadacheInfo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HeadacheInfo.Tests.Security;

/// <summary>With <c>Site:BaseUrl</c> set, a forged Host header is refused and never reaches a page or a cache.</summary>
public sealed class HostHeaderWithBaseUrlTests(HostHeaderWithBaseUrlTests.Site site) : IClassFixture<HostHeaderWithBaseUrlTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Site:BaseUrl", "https://headacheinfo.example");
            Content.WriteArticle("neck-pain", "Neck pain");
        }
    }

    private HttpClient ClientFor(string host) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{host}") });

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/neck-pain")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task Another_host_is_refused_with_400(string url)
    {
        using var client = ClientFor("evil.example");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_host_is_served_and_every_absolute_address_comes_from_it()
    {
        using var client = ClientFor("headacheinfo.example");

        var page = await HeadacheInfoFactory.ReadPageAsync(await client.GetAsync(new Uri("/articles/neck-pain", UriKind.Relative)));
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal("https://headacheinfo.example/articles/neck-pain", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://headacheinfo.example/articles/neck-pain", page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Contains("\"url\":\"https://headacheinfo.example/articles/neck-pain\"", page.QuerySelector("script[type='application/ld+json']")?.TextContent, StringComparison.Ordinal);
        Assert.All(sitemap.Descendants().Where(e => e.Name.LocalName == "loc"), loc => Assert.StartsWith("https://headacheinfo.example/", loc.Value, StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://headacheinfo.example/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_address_fixed_a_CDN_may_keep_a_page_a_minute()
    {
        using var client = ClientFor("headacheinfo.example");

        using var response = await client.GetAsync(new Uri("/articles/neck-pain", UriKind.Relative));

        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.SharedMaxAge);
    }
}

/// <summary>
/// With <c>Site:BaseUrl</c> unset, pages can only name the host they were asked for, so no shared cache may
/// keep them, and one host's page is never a valid copy of another's.
/// </summary>
public sealed class HostHeaderWithoutBaseUrlTests(HostHeaderWithoutBaseUrlTests.Site site) : IClassFixture<HostHeaderWithoutBaseUrlTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string host, string url)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}") });
        return await client.GetAsync(new Uri(url, UriKind.Relative));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/neck-pain")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task No_shared_cache_may_keep_a_page(string url)
    {
        using var response = await GetAsync("evil.example", url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.CacheControl?.SharedMaxAge);
        Assert.False(response.Headers.CacheControl?.Public ?? false, "a page naming the request's host is not public to shared caches");
    }

    [Fact]
    public async Task The_ETag_differs_by_host_so_a_forged_copy_never_revalidates()
    {
        using var forged = await GetAsync("evil.example", "/articles/neck-pain");
        using var real = await GetAsync("localhost", "/articles/neck-pain");

        Assert.NotNull(real.Headers.ETag);
        Assert.NotEqual(forged.Headers.ETag, real.Headers.ETag);
    }

    [Fact]
    public void Production_warns_at_start_naming_the_key()
    {
        _ = site.CreateClient();

        Assert.Contains(site.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Site:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_Host_header_no_page_writes_a_broken_address()
    {
        _ = site.CreateClient();
        var context = await site.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Protocol = "HTTP/1.0";
            c.Request.Host = default;
            c.Request.Path = "/articles/neck-pain";
        });

        using var reader = new StreamReader(context.Response.Body);
        var html = await reader.ReadToEndAsync();
        Assert.Equal(200, context.Response.StatusCode);
        Assert.DoesNotContain("\"http:/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http:///", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"http://\"", html, StringComparison.Ordinal);
    }
}
