using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Logging;

/// <summary>Nothing a client sends can forge a log line or hide what it did.</summary>
public sealed class RequestLogTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    [Theory]
    [InlineData("/nope%0d%0a[12:00:00 FTL] forged line")]
    [InlineData("/nope%0a%1b[31mred%1b[0m")]
    [InlineData("/nope%e2%80%a8separator")]
    public async Task Control_characters_from_the_request_are_escaped_in_the_log(string url)
    {
        using var response = await site.GetAsync(url);

        var requestLines = site.Logs.Lines.Where(l => l.Contains("/nope", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, line =>
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\u001b', line);
            Assert.DoesNotContain('\u2028', line);
        });
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PROPFIND")]
    public async Task A_refused_method_is_logged_as_the_method_the_client_sent(string method)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/articles/{method.ToLowerInvariant()}-probe", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(405, (int)response.StatusCode);
        var line = Assert.Single(site.Logs.Lines, l => l.Contains($"/articles/{method.ToLowerInvariant()}-probe", StringComparison.Ordinal) && l.Contains("responded", StringComparison.Ordinal));
        Assert.Contains($"HTTP \"{method}\"", line, StringComparison.Ordinal);
    }
}
