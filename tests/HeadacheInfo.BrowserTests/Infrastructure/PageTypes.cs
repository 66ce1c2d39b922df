using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests.Infrastructure;

/// <summary>Every kind of page the site has, and how a person reaches it.</summary>
public static class PageTypes
{
    public static readonly IReadOnlyDictionary<string, Func<IPage, Task>> All = new Dictionary<string, Func<IPage, Task>>
    {
        ["home"] = page => GoAsync(page, "/"),
        ["article-list"] = page => GoAsync(page, "/articles"),
        ["article"] = page => GoAsync(page, $"/articles/{BrowserSite.FixtureArticle}"),
        // The shipped articles with the widest tables.
        ["article-signs-table"] = page => GoAsync(page, "/articles/is-my-headache-coming-from-my-neck"),
        ["article-comparison-table"] = page => GoAsync(page, "/articles/neck-headache-or-migraine"),
        ["symptom-form"] = page => GoAsync(page, "/symptom-check"),
        ["outcome-emergency"] = page => SubmitSymptomsAsync(page, "thunderclap"),
        ["outcome-urgent"] = page => SubmitSymptomsAsync(page, "pregnant", "one-side"),
        ["outcome-gp"] = page => SubmitSymptomsAsync(page, "throbbing", "one-side", "starts-in-neck"),
        ["outcome-physio"] = page => SubmitSymptomsAsync(page, "one-side", "starts-in-neck", "neck-movement"),
        ["how-it-works"] = page => GoAsync(page, "/symptom-check/how-it-works"),
        ["not-found"] = page => GoAsync(page, "/no-such-page"),
        ["staff-sign-in"] = page => GoAsync(page, "/staff/sign-in"),
        ["headache-diary"] = page => GoAsync(page, "/headache-diary"),
        ["privacy"] = page => GoAsync(page, "/privacy"),
        ["article-exercise-pictures"] = page => GoAsync(page, "/articles/gentle-exercises-at-home"),
        ["feedback-thanks"] = async page =>
        {
            await page.GotoAsync($"/articles/{BrowserSite.FixtureArticle}");
            await page.ClickAsync("section.feedback button[value=yes]");
            await page.WaitForSelectorAsync("[data-feedback-thanks], [data-feedback-not-saved]");
        },
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>Every page type at a phone's width and at a desktop's.</summary>
    public static TheoryData<string, int> NamesAtEachWidth()
    {
        var cases = new TheoryData<string, int>();
        foreach (var name in All.Keys)
        {
            cases.Add(name, 375);
            cases.Add(name, 1280);
        }

        return cases;
    }

    public static async Task GoAsync(IPage page, string path) => await page.GotoAsync(path);

    /// <summary>Ticks the boxes on the real form and submits it, as a person would.</summary>
    public static async Task SubmitSymptomsAsync(IPage page, params string[] signs)
    {
        await page.GotoAsync("/symptom-check");
        foreach (var sign in signs)
        {
            await page.CheckAsync($"#sign-{sign}");
        }

        await page.ClickAsync("form.symptom-form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-outcome]");
    }
}
