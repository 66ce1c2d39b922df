using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace HeadacheInfo.Tests.Clinic;

/// <summary>A clinic outside the UK sets its own help lines; no page may then show the UK's.</summary>
public sealed partial class ClinicNumbersTests(ClinicNumbersTests.Site site) : IClassFixture<ClinicNumbersTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Clinic:EmergencyNumber", "000");
            WithSetting("Clinic:UrgentAdviceName", "Healthdirect");
            WithSetting("Clinic:UrgentAdviceNumber", "1800 022 222");
            WithSetting("Clinic:UrgentAdviceUrl", "https://www.healthdirect.gov.au");
            Content.CopyShippedArticles();
        }
    }

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "/", "/articles", "/symptom-check", "/symptom-check/how-it-works", "/search?q=emergency" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md"))
        {
            pages.Add($"/articles/{Path.GetFileNameWithoutExtension(file)}");
        }

        return pages;
    }

    private static void AssertNoUkHelpLine(string url, string html)
    {
        // The antiforgery token is random base64: now and then it holds "999" between two letters, which no reader sees.
        html = AntiforgeryToken().Replace(html, string.Empty);
        var found = UkEmergency().Match(html);
        var around = found.Success ? html.Substring(Math.Max(0, found.Index - 60), Math.Min(120, html.Length - Math.Max(0, found.Index - 60))) : string.Empty;
        Assert.False(found.Success, $"{url} shows 999: {around}");
        Assert.DoesNotContain("NHS 111", html, StringComparison.Ordinal);
        Assert.DoesNotContain("111.nhs.uk", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_shows_999_or_NHS_111(string url)
    {
        using var response = await site.GetAsync(url);

        AssertNoUkHelpLine(url, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("thunderclap")]
    [InlineData("under-16")]
    [InlineData("pregnant")]
    [InlineData("throbbing")]
    [InlineData("one-side", "starts-in-neck", "neck-movement")]
    public async Task No_result_shows_999_or_NHS_111(params string[] ticked)
    {
        using var client = site.CreateClient();
        var form = (await site.GetPageAsync("/symptom-check", client)).QuerySelector<IHtmlFormElement>("form.symptom-form")!;

        using var response = await FormSubmission.SubmitAsync(client, form, ticked);

        AssertNoUkHelpLine(string.Join('+', ticked), await response.Content.ReadAsStringAsync());
        Assert.Contains("000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9])999(?![0-9])")]
    private static partial Regex UkEmergency();

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*>")]
    private static partial Regex AntiforgeryToken();
}
