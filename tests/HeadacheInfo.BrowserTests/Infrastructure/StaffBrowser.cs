using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests.Infrastructure;

/// <summary>What a member of staff does in the browser before anything else.</summary>
public static class StaffBrowser
{
    /// <summary>Signs in as an account seeded with the test password and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("input[type=email]", email);
        await page.FillAsync("input[type=password]", HeadacheInfo.Tests.Staff.StaffSeeding.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/staff");
    }
}
