using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>
/// Staff tables on a phone (375 px): the dashboard, an article's history, a review, the audit log and the accounts
/// page fit without sideways scroll, axe finds nothing, and each cell of a table stacked into rows says which
/// column it is, since the header row is hidden there.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffTablesOnAPhoneTests(BrowserSite site)
{
    private const string Password = HeadacheInfo.Tests.Staff.StaffSeeding.Password;

    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    // The cells a person sees in a table whose header row is hidden, and which of them shows no column name.
    private const string UnlabelledCells = """
        () => [...document.querySelectorAll('main table td')]
            .filter(td => td.offsetParent !== null)
            .filter(td => { const c = getComputedStyle(td, '::before').content; return c === 'none' || c === 'normal' || c === '""'; })
            .map(td => td.closest('table').className + ' ' + td.textContent.trim().slice(0, 30))
        """;

    private static async Task CheckOnAPhoneAsync(IPage page, string what)
    {
        Assert.Equal(375, page.ViewportSize?.Width);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{what} scrolls sideways at 375 px: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");
        var results = await page.RunAxe(WcagAaRules);
        Assert.True(results.Violations.Length == 0,
            $"{what}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.True(await page.Locator("main table td").CountAsync() > 0, $"{what} has no table");
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledCells));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("input[type=email]", email);
        await page.FillAsync("input[type=password]", Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[data-signed-in-as], [data-two-factor]");
    }

    [BrowserFact]
    public async Task The_dashboard_history_review_audit_and_accounts_tables_fit_a_phone_with_every_cell_labelled()
    {
        await site.AddStaffAsync("phone-author@clinic.example", "author");
        await site.AddStaffAsync("phone-reviewer@clinic.example", "reviewer");
        await site.AddStaffAsync("phone-admin@clinic.example", "admin");

        // A change waiting, with a detail that changed, so the review page has its table.
        await using var authorContext = await site.NewContextAsync(375);
        var author = await authorContext.NewPageAsync();
        await SignInAsync(author, "phone-author@clinic.example");
        await author.GotoAsync("/staff/articles/manual-therapy/edit");
        await author.FillAsync("#Summary", "Hands-on treatment for a headache from the neck, and what trials of it found.");
        await author.ClickAsync("button[value='submit-for-review']");
        await author.WaitForSelectorAsync("[data-editor-message]:has-text('Sent for review')", new() { Timeout = 90_000 });

        await using var reviewerContext = await site.NewContextAsync(375);
        var reviewer = await reviewerContext.NewPageAsync();
        await SignInAsync(reviewer, "phone-reviewer@clinic.example");
        await CheckOnAPhoneAsync(reviewer, "dashboard");
        await reviewer.GotoAsync("/staff/reviews");
        await reviewer.ClickAsync("[data-slug='manual-therapy'] a");
        await reviewer.WaitForSelectorAsync("[data-field-change='summary']");
        await CheckOnAPhoneAsync(reviewer, "review");
        await reviewer.GotoAsync("/staff/articles/manual-therapy/history");
        await CheckOnAPhoneAsync(reviewer, "history");

        await using var adminContext = await site.NewContextAsync(375);
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, "phone-admin@clinic.example");
        await admin.WaitForSelectorAsync("[data-authenticator-key]");
        var key = await admin.TextContentAsync("[data-authenticator-key]");
        await admin.FillAsync("#Code", HeadacheInfo.Tests.Staff.StaffClient.TotpCode(key!));
        await admin.ClickAsync("main form button[type=submit]");
        await admin.WaitForSelectorAsync("[data-recovery-codes]");
        await admin.GotoAsync("/staff/accounts");
        await CheckOnAPhoneAsync(admin, "accounts");
        await admin.GotoAsync("/staff/audit");
        await CheckOnAPhoneAsync(admin, "audit log");
    }
}
