using HeadacheInfo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HeadacheInfo.Tests.Mirror;

/// <summary>
/// deploy/nginx-config.sh: its headers are the ones the site sends (checked here against the site itself, so they
/// cannot drift apart), and bad arguments get the usage and a non-zero exit.
/// </summary>
public sealed class NginxConfigTests(NginxConfigTests.Site site) : IClassFixture<NginxConfigTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Site:BaseUrl", "https://headacheinfo.example");
            Content.WriteArticle("neck-pain", "Neck pain");
        }
    }

    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Permissions-Policy", "Strict-Transport-Security",
    ];

    private static Task<string> ConfigAsync() =>
        Deploy.NginxConfigAsync("/var/cache/headacheinfo/mirror", "http://127.0.0.1:5000", "443", "/etc/ssl/site.pem", "/etc/ssl/site.key");

    private async Task<HttpResponseMessage> FromTheSiteAsync(string url)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://headacheinfo.example") });
        return await client.GetAsync(new Uri(url, UriKind.Relative));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name));

    [Theory]
    [InlineData("/", "/articles/neck-pain")]
    [InlineData("= /sitemap.xml", "/sitemap.xml")]
    [InlineData("= /robots.txt", "/robots.txt")]
    [InlineData("/images/", "/articles/neck-pain")]
    [InlineData("/css/", "/css/site.css")]
    public async Task Every_file_nginx_serves_itself_carries_the_security_headers_the_site_sends(string location, string url)
    {
        var added = Deploy.AddedHeaders(await ConfigAsync(), location);
        using var response = await FromTheSiteAsync(url);

        Assert.All(SecurityHeaders, name =>
        {
            Assert.True(added.ContainsKey(name), $"nginx does not add {name} in location {location}");
            Assert.Equal(Header(response, name), added[name]);
        });
    }

    [Fact]
    public async Task Pages_from_nginx_are_cached_as_the_site_caches_them()
    {
        var config = await ConfigAsync();
        using var page = await FromTheSiteAsync("/articles/neck-pain");
        using var stylesheet = await FromTheSiteAsync("/css/site.css");
        using var fingerprinted = await FromTheSiteAsync("/css/site.css?v=abc");

        Assert.Equal(page.Headers.CacheControl!.ToString(), Deploy.AddedHeaders(config, "/")["Cache-Control"]);
        Assert.Equal(page.Headers.CacheControl!.ToString(), Deploy.AddedHeaders(config, "= /sitemap.xml")["Cache-Control"]);
        Assert.Contains($"set $headacheinfo_file_cache \"{stylesheet.Headers.CacheControl}\";", config, StringComparison.Ordinal);
        Assert.Contains($"set $headacheinfo_file_cache \"{fingerprinted.Headers.CacheControl}\"; }}", config, StringComparison.Ordinal);
        Assert.Contains("gzip_static on;", config, StringComparison.Ordinal);
        Assert.Contains("try_files $uri/index.html @site;", config, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/cache/headacheinfo/mirror", "http://127.0.0.1:5000", "443", "/etc/ssl/site.pem")]
    [InlineData("relative/mirror", "http://127.0.0.1:5000", "443", "/etc/ssl/site.pem", "/etc/ssl/site.key")]
    [InlineData("/var/cache/headacheinfo/mirror", "127.0.0.1:5000", "443", "/etc/ssl/site.pem", "/etc/ssl/site.key")]
    [InlineData("/var/cache/headacheinfo/mirror", "http://127.0.0.1:5000", "https", "/etc/ssl/site.pem", "/etc/ssl/site.key")]
    [InlineData("/var/cache/headacheinfo/mirror", "http://127.0.0.1:5000", "70000", "/etc/ssl/site.pem", "/etc/ssl/site.key")]
    [InlineData("/var/cache/headacheinfo/mirror", "http://127.0.0.1:5000", "443", "/etc/ssl/site.pem", "key; include /etc/passwd")]
    public async Task Bad_arguments_get_the_usage_and_a_non_zero_exit(params string[] arguments)
    {
        var (exit, output, error) = await Deploy.RunAsync("bash", [Deploy.Script("nginx-config.sh"), .. arguments]);

        Assert.NotEqual(0, exit);
        Assert.Empty(output);
        Assert.Contains("usage: ", error, StringComparison.Ordinal);
        Assert.Contains("MIRROR_DIR APP_URL LISTEN_PORT CERT_FILE KEY_FILE", error, StringComparison.Ordinal);
    }
}
