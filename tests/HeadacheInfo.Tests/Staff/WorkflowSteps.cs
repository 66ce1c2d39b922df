using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Staff;

/// <summary>The workflow's steps as a member of staff takes them, each from the page the last one gave.</summary>
public static class WorkflowSteps
{
    /// <summary>The author opens the editor, changes the body and presses Send for review; returns the page it answered with.</summary>
    public static async Task<string> SendAsync(StaffClient author, string slug, string body = "## Changed\n\nNew words.\n")
    {
        var (_, edit) = await author.GetAsync($"/staff/articles/{slug}/edit");
        using var sent = await author.SubmitAsync(edit, $"/staff/articles/{slug}/edit", new Dictionary<string, string> { ["Body"] = body }, "submit-for-review");
        return (await HeadacheInfoFactory.ReadPageAsync(sent)).Body!.TextContent;
    }

    /// <summary>The reviewer opens the change from their dashboard and presses a button on the review page; returns the review page's address.</summary>
    public static async Task<string> DecideAsync(StaffClient reviewer, string slug, string button, string comment)
    {
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var link = dashboard.QuerySelector($"[data-work='to-review'] li[data-slug='{slug}'] a")!.GetAttribute("href")!;
        var (_, review) = await reviewer.GetAsync(link);
        (await reviewer.SubmitAsync(review, link, new Dictionary<string, string> { ["Comment"] = comment }, button)).Dispose();
        return link;
    }
}
