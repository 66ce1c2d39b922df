using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class LayoutTests(BrowserSite site)
{
    // Elements whose right edge passes the window, leaving out those inside a scrollable box (wide tables).
    private const string CutOffProbe = """
        () => [...document.body.querySelectorAll('*')]
            .filter(el => {
                const rect = el.getBoundingClientRect();
                if (rect.width === 0 || rect.height === 0) return false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX === 'auto') return false;
                }
                return rect.right > document.documentElement.clientWidth + 1 && getComputedStyle(el).position !== 'absolute';
            })
            .map(el => el.tagName + (el.className ? '.' + el.className : ''))
        """;

    private const string SidewaysScroll = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public Task Page_does_not_scroll_sideways_at_320_pixels(string pageType) =>
        AssertNothingCutOffAsync(pageType, 320, 640);

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    // 200% zoom on a 1280 pixel window leaves 640 CSS pixels, with text and boxes twice as large.
    public Task Nothing_is_cut_off_at_200_percent_zoom(string pageType) =>
        AssertNothingCutOffAsync(pageType, 640, 400);

    private async Task AssertNothingCutOffAsync(string pageType, int width, int height)
    {
        var page = await site.NewPageAsync(width, height);
        await PageTypes.All[pageType](page);

        Assert.Equal(0, await page.EvaluateAsync<int>(SidewaysScroll));
        Assert.Empty(await page.EvaluateAsync<string[]>(CutOffProbe));
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Screenshots_are_saved_at_phone_and_desktop_widths(string pageType)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await site.NewPageAsync(width, 800);
            await PageTypes.All[pageType](page);
            var file = Path.Combine(BrowserSite.ScreenshotFolder, $"{pageType}-{width}.png");

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

            Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Article_body_text_is_at_least_18_pixels_with_lines_of_at_most_about_70_characters()
    {
        var page = await site.NewPageAsync(1280, 800);
        await page.GotoAsync($"/articles/{BrowserSite.FixtureArticle}");

        var fontSize = await page.EvalOnSelectorAsync<double>(".article-body p", "p => parseFloat(getComputedStyle(p).fontSize)");
        var charactersPerLine = await page.EvalOnSelectorAsync<double>(".article-body p",
            "p => p.getBoundingClientRect().width / (parseFloat(getComputedStyle(p).fontSize) * 0.5)");

        Assert.True(fontSize >= 18, $"body text is {fontSize}px");
        Assert.True(charactersPerLine <= 75, $"lines hold about {charactersPerLine:0} characters");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("article")]
    [InlineData("outcome-physio")]
    public async Task Print_leaves_out_navigation_and_writes_out_link_addresses(string pageType)
    {
        var page = await site.NewPageAsync();
        await PageTypes.All[pageType](page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.IsVisibleAsync("header nav"));
        Assert.False(await page.IsVisibleAsync("form.symptom-form"));
        var linkAddress = await page.EvalOnSelectorAsync<string>("main a[href^='/articles/']",
            "a => getComputedStyle(a, '::after').content");
        Assert.Contains("/articles/", linkAddress, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Symptom_check_works_with_JavaScript_turned_off()
    {
        var page = await site.NewPageAsync();
        var noScript = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            JavaScriptEnabled = false,
        });
        var plain = await noScript.NewPageAsync();

        await PageTypes.SubmitSymptomsAsync(plain, "thunderclap");

        Assert.Equal("emergency", await plain.GetAttributeAsync("main", "data-outcome"));
        await noScript.CloseAsync();
        await page.Context.CloseAsync();
    }
}
