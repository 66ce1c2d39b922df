using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.RateLimits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Tests.RateLimits;

/// <summary>Each limit answers with its own 429: when to try again, and a page saying what was limited.</summary>
public sealed class RateLimitTests(RateLimitTests.Site site) : IClassFixture<RateLimitTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:Feedback:PermitLimit", "2");
            WithSetting("RateLimiting:Feedback:WindowSeconds", "600");
            WithSetting("RateLimiting:SignIn:PermitLimit", "2");
            WithSetting("RateLimiting:SignIn:WindowSeconds", "900");
        }
    }

    private async Task<HttpResponseMessage> AnswerAsync(HttpClient client)
    {
        var page = await site.GetPageAsync("/articles/neck-pain", client);
        var form = page.QuerySelector<IHtmlFormElement>("section.feedback form")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.GetAttribute("action")!, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("helpful", "yes"), new("comment", string.Empty), new("website", string.Empty)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Too_many_feedback_answers_get_429_with_when_to_try_again_and_a_page_about_answers()
    {
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await AnswerAsync(client);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var page = await HeadacheInfoFactory.ReadPageAsync(last);
        Assert.Equal("Please wait a moment", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains("a lot of answers from you", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_their_own_429_page_with_when_to_try_again()
    {
        using var client = new StaffClient(site);
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            last?.Dispose();
            last = await client.SignInAsync("someone@clinic.example", "guessing a password");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        var retryAfter = int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 900);
        var page = await HeadacheInfoFactory.ReadPageAsync(last);
        Assert.Equal("Please wait a moment", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("sign-in attempts", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        last.Dispose();
    }
}

public sealed class RateLimitSettingTests
{
    [Theory]
    [InlineData("RateLimiting:Feedback:PermitLimit", "0")]
    [InlineData("RateLimiting:SignIn:WindowSeconds", "7200")]
    [InlineData("RateLimiting:SymptomCheck:PermitLimit", "-3")]
    [InlineData("RateLimiting:Search:PermitLimit", "0")]
    [InlineData("RateLimiting:Search:WindowSeconds", "3601")]
    public async Task A_bad_limit_stops_the_site_at_start_naming_the_key(string key, string value)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection([new(key, value)]);
        builder.AddRateLimits();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
