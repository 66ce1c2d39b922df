using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Insights;

/// <summary>/privacy: the shipped article "How we use your information", at its own address, linked from every page.</summary>
public sealed class PrivacyPageTests(PrivacyPageTests.Site site) : IClassFixture<PrivacyPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.CopyShippedArticles();
    }

    [Fact]
    public async Task Every_patient_page_links_to_the_privacy_page_from_its_footer()
    {
        foreach (var url in new[] { "/", "/articles/neck-headache-or-migraine", "/symptom-check", "/search?q=neck" })
        {
            var page = await site.GetPageAsync(url);
            Assert.Equal("/privacy", page.QuerySelector("footer a[data-footer='privacy']")?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task The_privacy_page_says_what_is_counted_and_kept_and_whether_a_clinician_signed_it_off()
    {
        using var response = await site.GetAsync("/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal("How we use your information", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("13 months", text, StringComparison.Ordinal);
        Assert.Contains("three or more", text, StringComparison.Ordinal);
        Assert.Contains("We do not keep your answers.", text, StringComparison.Ordinal);
        Assert.Contains("email address or a phone number", text, StringComparison.Ordinal);
        // Shipped as written, not yet signed off by the clinic: the page says so, as an article does.
        Assert.Equal("pending", page.QuerySelector("[data-clinical-review]")!.GetAttribute("data-clinical-review"));
    }
}
