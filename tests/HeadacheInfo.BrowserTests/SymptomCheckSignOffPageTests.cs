using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>The reviewer's sign-off page for the symptom check, read on a phone and a desktop.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SymptomCheckSignOffPageTests(BrowserSite site)
{
    private const string SidewaysScroll = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    [BrowserFact]
    public async Task The_sign_off_page_is_accessible_and_fits_a_phone_before_and_after_a_reviewer_signs()
    {
        await site.AddStaffAsync("check-signer@clinic.example", "reviewer");
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await StaffBrowser.SignInAsync(page, "check-signer@clinic.example");
        await page.ClickAsync("nav.staff-nav a[href='/staff/symptom-check']");
        await page.WaitForSelectorAsync("[data-check-sign-off=pending]");
        await CheckAsync(page, "pending");

        await page.ClickAsync("button[value='sign-off-check']");
        await page.WaitForSelectorAsync("[data-check-sign-off=signed-off]");
        await CheckAsync(page, "signed-off");
    }

    private static async Task CheckAsync(IPage page, string state)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            if (Environment.GetEnvironmentVariable("HEADACHEINFO_SCREENSHOTS") is { Length: > 0 } folder)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-symptom-check-{state}-{width}.png"), FullPage = false });
                foreach (var part in new[] { "questions-heading", "hazards-heading", "sign-heading" })
                {
                    await page.Locator($"#{part}").ScrollIntoViewIfNeededAsync();
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-symptom-check-{state}-{width}-{part}.png") });
                }

                await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            }

            var results = await page.RunAxe(WcagAaRules);
            Assert.True(results.Violations.Length == 0,
                $"{state} at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
            if (width == 375)
            {
                Assert.True(await page.EvaluateAsync<int>(SidewaysScroll) <= 0, $"{state} scrolls sideways at 375 px");
            }
        }
    }
}
