using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>An admin rebrands the site in the browser and sees it on the home page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SiteSettingsPageTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    [BrowserFact]
    public async Task An_admin_changes_the_clinic_name_and_colour_and_sees_them_on_the_home_page_with_no_accessibility_failures()
    {
        await site.AddStaffAsync("settings-admin@clinic.example", "admin");
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("input[type=email]", "settings-admin@clinic.example");
        await page.FillAsync("input[type=password]", HeadacheInfo.Tests.Staff.StaffSeeding.Password);
        await page.ClickAsync("main form button[type=submit]");
        var key = await page.TextContentAsync("[data-authenticator-key]");
        await page.FillAsync("#Code", HeadacheInfo.Tests.Staff.StaffClient.TotpCode(key!));
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[data-recovery-codes]");

        try
        {
            await page.ClickAsync("nav.staff-nav a[href='/staff/site-settings']");
            await CheckAsync(page, "settings page");
            await page.FillAsync("#ClinicName", "Riverside Physiotherapy");
            await page.FillAsync("#AccentColour", "#1d4d2b");
            await page.ClickAsync("button[value='save-settings']");
            await page.WaitForSelectorAsync("[data-settings-message]");

            await page.GotoAsync("/");
            Assert.Equal("Riverside Physiotherapy", (await page.TextContentAsync(".site-header .site-name"))!.Trim());
            var accent = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.button')).backgroundColor");
            Assert.Equal("rgb(29, 77, 43)", accent);
            await CheckAsync(page, "home page");
        }
        finally
        {
            // The browser site is shared: put the shipped name and colour back for the tests after this one.
            await page.GotoAsync("/staff/site-settings");
            await page.FillAsync("#ClinicName", "HeadacheInfo");
            await page.FillAsync("#AccentColour", "#00548f");
            await page.ClickAsync("button[value='save-settings']");
            await page.WaitForSelectorAsync("[data-settings-message]");
        }
    }

    private static async Task CheckAsync(IPage page, string state)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var results = await page.RunAxe(WcagAaRules);
            Assert.True(results.Violations.Length == 0,
                $"{state} at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0,
                $"{state} scrolls sideways at {width} px");
        }
    }
}
