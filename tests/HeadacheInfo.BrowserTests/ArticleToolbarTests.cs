using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>
/// The article editor's formatting toolbar, as a writer who uses only a keyboard meets it: each button reached
/// with Tab and pressed with Enter writes its Markdown at the cursor, keeps the focus in the body box and is
/// announced; without JavaScript there is no toolbar and the box and its buttons work as before.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ArticleToolbarTests(BrowserSite site)
{
    private const string Text = "First paragraph.\n\nLast paragraph.";

    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    /// <summary>Each button, where the cursor or selection is in <see cref="Text"/>, and the text it leaves.</summary>
    public static TheoryData<string, int, int, string> Formats => new()
    {
        { "heading", 16, 16, "First paragraph.\n\n## Heading\n\nLast paragraph." },
        { "bold", 6, 15, "First **paragraph**.\n\nLast paragraph." },
        { "list", 16, 16, "First paragraph.\n\n- First item\n- Second item\n\nLast paragraph." },
        { "link", 6, 15, "First [paragraph](/articles/article-address).\n\nLast paragraph." },
        { "care-card", 16, 16, "First paragraph.\n\n::: info\nWrite the advice here.\n:::\n\nLast paragraph." },
        { "picture", 16, 16, "First paragraph.\n\n![Describe what the picture shows](/images/picture-name.png)\n\nLast paragraph." },
        { "emergency-number", 16, 16, "First paragraph.{{emergency-number}}\n\nLast paragraph." },
    };

    private static async Task<IPage> EditorAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await StaffBrowser.SignInAsync(page, email);
        await page.GotoAsync("/staff/articles/new");
        return page;
    }

    /// <summary>Puts the text and the cursor in the body box, then goes to the field before it, as a writer tabbing along.</summary>
    private static async Task PlaceCursorAsync(IPage page, string text, int start, int end)
    {
        await page.EvalOnSelectorAsync("#Body", "(box, [text, start, end]) => { box.value = text; box.setSelectionRange(start, end); }", new object[] { text, start, end });
        await page.FocusAsync("#Author");
    }

    private static async Task PressByKeyboardAsync(IPage page, string format)
    {
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('data-format')") == format)
            {
                await page.Keyboard.PressAsync("Enter");
                return;
            }
        }

        Assert.Fail($"Tab never reached the {format} button from the field before the body box.");
    }

    [BrowserFact]
    public async Task The_toolbar_is_real_buttons_above_the_body_box_each_naming_what_it_inserts_and_the_page_is_accessible()
    {
        await site.AddStaffAsync("toolbar-markup@clinic.example", "author");
        await using var context = await site.NewContextAsync();
        var page = await EditorAsync(context, "toolbar-markup@clinic.example");

        var toolbar = await page.WaitForSelectorAsync("[data-format-toolbar]");
        var buttons = await toolbar!.QuerySelectorAllAsync("button");
        Assert.Equal(["heading", "bold", "list", "link", "care-card", "picture", "emergency-number"],
            (await Task.WhenAll(buttons.Select(b => b.GetAttributeAsync("data-format")))).Select(name => name ?? "(none)"));
        foreach (var button in buttons)
        {
            Assert.Equal("button", await button.GetAttributeAsync("type"));
            Assert.False(string.IsNullOrWhiteSpace(await button.TextContentAsync()));
        }

        Assert.Equal("toolbar", await toolbar.GetAttributeAsync("role"));
        Assert.False(string.IsNullOrWhiteSpace(await toolbar.GetAttributeAsync("aria-label")));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('[data-format-toolbar]').compareDocumentPosition(document.querySelector('#Body')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the toolbar comes before the body box");
        Assert.Equal("polite", await page.GetAttributeAsync("[data-format-announcement]", "aria-live"));

        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var results = await page.RunAxe(WcagAaRules);
            Assert.True(results.Violations.Length == 0, $"at {width} px: " +
                string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0,
                $"the editor scrolls sideways at {width} px");
        }
    }

    [BrowserTheory]
    [MemberData(nameof(Formats))]
    public async Task Each_button_reached_by_Tab_and_pressed_with_Enter_inserts_its_markdown_at_the_cursor_and_keeps_the_focus_in_the_box(
        string format, int start, int end, string expected)
    {
        await site.AddStaffAsync($"toolbar-{format}@clinic.example", "author");
        await using var context = await site.NewContextAsync();
        var page = await EditorAsync(context, $"toolbar-{format}@clinic.example");
        await page.WaitForSelectorAsync("[data-format-toolbar]");
        await PlaceCursorAsync(page, Text, start, end);

        await PressByKeyboardAsync(page, format);

        Assert.Equal(expected, await page.InputValueAsync("#Body"));
        Assert.Equal("Body", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.WaitForFunctionAsync("() => document.querySelector('[data-format-announcement]').textContent.trim().length > 0");
    }

    [BrowserFact]
    public async Task What_the_toolbar_inserts_passes_the_checker()
    {
        await site.AddStaffAsync("toolbar-checked@clinic.example", "author");
        await using var context = await site.NewContextAsync();
        var page = await EditorAsync(context, "toolbar-checked@clinic.example");
        await page.WaitForSelectorAsync("[data-format-toolbar]");
        await page.FillAsync("#Title", "Toolbar words");
        await page.FillAsync("#Summary", "Words the toolbar wrote.");
        await page.FillAsync("#Body", "Most headaches from the neck get better. Call ");
        foreach (var format in new[] { "emergency-number", "heading", "list", "care-card" })
        {
            await page.EvalOnSelectorAsync("#Body", "box => box.setSelectionRange(box.value.length, box.value.length)");
            await page.ClickAsync($"button[data-format='{format}']");
        }

        await page.ClickAsync("button[value='preview']");
        await page.WaitForSelectorAsync(".draft-check");

        Assert.Empty(await page.QuerySelectorAllAsync(".draft-check li[data-severity='error']"));
        var card = await page.QuerySelectorAsync("[data-preview] .care-card");
        Assert.NotNull(card);
    }

    [BrowserFact]
    public async Task Without_JavaScript_no_toolbar_shows_and_the_form_still_saves()
    {
        await site.AddStaffAsync("toolbar-no-script@clinic.example", "author");
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await EditorAsync(context, "toolbar-no-script@clinic.example");

        Assert.Empty(await page.QuerySelectorAllAsync("[data-format], [data-format-toolbar]"));
        await page.FillAsync("#Title", "Written without script");
        await page.FillAsync("#Summary", "A page written with JavaScript turned off.");
        await page.FillAsync("#Body", "## Plain\n\nTyped into the plain box.\n");
        await page.ClickAsync("button[value='save-draft']");
        await page.WaitForSelectorAsync("[data-editor-message]");

        Assert.Equal("## Plain\n\nTyped into the plain box.", (await page.InputValueAsync("#Body")).Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Empty(await page.QuerySelectorAllAsync("[data-format], [data-format-toolbar]"));
    }
}
