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
    public async Task Article_has_an_ETag_and_Last_Modified_and_browsers_revalidate_it()
    {
        site.Content.WriteArticle("validators", "Validators");
        await Eventually.MatchesAsync(() => GetAsync("/articles/validators"), r => r.StatusCode == HttpStatusCode.OK, "the article to load");

        using var response = await GetAsync("/articles/validators");

        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl!.NoCache || response.Headers.CacheControl.MaxAge == TimeSpan.Zero);
    }

    public static TheoryData<string, string> ConditionalsOnMissingPages => new()
    {
        { "/nope", "If-None-Match: *" },
        { "/articles/does-not-exist", "If-None-Match: *" },
        { "/css/missing.css", "If-None-Match: *" },
        { "/nope", "If-None-Match: current" },
        { "/articles/does-not-exist", "If-None-Match: current" },
        { "/nope", "If-Modified-Since: future" },
        { "/articles/does-not-exist", "If-Modified-Since: future" },
        { "/css/missing.css", "If-Modified-Since: future" },
    };

    [Theory]
    [MemberData(nameof(ConditionalsOnMissingPages))]
    public async Task A_page_that_does_not_exist_is_never_not_modified(string url, string condition)
    {
        using var current = await GetAsync("/");

        using var response = await GetAsync(url, h =>
        {
            switch (condition)
            {
                case "If-None-Match: *":
                    h.IfNoneMatch.Add(EntityTagHeaderValue.Any);
                    break;
                case "If-None-Match: current":
                    h.IfNoneMatch.Add(current.Headers.ETag!);
                    break;
                default:
                    h.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(1);
                    break;
            }
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_Modified_Since_in_the_future_is_ignored()
    {
        using var response = await GetAsync("/articles", h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Over_HTTPS_the_symptom_form_and_its_result_are_never_compressed_but_articles_are()
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var article = await client.GetAsync(new Uri("/articles", UriKind.Relative));
        using var form = await client.GetAsync(new Uri("/symptom-check", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var result = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("signs", "one-side")]));

        Assert.NotEmpty(article.Content.Headers.ContentEncoding);
        Assert.Empty(form.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Empty(result.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Over_HTTPS_the_antiforgery_cookie_is_Secure()
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        using var form = await client.GetAsync(new Uri("/symptom-check", UriKind.Relative));

        var cookie = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
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
