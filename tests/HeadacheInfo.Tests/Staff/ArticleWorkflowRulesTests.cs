using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff;
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
            foreach (var slug in new[] { "roles", "four-eyes", "waiting", "checker", "moved-on", "race", "render-once", "older-base", "rollback" })
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
    private async Task<T> WithWorkflowAsync<T>(Func<ArticleWorkflow, Task<T>> call)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<ArticleWorkflow>());
    }

    private static ArticleEdit Edit(string slug, string body, long startedFrom = 0, string? baseHash = null) =>
        new(slug, IsNew: false, $"About {slug}", "A summary.", "signs", null, ["NHS. Headaches."], null, body, null, startedFrom, baseHash ?? string.Empty);

    private async Task<ArticleRevision> SendAsync(string slug, StaffUser author, string body)
    {
        var baseHash = await WithWorkflowAsync(w => Task.FromResult(ArticleDraft.Fingerprint(w.PublishedText(slug))));
        var result = await WithWorkflowAsync(w => w.SaveAsync(Edit(slug, body, baseHash: baseHash), author, send: true));
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
        var fingerprint = ArticleDraft.Fingerprint(File("roles"));

        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.ReturnAsync(sent.Id, "No.", other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.ConfirmAsync("roles", fingerprint, other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.TakeDownAsync("roles", "No longer needed.", other))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.RollBackAsync("roles", sent.Id, other))).Outcome);
        Assert.DoesNotContain("A change by an author.", File("roles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_one_who_wrote_any_revision_of_a_change_may_decide_on_it()
    {
        var writer = await UserAsync("rules-writer@clinic.example", StaffRoles.Reviewer);
        var sender = await UserAsync("rules-sender@clinic.example", StaffRoles.Author);
        var independent = await UserAsync("rules-independent@clinic.example", StaffRoles.Reviewer);
        var baseHash = ArticleDraft.Fingerprint(File("four-eyes"));
        var saved = await WithWorkflowAsync(w => w.SaveAsync(Edit("four-eyes", "## Mine\n\nThe writer's words.\n", baseHash: baseHash), writer, send: false));
        var sent = await WithWorkflowAsync(w => w.SaveAsync(Edit("four-eyes", "## Mine\n\nThe writer's words.\n", saved.Revision!.Id, baseHash), sender, send: true));
        Assert.True(sent.Succeeded, sent.Message);

        Assert.Equal(["rules-sender@clinic.example", "rules-writer@clinic.example"], await WithWorkflowAsync(w => w.ContributorsAsync("four-eyes")));
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.ApproveAsync(sent.Revision!.Id, null, writer))).Outcome);
        Assert.Equal(WorkflowOutcome.Done, (await WithWorkflowAsync(w => w.ApproveAsync(sent.Revision!.Id, null, independent))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await WithWorkflowAsync(w => w.ConfirmAsync("four-eyes", ArticleDraft.Fingerprint(File("four-eyes")), writer))).Outcome);
    }

    [Fact]
    public async Task Only_a_change_still_waiting_can_be_decided()
    {
        var author = await UserAsync("rules-waiting-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-waiting-reviewer@clinic.example", StaffRoles.Reviewer);
        var sent = await SendAsync("waiting", author, "## Change\n\nWaiting words.\n");
        Assert.True((await WithWorkflowAsync(w => w.ReturnAsync(sent.Id, "Add a source.", reviewer))).Succeeded);

        var approve = await WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, reviewer));

        Assert.Equal(WorkflowOutcome.Conflict, approve.Outcome);
        Assert.DoesNotContain("Waiting words.", File("waiting"), StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Returned, (await WithWorkflowAsync(w => w.StateAsync("waiting")))!.Status);
    }

    [Fact]
    public async Task A_text_the_checker_finds_errors_in_is_never_sent_or_approved()
    {
        var author = await UserAsync("rules-checker-author@clinic.example", StaffRoles.Author);
        var baseHash = ArticleDraft.Fingerprint(File("checker"));

        var sent = await WithWorkflowAsync(w => w.SaveAsync(Edit("checker", "## Help\n\nCall 999 now.\n", baseHash: baseHash), author, send: true));

        Assert.Equal(WorkflowOutcome.Invalid, sent.Outcome);
        Assert.Equal(RevisionActions.Saved, sent.Revision!.Action);
        Assert.Equal(ChangeStatus.Draft, (await WithWorkflowAsync(w => w.StateAsync("checker")))!.Status);
    }

    [Fact]
    public async Task A_change_begun_before_the_published_text_moved_on_is_not_approved()
    {
        var author = await UserAsync("rules-moved-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-moved-reviewer@clinic.example", StaffRoles.Reviewer);
        var sent = await SendAsync("moved-on", author, "## Change\n\nBased on the old text.\n");
        site.Content.WriteArticle("moved-on", "About moved-on, edited on disk");

        var approve = await WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, reviewer));

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
            WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, one)),
            WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, two)));

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
        var oldBase = ArticleDraft.Fingerprint(File("older-base"));
        var sent = await SendAsync("older-base", author, "## Change\n\nThe first change.\n");
        // The author keeps writing in a form opened before the approval.
        Assert.True((await WithWorkflowAsync(w => w.ApproveAsync(sent.Id, null, reviewer))).Succeeded);

        var later = await WithWorkflowAsync(w => w.SaveAsync(Edit("older-base", "## Change\n\nA newer draft.\n", sent.Id, oldBase), author, send: false));

        Assert.Equal(WorkflowOutcome.Conflict, later.Outcome);
        Assert.Contains("A newer draft.", later.Revision!.Text, StringComparison.Ordinal);
        Assert.Contains("The first change.", File("older-base"), StringComparison.Ordinal);
        var start = await WithWorkflowAsync(w => w.StartEditingAsync("older-base", author));
        Assert.Contains("A newer draft.", start!.Fields!.Body, StringComparison.Ordinal);
        Assert.Contains(start.Notices, n => n.Contains("older version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_text_is_rendered_once_however_often_its_review_is_opened()
    {
        var text = File("render-once");

        var first = await WithWorkflowAsync(w => Task.FromResult(w.Check("render-once", text)));
        var second = await WithWorkflowAsync(w => Task.FromResult(w.Check("render-once", text)));

        Assert.Same(first.Article, second.Article);
    }

    [Fact]
    public async Task A_version_approved_before_is_put_back_at_once_by_any_reviewer_and_nothing_else_is()
    {
        var author = await UserAsync("rules-rollback-author@clinic.example", StaffRoles.Author);
        var reviewer = await UserAsync("rules-rollback-reviewer@clinic.example", StaffRoles.Reviewer);
        var first = await SendAsync("rollback", author, "## Change\n\nThe approved words.\n");
        var approved = await WithWorkflowAsync(w => w.ApproveAsync(first.Id, null, reviewer));
        var second = await SendAsync("rollback", author, "## Change\n\nWords that proved wrong.\n");
        Assert.True((await WithWorkflowAsync(w => w.ApproveAsync(second.Id, null, reviewer))).Succeeded);

        Assert.Equal(WorkflowOutcome.Invalid, (await WithWorkflowAsync(w => w.RollBackAsync("rollback", second.Id, reviewer))).Outcome);
        var back = await WithWorkflowAsync(w => w.RollBackAsync("rollback", approved.Revision!.Id, reviewer));

        Assert.True(back.Succeeded, back.Message);
        Assert.Equal(approved.Revision!.Text, File("rollback"));
    }
}
