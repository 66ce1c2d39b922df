using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;

namespace HeadacheInfo.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    [BrowserTheory]
    [MemberData(nameof(PageTypes.NamesAtEachWidth), MemberType = typeof(PageTypes))]
    public async Task Page_has_no_WCAG_2_2_AA_violations_on_a_phone_or_a_desktop(string pageType, int width)
    {
        await using var context = await site.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await PageTypes.All[pageType](page);

        var results = await page.RunAxe(WcagAaRules);

        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.Empty(violations);
    }

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Page_makes_no_requests_to_other_sites(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await PageTypes.All[pageType](page);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        Assert.Empty(elsewhere);
    }
}
