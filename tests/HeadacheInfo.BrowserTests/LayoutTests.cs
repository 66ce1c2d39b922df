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
        await using var context = await site.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await PageTypes.All[pageType](page);

        Assert.Equal(0, await page.EvaluateAsync<int>(SidewaysScroll));
        Assert.Empty(await page.EvaluateAsync<string[]>(CutOffProbe));
    }


    [BrowserFact]
    public async Task Article_body_text_is_at_least_18_pixels_with_lines_of_at_most_about_70_characters()
    {
        await using var context = await site.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{BrowserSite.FixtureArticle}");

        var fontSize = await page.EvalOnSelectorAsync<double>(".article-body p", "p => parseFloat(getComputedStyle(p).fontSize)");
        var charactersPerLine = await page.EvalOnSelectorAsync<double>(".article-body p",
            "p => p.getBoundingClientRect().width / (parseFloat(getComputedStyle(p).fontSize) * 0.5)");

        Assert.True(fontSize >= 18, $"body text is {fontSize}px");
        Assert.True(charactersPerLine <= 75, $"lines hold about {charactersPerLine:0} characters");
    }

    [BrowserTheory]
    [InlineData("article")]
    [InlineData("outcome-physio")]
    public async Task Print_leaves_out_navigation_and_writes_out_link_addresses(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await PageTypes.All[pageType](page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.IsVisibleAsync("header nav"));
        Assert.False(await page.IsVisibleAsync("form.symptom-form"));
        var linkAddress = await page.EvalOnSelectorAsync<string>("main a[href^='/articles/']",
            "a => getComputedStyle(a, '::after').content");
        Assert.Contains("/articles/", linkAddress, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Printed_an_exercise_keeps_its_heading_picture_caption_and_steps_label_with_what_follows()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await PageTypes.All["article-exercise-pictures"](page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // A page break after any of these leaves a picture without its caption, or a heading alone at a page foot.
        var breakable = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.article-body h2, .article-body p')]
                .filter(el => el.tagName === 'H2'
                    || (el.children.length === 1 && el.textContent.trim() === el.children[0].textContent.trim()
                        && ['IMG', 'STRONG'].includes(el.children[0].tagName)))
                .filter(el => getComputedStyle(el).breakAfter !== 'avoid')
                .map(el => el.tagName + ': ' + (el.textContent.trim() || el.querySelector('img')?.getAttribute('src')))
            """);

        Assert.Empty(breakable);
        Assert.Equal(5, await page.Locator(".article-body p > img:only-child").CountAsync());
    }

    [BrowserFact]
    public async Task Symptom_check_works_with_JavaScript_turned_off()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await using var noScript = await context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            JavaScriptEnabled = false,
        });
        var plain = await noScript.NewPageAsync();

        await PageTypes.SubmitSymptomsAsync(plain, "thunderclap");

        Assert.Equal("emergency", await plain.GetAttributeAsync("main", "data-outcome"));
    }
}
