using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HeadacheInfo.Tests.Hosting;

/// <summary>Two instances sharing a keys folder behave as one site: a form from one posts to the other.</summary>
public sealed class MultipleInstanceTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private async Task<HttpStatusCode> PostFormFromOneInstanceToAnotherAsync(string? sharedKeys)
    {
        using var first = new HeadacheInfoFactory().WithSetting("DataProtection:KeysPath", sharedKeys ?? Path.Combine(_keys, "first"));
        using var second = new HeadacheInfoFactory().WithSetting("DataProtection:KeysPath", sharedKeys ?? Path.Combine(_keys, "second"));
        var noCookieJar = new WebApplicationFactoryClientOptions { HandleCookies = false };

        // Fetch the form from the first instance, keeping its antiforgery cookie by hand.
        using var firstClient = first.CreateClient(noCookieJar);
        using var formResponse = await firstClient.GetAsync(new Uri("/symptom-check", UriKind.Relative));
        var page = await HeadacheInfoFactory.ReadPageAsync(formResponse);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var cookie = string.Join("; ", formResponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        // Post it to the second.
        using var secondClient = second.CreateClient(noCookieJar);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/symptom-check", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("signs", "one-side"), new("signs", "starts-in-neck")]),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await secondClient.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Form_from_one_instance_posts_to_another_when_keys_are_shared()
    {
        Assert.Equal(HttpStatusCode.OK, await PostFormFromOneInstanceToAnotherAsync(_keys));
    }

    [Fact]
    public async Task Without_shared_keys_the_other_instance_refuses_the_form()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostFormFromOneInstanceToAnotherAsync(sharedKeys: null));
    }
}
