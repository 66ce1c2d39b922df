using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Health;

public sealed class HealthEndpointTests(HealthEndpointTests.Site site) : IClassFixture<HealthEndpointTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("one", "One");
            Content.WriteArticle("two", "Two");
            Content.Write("broken.md", "not an article");
        }
    }

    [Fact]
    public async Task Healthz_answers_200_with_the_number_of_articles_loaded()
    {
        using var response = await site.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("articles").GetInt32());
        Assert.Equal(1, body.GetProperty("problems").GetInt32());
    }
}
