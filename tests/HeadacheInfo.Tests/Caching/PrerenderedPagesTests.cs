using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Caching;

/// <summary>
/// With the site's address fixed, content pages are rendered once per snapshot and answered from memory:
/// the same bytes and the same headers as the ordinary path, compressed as the reader asks, and replaced
/// whole when the content changes.
/// </summary>
public sealed class PrerenderedPagesTests(PrerenderedPagesTests.Site site) : IClassFixture<PrerenderedPagesTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Site:BaseUrl", "http://localhost");
            Content.WriteArticle("neck-pain", "Neck pain", body: "## Part\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
            Content.WriteArticle("exercise", "Exercise", "treatment");
        }
    }

    private static readonly string[] ContentPages =
        ["/", "/articles", "/articles/neck-pain", "/articles/exercise", "/symptom-check/how-it-works", "/headache-diary", "/sitemap.xml", "/robots.txt"];

    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Permissions-Policy",
    ];

    private PrerenderedPages Pages() =>
        site.Services.GetRequiredService<ContentStore>().Current.Part<PrerenderedPages>() ?? PrerenderedPages.None;

    private async Task<PrerenderedPages> RenderedAsync(Func<PrerenderedPages, bool> ready)
    {
        _ = site.CreateClient();
        return await Eventually.MatchesAsync(() => Task.FromResult(Pages()), ready, "the pages to be pre-rendered");
    }

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestMessage>? configure = null, HttpMethod? method = null)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Every_content_page_is_rendered_with_the_snapshot()
    {
        var pages = await RenderedAsync(p => p.ByPath.Count > 0);

        Assert.Equal(ContentPages.Order(), pages.ByPath.Keys.Order());
    }

    [Theory]
    [InlineData("/articles/neck-pain")]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    public async Task A_pre_rendered_page_has_the_same_body_and_headers_as_the_ordinary_path(string url)
    {
        await RenderedAsync(p => p.ByPath.ContainsKey(url));

        // A query string is never pre-rendered, so it takes the ordinary path through the pipeline.
        using var fast = await GetAsync(url);
        using var ordinary = await GetAsync(url + "?ordinary=1");

        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(await ordinary.Content.ReadAsStringAsync(), await fast.Content.ReadAsStringAsync());
        Assert.All(SecurityHeaders, name => Assert.Equal(ordinary.Headers.GetValues(name), fast.Headers.GetValues(name)));
        Assert.Equal(ordinary.Content.Headers.ContentType, fast.Content.Headers.ContentType);
        Assert.Equal(ordinary.Headers.CacheControl, fast.Headers.CacheControl);
        Assert.Equal(ordinary.Headers.ETag, fast.Headers.ETag);
        Assert.False(fast.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_pre_rendered_page_is_sent_compressed_as_the_reader_asks(string encoding)
    {
        await RenderedAsync(p => p.ByPath.ContainsKey("/articles/neck-pain"));
        using var plain = await GetAsync("/articles/neck-pain");

        using var compressed = await GetAsync("/articles/neck-pain", r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        await using var stream = await compressed.Content.ReadAsStreamAsync();
        await using Stream decoder = encoding == "br" ? new BrotliStream(stream, CompressionMode.Decompress) : new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_reader_who_has_the_page_gets_304_and_HEAD_gets_no_body()
    {
        await RenderedAsync(p => p.ByPath.ContainsKey("/articles"));
        using var first = await GetAsync("/articles");

        using var again = await GetAsync("/articles", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        using var head = await GetAsync("/articles", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_edit_replaces_the_pre_rendered_pages_with_the_new_text_and_a_new_ETag()
    {
        var before = await RenderedAsync(p => p.ByPath.ContainsKey("/articles/exercise"));
        using var old = await GetAsync("/articles/exercise");

        site.Content.WriteArticle("exercise", "Exercise, revised", "treatment");

        await RenderedAsync(p => !ReferenceEquals(p, before) && p.ByPath.ContainsKey("/articles/exercise") &&
            System.Text.Encoding.UTF8.GetString(p.ByPath["/articles/exercise"].Identity).Contains("Exercise, revised", StringComparison.Ordinal));
        using var page = await GetAsync("/articles/exercise");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Exercise, revised</h1>", html, StringComparison.Ordinal);
        Assert.NotEqual(old.Headers.ETag, page.Headers.ETag);
        using var list = await GetAsync("/articles");
        Assert.Contains("Exercise, revised", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_symptom_check_and_search_are_never_pre_rendered()
    {
        var pages = await RenderedAsync(p => p.ByPath.Count > 0);

        Assert.DoesNotContain(pages.ByPath.Keys, path => path.StartsWith("/symptom-check", StringComparison.Ordinal) && path != "/symptom-check/how-it-works");
        Assert.DoesNotContain("/search", pages.ByPath.Keys);
        using var form = await GetAsync("/symptom-check");
        Assert.True(form.Headers.CacheControl?.NoStore);
    }
}
