using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.SymptomCheck;

public sealed class SymptomCheckRateLimitTests(SymptomCheckRateLimitTests.Site site) : IClassFixture<SymptomCheckRateLimitTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SymptomCheck:PermitLimit", "3");
            WithSetting("RateLimiting:SymptomCheck:WindowSeconds", "3600");
        }
    }

    [Fact]
    public async Task Too_many_answers_from_one_client_get_429_with_a_friendly_page_but_the_form_still_loads()
    {
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            var page = await site.GetPageAsync("/symptom-check", client);
            last?.Dispose();
            last = await FormSubmission.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form.symptom-form")!, "one-side");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var friendly = await HeadacheInfoFactory.ReadPageAsync(last!);
        Assert.Equal("Please wait a moment", friendly.QuerySelector("main h1")?.TextContent);
        Assert.True(last!.Headers.Contains("Retry-After"));
        last.Dispose();
    }
}
