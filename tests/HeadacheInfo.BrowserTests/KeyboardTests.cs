using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>Someone who uses only a keyboard can reach the symptom check, answer it and read the result.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardTests(BrowserSite site)
{
    private const int MaxTabs = 60;

    // The element with focus, described, and whether a person can see where focus is.
    private const string FocusProbe = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return { id: 'body', visible: false };
            const style = getComputedStyle(el);
            const rect = el.getBoundingClientRect();
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadowed = style.boxShadow && style.boxShadow !== 'none';
            const onScreen = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.left < innerWidth;
            return {
                id: el.id || el.getAttribute('href') || el.tagName,
                visible: onScreen && (outlined || shadowed)
            };
        }
        """;

    private sealed class Focus
    {
        public string Id { get; set; } = string.Empty;

        public bool Visible { get; set; }
    }

    private static async Task TabUntilAsync(IPage page, Func<Focus, bool> target, string description)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusProbe);
            Assert.True(focus.Visible, $"focus on '{focus.Id}' cannot be seen");
            if (target(focus))
            {
                return;
            }
        }

        Assert.Fail($"Could not reach {description} within {MaxTabs} presses of Tab.");
    }

    private static async Task<bool> PressEnterAndWaitForAsync(IPage page, string url)
    {
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 15_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    [BrowserFact]
    public async Task Symptom_check_can_be_reached_answered_and_submitted_by_keyboard_alone()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await TabUntilAsync(page, f => f.Id == "/symptom-check", "the link to the symptom check");
        // Wait for the new page to commit rather than fully load: CI runs other test hosts beside this one.
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML");
        if (!await PressEnterAndWaitForAsync(page, "**/symptom-check") && !await PressEnterAndWaitForAsync(page, "**/symptom-check"))
        {
            // On a busy CI machine a first Enter has twice gone unanswered; a person would press it again too.
            Assert.Fail($"Enter on {focused} did not open the symptom check; the page is {page.Url}");
        }
        await page.WaitForSelectorAsync("#sign-one-side");

        await TabUntilAsync(page, f => f.Id == "sign-one-side", "the first neck question");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, f => f.Id == "sign-starts-in-neck", "the second neck question");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, f => f.Id == "BUTTON", "the submit button");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("main[data-outcome]");
        Assert.Equal("physio", await page.GetAttributeAsync("main", "data-outcome"));
    }

    [BrowserFact]
    public async Task Skip_link_is_the_first_stop_and_is_visible()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/articles");

        await page.Keyboard.PressAsync("Tab");
        var focus = await page.EvaluateAsync<Focus>(FocusProbe);

        Assert.Equal("#main", focus.Id);
        Assert.True(focus.Visible);
    }
}
