using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>The whole content loop in a real browser, as two members of staff would do it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffWorkflowTests(BrowserSite site)
{
    private static readonly AxeRunOptions WcagAaRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(WcagAaRules);
        Assert.Empty(results.Violations.Select(v => $"{page.Url} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
    }

    [BrowserFact]
    public async Task An_author_previews_saves_and_sends_a_reviewer_approves_and_patients_see_it()
    {
        await site.AddStaffAsync("browser-author@clinic.example", "author");
        await site.AddStaffAsync("browser-reviewer@clinic.example", "reviewer");

        await using (var authorContext = await site.NewContextAsync(375))
        {
            var author = await authorContext.NewPageAsync();
            await StaffBrowser.SignInAsync(author, "browser-author@clinic.example");
            await AssertNoAxeViolationsAsync(author);
            await author.GotoAsync("/staff/articles/new");
            await author.FillAsync("#Title", "Sleeping with a stiff neck");
            await author.FillAsync("#Summary", "How to rest your neck at night when it is stiff.");
            await author.FillAsync("#Body", "## Your pillow\n\nUse one pillow that keeps your head level with your body.\n");
            await author.ClickAsync("button[value=preview]");
            // The page the click returned, whenever a busy machine returns it: wait for what it shows, not for an event.
            await author.WaitForSelectorAsync("[data-preview] h1, [data-editor-problem]", new() { Timeout = 90_000 });
            Assert.True(await author.QuerySelectorAsync("[data-preview] h1") is not null, (await author.TextContentAsync("main"))?[..Math.Min(800, (await author.TextContentAsync("main"))!.Length)]);
            Assert.Equal("Sleeping with a stiff neck", await author.TextContentAsync("[data-preview] h1"));
            await AssertNoAxeViolationsAsync(author);
            // The order the staff guide teaches: Preview, Save draft, Send for review, with no false conflict.
            await author.ClickAsync("button[value=save-draft]");
            await author.WaitForSelectorAsync("[data-editor-message]");
            Assert.Contains("Draft saved", await author.TextContentAsync("[data-editor-message]"), StringComparison.Ordinal);
            Assert.Null(await author.QuerySelectorAsync("[data-conflict]"));
            await author.ClickAsync("button[value=submit-for-review]");
            await author.WaitForSelectorAsync("[data-editor-message]:has-text('Sent for review')");
            Assert.Null(await author.QuerySelectorAsync("[data-conflict]"));
            Assert.Null(await author.QuerySelectorAsync("[data-editor-problem]"));
        }

        await using (var reviewerContext = await site.NewContextAsync(1280))
        {
            var reviewer = await reviewerContext.NewPageAsync();
            await StaffBrowser.SignInAsync(reviewer, "browser-reviewer@clinic.example");
            await reviewer.GotoAsync("/staff/reviews");
            await AssertNoAxeViolationsAsync(reviewer);
            await reviewer.ClickAsync("[data-slug='sleeping-with-a-stiff-neck'] a");
            await reviewer.WaitForSelectorAsync("ins[data-word-diff='added']");
            await AssertNoAxeViolationsAsync(reviewer);
            await reviewer.ClickAsync("button[value=approve]");
            await reviewer.WaitForSelectorAsync("[data-review-message]");
            await reviewer.GotoAsync("/staff");
            await AssertNoAxeViolationsAsync(reviewer);
        }

        await using var publicContext = await site.NewContextAsync();
        var patient = await publicContext.NewPageAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await patient.GotoAsync("/articles/sleeping-with-a-stiff-neck");
            if (response?.Status == 200)
            {
                break;
            }

            await patient.WaitForTimeoutAsync(100);
        }

        Assert.Equal("Sleeping with a stiff neck", await patient.TextContentAsync("main h1"));
        Assert.Contains("one pillow", await patient.TextContentAsync("main .article-body"), StringComparison.Ordinal);
    }
}
