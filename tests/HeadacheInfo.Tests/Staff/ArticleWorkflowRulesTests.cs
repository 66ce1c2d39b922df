using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Each workflow rule on the service itself, with no page in between: the rules hold whoever calls, so a
/// page that forgot one, or a second caller, cannot get round them.
/// </summary>
public sealed class ArticleWorkflowRulesTests(ArticleWorkflowRulesTests.Site site) : IClassFixture<ArticleWorkflowRulesTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            foreach (var slug in new[] { "roles", "four-eyes", "waiting", "checker", "moved-on", "race", "render-once", "older-base", "rollback",
                "rollback-reset", "restored-writers", "confirm-after-rollback", "keep-mine" })
            {
                Content.WriteArticle(slug, $"About {slug}");
            }
        }
    }

    private async Task<StaffUser> UserAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>Runs one call on a workflow of its own, as one request would.</summary>
    private async Task<T> WithWorkflowAsync<T>(Func<Workflow, Task<T>> call)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await call(new Workflow(services.GetRequiredService<ArticleQueries>(), services.GetRequiredService<DraftEditing>(), services.GetRequiredService<ArticleActions>()));
    }

    /// <summary>The editorial services one request would use: its reads, the editor's saves and the reviewer's actions.</summary>
    private sealed record Workflow(ArticleQueries Queries, DraftEditing Drafts, ArticleActions Actions);

    private static ArticleEdit Edit(string slug, string body, long startedFrom = 0, string? baseHash = null) =>
        new(slug, IsNew: false, $"About {slug}", "A summary.", "signs", null, ["NHS. Headaches."], null, body, null, startedFrom, baseHash ?? string.Empty);

    private async Task<ArticleRevision> SendAsync(string slug, StaffUser author, string body)
    {
        var baseHash = await WithWorkflowAsync(w => Task.FromResult(ArticleFile.ContentHash(w.Queries.PublishedText(slug))));
        var result = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit(slug, body, baseHash: baseHash), author, send: true));
        Assert.True(result.Succeeded, result.Message);
        return result.Revision!;
    }

    private string File(string slug) => System.IO.File.ReadAllText(Path.Combine(site.Content.ArticlesFolder, slug + ".md"));

    [Fact]
    public async Task Only_a_reviewer_may_approve_return_confirm_take_down_or_roll_back()
    {
        var author = await UserAsync("rules-author@clinic.example", StaffRoles.Author);
        var other = await UserAsync("rules-other-author@clinic.example", StaffRoles.Author);
        var sent = await SendAsync("roles", author, "## Change\n\nA change by an author.\n");
        var fingerprint = ArticleFile.ContentHash(File("roles"));

        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.ReturnAsync(sent.Id, "No.", other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.ConfirmAsync("roles", fingerprint, other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.TakeDownAsync("roles", "No longer needed.", other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.RollBackAsync("roles", sent.Id, other))).Outcome);
        Assert.DoesNotContain("A change by an author.", File("roles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_one_who_wrote_any_revision_of_a_change_may_decide_on_it()
    {
        var writer = await UserAsync("rules-writer@clinic.example", StaffRoles.Reviewer);
        var sender = await UserAsync("rules-sender@clinic.example", StaffRoles.Author);
        var independent = await UserAsync("rules-independent@clinic.example", StaffRoles.Reviewer);
        var baseHash = ArticleFile.ContentHash(File("four-eyes"));
        var saved = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("four-eyes", "## Mine\n\nThe writer's words.\n", baseHash: baseHash), writer, send: false));
        var sent = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("four-eyes", "## Mine\n\nThe writer's words.\n", saved.Revision!.Id, baseHash), sender, send: true));
        Assert.True(sent.Succeeded, sent.Message);

        Assert.Equal(["rules-sender@clinic.example", "rules-writer@clinic.example"], await WithWorkflowAsync(w => w.Queries.ContributorsAsync("four-eyes")));
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Revision!.Id, null, writer))).Outcome);
        Assert.Equal(WorkflowOutcome.Done, (await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Revision!.Id, null, independent))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.Actions.ConfirmAsync("four-eyes", ArticleFile.ContentHash(File("four-eyes")), writer))).Outcome);
    }

    [Fact]
    public async Task Only_a_change_still_waiting_can_be_decided()
    {
        var author = await UserAsync("rules-waiting-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-waiting-reviewer@clinic.example", StaffRoles.Reviewer);
        var sent = await SendAsync("waiting", author, "## Change\n\nWaiting words.\n");
        Assert.True((await WithWorkflowAsync(w => w.Actions.ReturnAsync(sent.Id, "Add a source.", reviewer))).Succeeded);

        var approve = await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, reviewer));

        Assert.Equal(WorkflowOutcome.Conflict, approve.Outcome);
        Assert.DoesNotContain("Waiting words.", File("waiting"), StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Returned, (await WithWorkflowAsync(w => w.Queries.StateAsync("waiting")))!.Status);
    }

    [Fact]
    public async Task A_text_the_checker_finds_errors_in_is_never_sent_or_approved()
    {
        var author = await UserAsync("rules-checker-author@clinic.example", StaffRoles.Author);
        var baseHash = ArticleFile.ContentHash(File("checker"));

        var sent = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("checker", "## Help\n\nCall 999 now.\n", baseHash: baseHash), author, send: true));

        Assert.Equal(WorkflowOutcome.Invalid, sent.Outcome);
        Assert.Equal(RevisionActions.Saved, sent.Revision!.Action);
        Assert.Equal(ChangeStatus.Draft, (await WithWorkflowAsync(w => w.Queries.StateAsync("checker")))!.Status);
    }

    [Fact]
    public async Task A_change_begun_before_the_published_text_moved_on_is_not_approved()
    {
        var author = await UserAsync("rules-moved-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-moved-reviewer@clinic.example", StaffRoles.Reviewer);
        var sent = await SendAsync("moved-on", author, "## Change\n\nBased on the old text.\n");
        site.Content.WriteArticle("moved-on", "About moved-on, edited on disk");

        var approve = await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, reviewer));

        Assert.Equal(WorkflowOutcome.Conflict, approve.Outcome);
        Assert.Contains("edited on disk", File("moved-on"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_approvals_at_once_publish_once()
    {
        var author = await UserAsync("rules-race-author@clinic.example", StaffRoles.Author);
        var one = await UserAsync("rules-race-one@clinic.example", StaffRoles.Reviewer);
        var two = await UserAsync("rules-race-two@clinic.example", StaffRoles.Reviewer);
        var sent = await SendAsync("race", author, "## Change\n\nRaced words.\n");

        var results = await Task.WhenAll(
            WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, one)),
            WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, two)));

        Assert.Single(results, r => r.Outcome == WorkflowOutcome.Done);
        Assert.Single(results, r => r.Outcome == WorkflowOutcome.Conflict);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleRevisions.CountAsync(r => r.Slug == "race" && r.Action == RevisionActions.Approved));
    }

    [Fact]
    public async Task A_newer_draft_is_not_superseded_by_an_approval_and_says_it_is_based_on_an_older_version()
    {
        var author = await UserAsync("rules-older-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-older-reviewer@clinic.example", StaffRoles.Reviewer);
        var oldBase = ArticleFile.ContentHash(File("older-base"));
        var sent = await SendAsync("older-base", author, "## Change\n\nThe first change.\n");
        // The author keeps writing in a form opened before the approval.
        Assert.True((await WithWorkflowAsync(w => w.Actions.ApproveAsync(sent.Id, null, reviewer))).Succeeded);

        var later = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("older-base", "## Change\n\nA newer draft.\n", sent.Id, oldBase), author, send: false));

        Assert.Equal(WorkflowOutcome.Conflict, later.Outcome);
        Assert.Contains("A newer draft.", later.Revision!.Text, StringComparison.Ordinal);
        Assert.Contains("The first change.", File("older-base"), StringComparison.Ordinal);
        var start = await WithWorkflowAsync(w => w.Drafts.StartEditingAsync("older-base", author));
        Assert.Contains("A newer draft.", start!.Fields!.Body, StringComparison.Ordinal);
        Assert.Contains(start.Notices, n => n.Contains("older version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_text_is_rendered_once_however_often_its_review_is_opened()
    {
        var text = File("render-once");

        var first = await WithWorkflowAsync(w => Task.FromResult(w.Queries.Check("render-once", text)));
        var second = await WithWorkflowAsync(w => Task.FromResult(w.Queries.Check("render-once", text)));

        Assert.Same(first.Article, second.Article);
    }

    [Fact]
    public async Task A_version_approved_before_is_put_back_at_once_by_any_reviewer_and_nothing_else_is()
    {
        var author = await UserAsync("rules-rollback-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-rollback-reviewer@clinic.example", StaffRoles.Reviewer);
        var first = await SendAsync("rollback", author, "## Change\n\nThe approved words.\n");
        var approved = await WithWorkflowAsync(w => w.Actions.ApproveAsync(first.Id, null, reviewer));
        var second = await SendAsync("rollback", author, "## Change\n\nWords that proved wrong.\n");
        Assert.True((await WithWorkflowAsync(w => w.Actions.ApproveAsync(second.Id, null, reviewer))).Succeeded);

        Assert.Equal(WorkflowOutcome.Invalid, (await WithWorkflowAsync(w => w.Actions.RollBackAsync("rollback", second.Id, reviewer))).Outcome);
        var back = await WithWorkflowAsync(w => w.Actions.RollBackAsync("rollback", approved.Revision!.Id, reviewer));

        Assert.True(back.Succeeded, back.Message);
        Assert.Equal(approved.Revision!.Text, File("rollback"));
    }

    private async Task<WorkflowResult> ApproveAsync(long id, StaffUser reviewer) => await WithWorkflowAsync(w => w.Actions.ApproveAsync(id, null, reviewer));

    [Fact]
    public async Task Putting_back_the_version_already_live_is_refused_and_never_clears_who_wrote_the_change_in_progress()
    {
        var author = await UserAsync("reset-author@clinic.example", StaffRoles.Author);
        var writer = await UserAsync("reset-writer@clinic.example", StaffRoles.Reviewer);
        var other = await UserAsync("reset-other@clinic.example", StaffRoles.Reviewer);
        var first = await SendAsync("rollback-reset", author, "## One\n\nThe first approved words.\n");
        var live = (await ApproveAsync(first.Id, other)).Revision!;
        var mine = await SendAsync("rollback-reset", writer, "## Two\n\nThe writer's own words.\n");

        Assert.Equal(WorkflowOutcome.Invalid, (await WithWorkflowAsync(w => w.Actions.RollBackAsync("rollback-reset", live.Id, writer))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await ApproveAsync(mine.Id, writer)).Outcome);
        Assert.Contains("reset-writer@clinic.example", await WithWorkflowAsync(w => w.Queries.ContributorsAsync("rollback-reset")));
    }

    [Fact]
    public async Task A_draft_restored_from_one_never_published_brings_its_writers_with_it()
    {
        var writer = await UserAsync("restore-writer@clinic.example", StaffRoles.Reviewer);
        var author = await UserAsync("restore-author@clinic.example", StaffRoles.Author);
        var other = await UserAsync("restore-other@clinic.example", StaffRoles.Reviewer);
        var baseHash = ArticleFile.ContentHash(File("restored-writers"));
        var unreviewed = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("restored-writers", "## Claim\n\nWords no one reviewed.\n", baseHash: baseHash), writer, send: false));
        // The author opens the editor on the writer's draft, replaces every word, and sends it; another reviewer approves.
        var replaced = await WithWorkflowAsync(w => w.Drafts.SaveAsync(
            Edit("restored-writers", "## Mine\n\nThe author's own words.\n", unreviewed.Revision!.Id, baseHash), author, send: true));
        Assert.True((await ApproveAsync(replaced.Revision!.Id, other)).Succeeded);

        var restored = await WithWorkflowAsync(w => w.Actions.RestoreAsync("restored-writers", unreviewed.Revision!.Id, author));
        var sent = await WithWorkflowAsync(w => w.Drafts.SaveAsync(
            Edit("restored-writers", "## Claim\n\nWords no one reviewed.\n", restored.Revision!.Id, restored.Revision.BaseHash), author, send: true));

        Assert.True(sent.Succeeded, sent.Message);
        Assert.Contains("restore-writer@clinic.example", await WithWorkflowAsync(w => w.Queries.ContributorsAsync("restored-writers")));
        Assert.Equal(WorkflowOutcome.Forbidden, (await ApproveAsync(sent.Revision!.Id, writer)).Outcome);
    }

    [Fact]
    public async Task A_version_put_back_keeps_its_writers_who_may_not_confirm_it()
    {
        var writer = await UserAsync("putback-writer@clinic.example", StaffRoles.Reviewer);
        var author = await UserAsync("putback-author@clinic.example", StaffRoles.Author);
        var other = await UserAsync("putback-other@clinic.example", StaffRoles.Reviewer);
        var theirs = (await ApproveAsync((await SendAsync("confirm-after-rollback", writer, "## One\n\nThe writer's words.\n")).Id, other)).Revision!;
        Assert.True((await ApproveAsync((await SendAsync("confirm-after-rollback", author, "## Two\n\nThe author's words.\n")).Id, other)).Succeeded);

        Assert.True((await WithWorkflowAsync(w => w.Actions.RollBackAsync("confirm-after-rollback", theirs.Id, writer))).Succeeded);

        Assert.Equal(["putback-writer@clinic.example"], await WithWorkflowAsync(w => w.Queries.PublishedAuthorsAsync("confirm-after-rollback")));
        var confirm = await WithWorkflowAsync(w => w.Actions.ConfirmAsync("confirm-after-rollback", ArticleFile.ContentHash(File("confirm-after-rollback")), writer));
        Assert.Equal(WorkflowOutcome.Forbidden, confirm.Outcome);
    }

    [Fact]
    public async Task Keeping_your_own_version_after_a_conflict_still_stops_at_a_colleague_s_newer_save()
    {
        var mine = await UserAsync("keep-mine@clinic.example", StaffRoles.Author);
        var colleague = await UserAsync("keep-colleague@clinic.example", StaffRoles.Author);
        var baseHash = ArticleFile.ContentHash(File("keep-mine"));
        var v1 = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("keep-mine", "## V1\n\nThe colleague's first save.\n", baseHash: baseHash), colleague, send: false));
        var conflict = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("keep-mine", "## Mine\n\nMy words.\n", baseHash: baseHash), mine, send: false));
        Assert.Equal(WorkflowOutcome.Conflict, conflict.Outcome);
        // The colleague saves again from their form: told of my save in turn, their words kept as the newest draft.
        var v2 = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("keep-mine", "## V2\n\nAn important safety fix.\n", v1.Revision!.Id, baseHash), colleague, send: false));
        Assert.Equal(WorkflowOutcome.Conflict, v2.Outcome);

        // Keep mine, from the conflict page showing V1 only.
        var kept = await WithWorkflowAsync(w => w.Drafts.SaveAsync(Edit("keep-mine", "## Mine\n\nMy words.\n", conflict.Revision!.Id, conflict.BaseHash), mine, send: false));

        Assert.Equal(WorkflowOutcome.Conflict, kept.Outcome);
        Assert.Contains("An important safety fix.", kept.Theirs, StringComparison.Ordinal);
    }
}
