using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Discard a draft (issue 34): the editor asks first, then drops the change in progress; the published version
/// stays byte for byte, the history keeps the words, and the audit log says who did it.
/// </summary>
public sealed class DiscardDraftTests(DiscardDraftTests.Site site) : IClassFixture<DiscardDraftTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            foreach (var slug in new[] { "to-discard", "unconfirmed", "not-yours", "sent-away" })
            {
                Content.WriteArticle(slug, $"Article {slug}");
            }
        }
    }

    private Task<StaffClient> SignedInAsync(string email, string role) => StaffSeeding.SignedInAsync(site, email, role);

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SaveDraftAsync(StaffClient author, string slug, string body)
    {
        var (_, edit) = await author.GetAsync($"/staff/articles/{slug}/edit");
        using var saved = await author.SubmitAsync(edit, $"/staff/articles/{slug}/edit", new Dictionary<string, string> { ["Body"] = body }, "save-draft");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return await HeadacheInfoFactory.ReadPageAsync(saved);
    }

    private async Task<string> ArticleHtmlAsync(string slug)
    {
        using var response = await site.GetAsync($"/articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await HeadacheInfoFactory.ReadPageAsync(response)).QuerySelector("main")!.TextContent;
    }

    private async Task<List<ArticleRevision>> RevisionsAsync(string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug).OrderBy(r => r.Id).ToListAsync();
    }

    private static IEnumerable<string?> Drafts(AngleSharp.Html.Dom.IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("[data-work='drafts'] li").Select(li => li.GetAttribute("data-slug"));

    [Fact]
    public async Task An_author_discards_a_draft_after_confirming_and_the_published_version_stays_as_it_is()
    {
        using var author = await SignedInAsync("discarder@clinic.example", StaffRoles.Author);
        var before = await ArticleHtmlAsync("to-discard");
        var file = Path.Combine(site.Content.ArticlesFolder, "to-discard.md");
        var bytesBefore = await File.ReadAllBytesAsync(file);

        var saved = await SaveDraftAsync(author, "to-discard", "## Thrown away\n\nWords nobody needs.\n");
        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Contains("to-discard", Drafts(dashboard));

        using var asked = await author.SubmitAsync(saved, "/staff/articles/to-discard/edit", new Dictionary<string, string>(), "discard-draft");
        var confirmation = await HeadacheInfoFactory.ReadPageAsync(asked);
        Assert.Contains("Discard this draft? The published version stays as it is.", confirmation.QuerySelector("[data-discard-confirm]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Words nobody needs.", confirmation.QuerySelector("textarea[name=Body]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await RevisionsAsync("to-discard"), r => r.Action == RevisionActions.Discarded);

        using var confirmed = await author.SubmitAsync(confirmation, "/staff/articles/to-discard/edit", new Dictionary<string, string>(), "discard-draft");
        var editor = await HeadacheInfoFactory.ReadPageAsync(confirmed);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Draft discarded", editor.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Words nobody needs.", editor.QuerySelector("textarea[name=Body]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(editor.QuerySelector("button[value='discard-draft']"));
        Assert.Equal(bytesBefore, await File.ReadAllBytesAsync(file));
        Assert.Equal(before, await ArticleHtmlAsync("to-discard"));
        var (_, after) = await author.GetAsync("/staff");
        Assert.DoesNotContain("to-discard", Drafts(after));

        var revisions = await RevisionsAsync("to-discard");
        var draft = revisions.Single(r => r.Action == RevisionActions.Saved);
        Assert.Contains("Words nobody needs.", draft.Text, StringComparison.Ordinal);
        Assert.Equal(draft.Id, revisions[^1].SubjectRevisionId);
        Assert.Equal(RevisionActions.Discarded, revisions[^1].Action);
        var (historyResponse, history) = await author.GetAsync("/staff/articles/to-discard/history");
        Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
        Assert.Contains("draft discarded", history.QuerySelector($"tr[data-action='discarded']")?.TextContent, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var audit = (await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync())
            .Single(e => e.Event == AuditEvents.DraftDiscarded && e.Actor == "discarder@clinic.example");
        Assert.Contains($"to-discard (revision {draft.Id})", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discard_posted_without_confirmation_discards_nothing()
    {
        using var author = await SignedInAsync("hasty@clinic.example", StaffRoles.Author);
        var saved = await SaveDraftAsync(author, "unconfirmed", "## Keep me\n\nStill wanted.\n");
        var draftVersion = saved.QuerySelector("form[data-discard-draft] input[name=DraftVersion]")!.GetAttribute("value")!;
        var token = saved.QuerySelector("form[data-discard-draft] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var posted = await author.Http.PostAsync(new Uri("/staff/articles/unconfirmed/edit", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["DraftVersion"] = draftVersion, ["action"] = "discard-draft" }));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain(await RevisionsAsync("unconfirmed"), r => r.Action == RevisionActions.Discarded);
        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Contains("unconfirmed", Drafts(dashboard));
    }

    [Fact]
    public async Task Someone_who_did_not_write_the_draft_and_is_no_reviewer_is_refused()
    {
        using var writer = await SignedInAsync("owner@clinic.example", StaffRoles.Author);
        await SaveDraftAsync(writer, "not-yours", "## Mine\n\nMy words.\n");
        using var other = await SignedInAsync("other@clinic.example", StaffRoles.Author);

        var (_, edit) = await other.GetAsync("/staff/articles/not-yours/edit");
        Assert.Null(edit.QuerySelector("button[value='discard-draft']"));
        var token = edit.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var draftVersion = edit.QuerySelector("main form input[name=DraftVersion]")!.GetAttribute("value")!;
        using var posted = await other.Http.PostAsync(new Uri("/staff/articles/not-yours/edit", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["DraftVersion"] = draftVersion, ["confirm"] = "yes", ["action"] = "discard-draft" }));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("Only the people who wrote this draft, or a reviewer, can discard it.", (await HeadacheInfoFactory.ReadPageAsync(posted)).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await RevisionsAsync("not-yours"), r => r.Action == RevisionActions.Discarded);

        // A reviewer may: throwing a draft away signs nothing off.
        using var reviewer = await SignedInAsync("tidier@clinic.example", StaffRoles.Reviewer);
        var (_, reviewerEdit) = await reviewer.GetAsync("/staff/articles/not-yours/edit");
        using var asked = await reviewer.SubmitAsync(reviewerEdit, "/staff/articles/not-yours/edit", new Dictionary<string, string>(), "discard-draft");
        var confirmation = await HeadacheInfoFactory.ReadPageAsync(asked);
        (await reviewer.SubmitAsync(confirmation, "/staff/articles/not-yours/edit", new Dictionary<string, string>(), "discard-draft")).Dispose();
        Assert.Equal(RevisionActions.Discarded, (await RevisionsAsync("not-yours"))[^1].Action);

        // The writer hears of it when they next sign in.
        using var writerAgain = new StaffClient(site);
        (await writerAgain.SignInAsync("owner@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, dashboard) = await writerAgain.GetAsync("/staff");
        var told = Assert.Single(dashboard.QuerySelectorAll("[data-since-last-sign-in] [data-event='discarded']"));
        Assert.Equal("not-yours", told.GetAttribute("data-slug"));
    }

    [Fact]
    public async Task A_change_waiting_for_review_has_no_discard_button_and_a_posted_discard_leaves_it_waiting()
    {
        using var author = await SignedInAsync("sender@clinic.example", StaffRoles.Author);
        await WorkflowSteps.SendAsync(author, "sent-away");

        var (_, edit) = await author.GetAsync("/staff/articles/sent-away/edit");
        Assert.Null(edit.QuerySelector("button[value='discard-draft']"));
        var token = edit.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var draftVersion = edit.QuerySelector("main form input[name=DraftVersion]")!.GetAttribute("value")!;
        using var posted = await author.Http.PostAsync(new Uri("/staff/articles/sent-away/edit", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["DraftVersion"] = draftVersion, ["confirm"] = "yes", ["action"] = "discard-draft" }));

        Assert.Contains("waiting for review", (await HeadacheInfoFactory.ReadPageAsync(posted)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RevisionActions.Submitted, (await RevisionsAsync("sent-away"))[^1].Action);
    }

    [Fact]
    public async Task A_new_article_never_published_leaves_the_dashboard_once_its_draft_is_discarded()
    {
        using var author = await SignedInAsync("newdiscard@clinic.example", StaffRoles.Author);
        using var created = await author.SubmitAsync("/staff/articles/new", new Dictionary<string, string>
        {
            ["Title"] = "Never to be", ["Summary"] = "A short summary.", ["Category"] = "signs", ["References"] = "NHS. Headaches. nhs.uk",
            ["Body"] = "## Draft\n\nSome words.\n",
        }, button: "save-draft");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var (_, dashboard) = await author.GetAsync("/staff");
        Assert.Contains("never-to-be", Drafts(dashboard));

        var (_, edit) = await author.GetAsync("/staff/articles/never-to-be/edit");
        using var asked = await author.SubmitAsync(edit, "/staff/articles/never-to-be/edit", new Dictionary<string, string>(), "discard-draft");
        using var confirmed = await author.SubmitAsync(await HeadacheInfoFactory.ReadPageAsync(asked), "/staff/articles/never-to-be/edit", new Dictionary<string, string>(), "discard-draft");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var (_, after) = await author.GetAsync("/staff");
        Assert.DoesNotContain("never-to-be", Drafts(after));
        Assert.DoesNotContain("never-to-be", after.QuerySelectorAll("[data-slug]").Select(e => e.GetAttribute("data-slug")));
        using var article = await site.GetAsync("/articles/never-to-be");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);

        // The address is free again for a new article.
        using var again = await author.SubmitAsync("/staff/articles/new", new Dictionary<string, string>
        {
            ["Title"] = "Never to be", ["Summary"] = "Another go.", ["Category"] = "signs", ["References"] = "NHS. Headaches. nhs.uk",
            ["Body"] = "## Second try\n\nOther words.\n",
        }, button: "save-draft");
        Assert.DoesNotContain("There is already an article", (await HeadacheInfoFactory.ReadPageAsync(again)).Body!.TextContent, StringComparison.Ordinal);
        var (_, dashboardAgain) = await author.GetAsync("/staff");
        Assert.Contains("never-to-be", Drafts(dashboardAgain));
    }
}
