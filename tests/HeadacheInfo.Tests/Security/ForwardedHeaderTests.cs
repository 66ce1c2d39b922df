using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Security;

/// <summary>A trusted proxy's X-Forwarded-Proto is believed only when it names a real web scheme.</summary>
public sealed class ForwardedHeaderTests(ForwardedHeaderTests.Site site) : IClassFixture<ForwardedHeaderTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
            Content.WriteArticle("neck-pain", "Neck pain");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The test server has no connection; make every request come from the trusted proxy.
            builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FromProxy>());
        }

        private sealed class FromProxy : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    private async Task<string?> CanonicalWithProtoAsync(string proto)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/articles/neck-pain", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", proto);
        using var response = await client.SendAsync(request);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);
        return page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
    }

    [Fact]
    public async Task Https_from_the_trusted_proxy_is_believed() =>
        Assert.Equal("https://localhost/articles/neck-pain", await CanonicalWithProtoAsync("https"));

    [Theory]
    [InlineData("javascript")]
    [InlineData("data")]
    [InlineData("ftp")]
    public async Task Any_other_scheme_is_ignored(string proto) =>
        Assert.Equal("http://localhost/articles/neck-pain", await CanonicalWithProtoAsync(proto));
}
