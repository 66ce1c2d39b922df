using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>Whatever is sent, a bad request gets a friendly 400 page, never a server error.</summary>
public sealed class SymptomCheckBadRequestTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    private async Task<(HttpClient Client, string Token)> OpenFormAsync()
    {
        var client = site.CreateClient();
        return (client, await site.SymptomFormTokenAsync(client));
    }

    private static async Task AssertFriendlyBadRequestAsync(HttpResponseMessage response)
    {
        var page = await HeadacheInfoFactory.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, something was wrong with that request", page.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/symptom-check']"));
    }

    [Theory]
    [InlineData("signs=not-a-sign")]
    [InlineData("signs=one-side&signs=one-side")]
    [InlineData("signs=")]
    [InlineData("signs=ONE-SIDE")]
    [InlineData("signs=%3Cscript%3E")]
    [InlineData("signs=fever-unwell")] // retired in round 2 of the clinical review: fever and feeling very unwell are two questions now
    public async Task Unknown_or_repeated_answers_get_400(string body)
    {
        var (client, token) = await OpenFormAsync();
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}",
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        await AssertFriendlyBadRequestAsync(response);
    }

    [Fact]
    public async Task Missing_antiforgery_token_gets_400()
    {
        var (client, _) = await OpenFormAsync();
        using var content = new FormUrlEncodedContent([new("signs", "one-side")]);

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        await AssertFriendlyBadRequestAsync(response);
    }

    [Fact]
    public async Task Forged_antiforgery_token_gets_400()
    {
        var (client, _) = await OpenFormAsync();
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", "CfDJ8forged"), new("signs", "one-side")]);

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        await AssertFriendlyBadRequestAsync(response);
    }

    [Fact]
    public async Task Oversized_body_gets_400()
    {
        var (client, token) = await OpenFormAsync();
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("padding", new string('a', 200_000))]);

        using var response = await client.PostAsync(new Uri("/symptom-check", UriKind.Relative), content);

        await AssertFriendlyBadRequestAsync(response);
    }
}
