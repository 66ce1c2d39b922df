using System.Net;
using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Caching;

/// <summary>
/// The README's first command runs in Development without <c>Site:BaseUrl</c>: pages are pre-rendered there too,
/// for the loopback address the server listens on, and a request naming any other host still gets pages that
/// name its own host, never the pre-rendered ones.
/// </summary>
public sealed class DevelopmentPrerenderingTests(DevelopmentPrerenderingTests.Site site) : IClassFixture<DevelopmentPrerenderingTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            Content.WriteArticle("exercise", "Exercise", "treatment");
            // A real server on a loopback port the system picks, as `dotnet run --urls` gives one.
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }

        public Uri Address
        {
            get
            {
                StartServer();
                return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            }
        }
    }

    private async Task<PrerenderedPages> RenderedAsync()
    {
        var store = site.Services.GetRequiredService<ContentStore>();
        return await Eventually.MatchesAsync(
            () => Task.FromResult(store.Current.Part<PrerenderedPages>() ?? PrerenderedPages.None),
            pages => pages.ByPath.ContainsKey("/articles/neck-pain"), "the pages to be pre-rendered");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? host = null)
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    private static async Task<string?> CanonicalAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            .QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    [Fact]
    public async Task Without_a_base_url_pages_are_pre_rendered_for_the_address_the_server_listens_on()
    {
        var pages = await RenderedAsync();

        Assert.Equal(site.Address.Authority, pages.OnlyHost);
        using var fast = await GetAsync("/articles/neck-pain");
        using var ordinary = await GetAsync("/articles/neck-pain?ordinary=1");
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(await ordinary.Content.ReadAsStringAsync(), await fast.Content.ReadAsStringAsync());
        Assert.Equal(ordinary.Headers.ETag, fast.Headers.ETag);
        Assert.Equal(ordinary.Headers.CacheControl, fast.Headers.CacheControl);
        Assert.Equal($"{site.Address.GetLeftPart(UriPartial.Authority)}/articles/neck-pain", await CanonicalAsync(fast));
    }

    [Fact]
    public async Task A_request_naming_another_host_gets_a_page_naming_that_host()
    {
        await RenderedAsync();

        using var other = await GetAsync("/articles/neck-pain", "elsewhere.example");
        using var listening = await GetAsync("/articles/neck-pain");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("http://elsewhere.example/articles/neck-pain", await CanonicalAsync(other));
        Assert.NotEqual(listening.Headers.ETag, other.Headers.ETag);
    }
}
