using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>
/// A clinic's day in a real browser, as three members of staff live it, with every staff page checked in each
/// state it reaches: axe finds nothing at 375 and at 1280 pixels, and no page scrolls sideways as a whole at 375.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffPagesTests(BrowserSite site)
{
    private const string Password = HeadacheInfo.Tests.Staff.StaffSeeding.Password;
    private const string SidewaysScroll = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    // What sticks out past the window, leaving out what sits in a box that scrolls on its own: for the failure message.
    private const string StickingOut = """
        () => [...document.body.querySelectorAll('*')]
            .filter(el => {
                const rect = el.getBoundingClientRect();
                if (rect.width === 0) return false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX === 'auto') return false;
                }
                return rect.right > document.documentElement.clientWidth + 1;
            })
            .slice(0, 5)
            .map(el => el.tagName + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''))
            .join(' ')
        """;

    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    private readonly List<string> _checked = [];

    /// <summary>Checks the page on screen at a phone's width and a desktop's, then leaves it at the desktop's.</summary>
    private async Task CheckAsync(IPage page, string state)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var results = await page.RunAxe(WcagAaRules);
            Assert.True(results.Violations.Length == 0,
                $"{state} at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
            if (width == 375)
            {
                Assert.True(await page.EvaluateAsync<int>(SidewaysScroll) <= 0,
                    $"{state} scrolls sideways at 375 px ({page.Url}): {await page.EvaluateAsync<string>(StickingOut)}");
            }
        }

        _checked.Add(state);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("input[type=email]", email);
        await page.FillAsync("input[type=password]", Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[data-signed-in-as], [data-two-factor]");
    }

    private static async Task PressAsync(IPage page, string button, string waitFor)
    {
        await page.ClickAsync($"button[value='{button}']");
        await page.WaitForSelectorAsync(waitFor, new() { Timeout = 90_000 });
    }

    [BrowserFact]
    public async Task Every_staff_page_in_each_state_of_a_clinic_s_day_is_accessible_and_fits_a_phone()
    {
        await site.AddStaffAsync("day-author@clinic.example", "author");
        await site.AddStaffAsync("day-reviewer@clinic.example", "reviewer");
        await site.AddStaffAsync("day-admin@clinic.example", "admin");
        await using var context = await site.NewContextAsync(1280);

        // Signed out.
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/staff/sign-in");
        await CheckAsync(anonymous, "sign-in");

        // The admin sets up two-step sign-in: QR code, then the recovery codes shown once.
        await using var adminContext = await site.NewContextAsync(1280);
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, "day-admin@clinic.example");
        await admin.WaitForSelectorAsync("[data-qr-code] svg");
        await CheckAsync(admin, "two-step set-up, required");
        var key = await admin.TextContentAsync("[data-authenticator-key]");
        await admin.FillAsync("#Code", HeadacheInfo.Tests.Staff.StaffClient.TotpCode(key!));
        await admin.ClickAsync("main form button[type=submit]");
        await admin.WaitForSelectorAsync("[data-recovery-codes]");
        await CheckAsync(admin, "recovery codes");

        // The author writes a new article and changes an old one.
        await using var authorContext = await site.NewContextAsync(1280);
        var author = await authorContext.NewPageAsync();
        await SignInAsync(author, "day-author@clinic.example");
        await CheckAsync(author, "dashboard, nothing to do");
        await author.GotoAsync("/staff/articles/new");
        await CheckAsync(author, "new article, empty");
        await author.FillAsync("#Title", "A day at the clinic");
        await author.FillAsync("#Summary", "What a day at the clinic is like.");
        await author.FillAsync("#Body", "## Morning\n\nCall 999 if you need to.\n");
        await PressAsync(author, "preview", ".findings");
        await CheckAsync(author, "preview with a checker error");
        await author.FillAsync("#Body", "## Morning\n\nYou arrive, and a physiotherapist asks about your headaches.\n");
        await PressAsync(author, "submit-for-review", "[data-editor-message]:has-text('Sent for review')");
        await CheckAsync(author, "new article sent");
        await author.GotoAsync("/staff/articles/manual-therapy/edit");
        await author.FillAsync("#Summary", "Hands-on treatment for a headache from the neck, and what the trials found.");
        await PressAsync(author, "submit-for-review", "[data-editor-message]:has-text('Sent for review')");

        // The reviewer finds both by the count, reads a word-level diff, returns one and approves the other.
        await using var reviewerContext = await site.NewContextAsync(1280);
        var reviewer = await reviewerContext.NewPageAsync();
        await SignInAsync(reviewer, "day-reviewer@clinic.example");
        Assert.Equal("2", await reviewer.GetAttributeAsync("a[data-waiting]", "data-waiting"));
        await CheckAsync(reviewer, "dashboard, changes waiting");
        await reviewer.ClickAsync("a[data-waiting]");
        await reviewer.WaitForSelectorAsync(".review-list");
        await CheckAsync(reviewer, "reviews waiting");
        await reviewer.ClickAsync("[data-slug='manual-therapy'] a");
        await reviewer.WaitForSelectorAsync("[data-field-change='summary']");
        await CheckAsync(reviewer, "a change to review");
        await reviewer.FillAsync("#Comment", "Please keep the old summary: it names the evidence.");
        await PressAsync(reviewer, "return", "[data-review-message]");
        await reviewer.GotoAsync("/staff/reviews");
        await reviewer.ClickAsync("[data-slug='a-day-at-the-clinic'] a");
        await reviewer.WaitForSelectorAsync("ins[data-word-diff='added']");
        await PressAsync(reviewer, "approve", "[data-review-message]");
        await CheckAsync(reviewer, "approved");

        // The author finds the returned one under "Your work".
        await author.GotoAsync("/staff");
        await author.WaitForSelectorAsync("[data-work='returned'] li[data-slug='manual-therapy']");
        await CheckAsync(author, "dashboard, a change returned");
        await author.ClickAsync("[data-work='returned'] a");
        await author.WaitForSelectorAsync("[data-editor-message]");
        await CheckAsync(author, "editor, returned with a comment");

        // A take-down of a linked article is refused and names the linking article.
        await reviewer.GotoAsync("/staff/articles/physiotherapy-assessment/history?takedown=true");
        await CheckAsync(reviewer, "history, take-down confirmation");
        await reviewer.FillAsync("#Reason", "Trying a take-down.");
        await PressAsync(reviewer, "unpublish", "[data-linked-from]");
        await CheckAsync(reviewer, "take-down refused, linking articles named");

        // A sole reviewer rolls back the approved article to a version approved before, after a second approval.
        await author.GotoAsync("/staff/articles/a-day-at-the-clinic/edit");
        await author.FillAsync("#Body", "## Morning\n\nYou arrive early, and a physiotherapist asks about your headaches.\n");
        await PressAsync(author, "submit-for-review", "[data-editor-message]:has-text('Sent for review')");
        await reviewer.GotoAsync("/staff/reviews");
        await reviewer.ClickAsync("[data-slug='a-day-at-the-clinic'] a");
        await PressAsync(reviewer, "approve", "[data-review-message]");
        await reviewer.GotoAsync("/staff/articles/a-day-at-the-clinic/history");
        await CheckAsync(reviewer, "history with versions to put back");
        await reviewer.ClickAsync("a[data-put-back]");
        await reviewer.WaitForSelectorAsync("[data-put-back-confirm]");
        await CheckAsync(reviewer, "put-back confirmation");
        await PressAsync(reviewer, "rollback", "[data-history-message]");
        await CheckAsync(reviewer, "rolled back");

        // An admin resets a password; the audit log shows it.
        await admin.GotoAsync("/staff/accounts");
        await CheckAsync(admin, "accounts");
        await admin.ClickAsync("tr[data-account='day-author@clinic.example'] button[value='reset-password']");
        await admin.WaitForSelectorAsync("[data-one-time-password]");
        await CheckAsync(admin, "accounts, a one-time password shown");
        await admin.GotoAsync("/staff/audit");
        await CheckAsync(admin, "audit log");
        await admin.GotoAsync("/staff/feedback");
        await CheckAsync(admin, "feedback");

        // Refused: the staff 403 page.
        await reviewer.GotoAsync("/staff/accounts");
        await reviewer.WaitForSelectorAsync("[data-staff-refusal]");
        await CheckAsync(reviewer, "refused");
        await reviewer.GotoAsync("/staff/change-password");
        await CheckAsync(reviewer, "change password");
        await reviewer.GotoAsync("/staff/authenticator");
        await CheckAsync(reviewer, "two-step set-up, optional");

        Assert.True(_checked.Count >= 20, string.Join(", ", _checked));
    }
}
