using System.Text;
using System.Text.RegularExpressions;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>The diary is for paper: printed from the browser it fits A4, every column on the page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class HeadacheDiaryTests(BrowserSite site)
{
    [BrowserFact]
    public async Task Printed_to_PDF_the_eight_weeks_fit_a_few_A4_pages_with_the_headings_and_no_navigation()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/headache-diary");

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = false });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));

        // 56 rows of handwriting height: about 3 pages of A4 landscape, never a page per week or more.
        Assert.InRange(pages, 2, 5);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // A4 landscape less the 10 mm margins: 277 mm wide, about 1,047 CSS pixels.
        await page.SetViewportSizeAsync(1047, 720);
        var cutOff = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.diary-table th')].filter(th => th.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(th => th.textContent)");
        Assert.Empty(cutOff);
        Assert.False(await page.IsVisibleAsync(".site-header nav"));
        Assert.False(await page.IsVisibleAsync(".diary-intro"));
        Assert.Equal(56, await page.Locator(".diary-table tbody tr").CountAsync());
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
