using System.Net;
using System.Net.Http.Headers;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Caching;

public sealed class PageCachingTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Article_has_an_ETag_and_Last_Modified_and_a_cache_control_a_CDN_can_use()
    {
        site.Content.WriteArticle("validators", "Validators");
        await Eventually.MatchesAsync(() => GetAsync("/articles/validators"), r => r.StatusCode == HttpStatusCode.OK, "the article to load");

        using var response = await GetAsync("/articles/validators");

        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.SharedMaxAge);
    }

    [Fact]
    public async Task Conditional_request_with_the_same_ETag_gets_304_and_no_body()
    {
        using var first = await GetAsync("/articles");

        using var second = await GetAsync("/articles", h => h.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Conditional_request_with_If_Modified_Since_gets_304()
    {
        using var first = await GetAsync("/");

        using var second = await GetAsync("/", h => h.IfModifiedSince = first.Content.Headers.LastModified);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_content_change_changes_the_ETag_and_serves_the_new_page()
    {
        site.Content.WriteArticle("changing", "Before");
        using var before = await Eventually.MatchesAsync(() => GetAsync("/articles/changing"), r => r.StatusCode == HttpStatusCode.OK, "the article to load");
        var oldTag = before.Headers.ETag!;

        site.Content.WriteArticle("changing", "After");

        using var after = await Eventually.MatchesAsync(
            () => GetAsync("/articles/changing", h => h.IfNoneMatch.Add(oldTag)),
            r => r.StatusCode == HttpStatusCode.OK,
            "the changed article instead of 304");
        Assert.NotEqual(oldTag, after.Headers.ETag);
        Assert.Contains("<h1>After</h1>", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_css_are_compressed(string encoding)
    {
        foreach (var url in new[] { "/articles", "/css/site.css" })
        {
            using var response = await GetAsync(url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Stylesheet_is_fingerprinted_and_cached_for_a_year()
    {
        var page = await site.GetPageAsync("/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await GetAsync(stylesheet);

        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Symptom_check_is_never_cached()
    {
        using var form = await GetAsync("/symptom-check");

        Assert.True(form.Headers.CacheControl?.NoStore);
        Assert.Null(form.Headers.ETag);
    }
}
