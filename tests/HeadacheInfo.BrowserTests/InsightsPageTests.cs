using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;

namespace HeadacheInfo.BrowserTests;

/// <summary>/staff/insights with something in every table, on a phone: axe finds nothing and nothing scrolls sideways.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InsightsPageTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    [BrowserFact]
    public async Task The_insights_page_with_every_table_filled_is_accessible_and_fits_a_phone()
    {
        // Patients: the same search that finds nothing three times, an article read, a check finished.
        await using (var patients = await site.NewContextAsync(375))
        {
            var patient = await patients.NewPageAsync();
            for (var i = 0; i < 3; i++)
            {
                await patient.GotoAsync("/search?q=" + Uri.EscapeDataString("a rather long search about something this site has never heard of"));
            }

            await patient.GotoAsync("/articles/gentle-exercises-at-home");
            await patient.ClickAsync("section.feedback button[value=no]");
            await patient.WaitForSelectorAsync("[data-feedback-thanks], [data-feedback-not-saved]");
            await PageTypes.SubmitSymptomsAsync(patient, "thunderclap");
        }

        await site.FlushInsightsAsync();
        await site.AddStaffAsync("insights-browser@clinic.example", "author");
        await using var context = await site.NewContextAsync(375);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("input[type=email]", "insights-browser@clinic.example");
        await page.FillAsync("input[type=password]", HeadacheInfo.Tests.Staff.StaffSeeding.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[data-signed-in-as]");

        await page.GotoAsync("/staff/insights");
        foreach (var table in new[] { "searches-not-found", "searches-frequent", "pages-read", "check-results", "helpful" })
        {
            Assert.True(await page.Locator($"table[data-insights='{table}'] tbody tr").CountAsync() > 0, $"{table} is empty");
        }

        var results = await page.RunAxe(WcagAaRules);
        Assert.True(results.Violations.Length == 0,
            string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0,
            "the insights page scrolls sideways at 375 px: " + await page.EvaluateAsync<string>("""
                () => [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 5).map(el => el.tagName + (el.className ? '.' + el.className : '')).join(' ')
                """));
    }
}
