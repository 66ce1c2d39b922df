using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>
/// The article form, for a new article and for a change: the front matter as fields, the body in one box.
/// Buttons: preview, save-draft, submit-for-review. Drafts are revisions in the database, so nothing is lost
/// when a browser closes or the site restarts; the published file changes only when a reviewer approves.
/// </summary>
public abstract class ArticleEditorModel(ArticleWorkflow workflow) : PageModel
{
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Title { get; set; } = string.Empty;

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Summary { get; set; } = string.Empty;

    [BindProperty] public string Category { get; set; } = ArticleCategory.All[0].Key;

    [BindProperty] public int? Order { get; set; }

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string References { get; set; } = string.Empty;

    [BindProperty] public string? Author { get; set; }

    [BindProperty] public string? Reviewer { get; set; }

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Body { get; set; } = string.Empty;

    [BindProperty] public string? Note { get; set; }

    /// <summary>The published file this text was based on, to notice a change made since.</summary>
    [BindProperty] public string? BaseHash { get; set; }

    /// <summary>The latest revision when the form was opened, to notice someone else saving since.</summary>
    [BindProperty] public long DraftVersion { get; set; }

    public abstract string ArticleSlug { get; }

    public abstract bool IsNew { get; }

    public DraftCheck? Preview { get; private set; }

    public string? Message { get; protected set; }

    public IReadOnlyList<string> Problems { get; protected set; } = [];

    /// <summary>When the text the form was based on changed since: what changed, beside the author's own text.</summary>
    public IReadOnlyList<DiffLine>? ChangedSince { get; private set; }

    public ArticleWorkflow Workflow => workflow;

    protected void Fill(ArticleDraft draft)
    {
        Title = draft.Title;
        Summary = draft.Summary;
        Category = draft.Category;
        Order = draft.Order;
        References = string.Join('\n', draft.References);
        Author = draft.Author;
        Reviewer = draft.Reviewer;
        Body = draft.Body;
    }

    private string Text(string? published)
    {
        var existing = ArticleDraft.FromMarkdown(published ?? string.Empty);
        var today = workflow.Today;
        return new ArticleDraft(
            Title.Trim(), Summary.Trim(), Category, Order,
            [.. References.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Author, Reviewer, Body,
            // The dates are the workflow's: kept as published until a reviewer approves, which sets them.
            existing?.LastReviewed ?? today, existing?.NextReview ?? today.AddYears(1), Draft: existing?.Draft ?? true).ToMarkdown();
    }

    /// <summary>Loads the form: the latest draft if there is one in progress, else the published text.</summary>
    protected async Task LoadAsync()
    {
        var latest = await workflow.LatestAsync(ArticleSlug);
        DraftVersion = latest?.Id ?? 0;
        var inProgress = latest is not null && RevisionActions.IsInProgress(latest.Action);
        var published = inProgress ? null : workflow.PublishedText(ArticleSlug);
        var text = inProgress ? latest!.Text : published;
        BaseHash = inProgress ? latest!.BaseHash : ArticleDraft.Fingerprint(published);
        if (text is not null && ArticleDraft.FromMarkdown(text) is { } draft)
        {
            Fill(draft);
        }
        else if (text is not null)
        {
            Body = text;
        }

        if (latest is { Action: RevisionActions.Returned, Note: { } comment })
        {
            Message = $"The reviewer sent this back: {comment}";
        }
        else if (latest is { Action: RevisionActions.Submitted })
        {
            Message = "This change is waiting for review. Saving again takes it back to a draft.";
        }
    }

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        if (!Slug.IsValid(ArticleSlug))
        {
            Problems = ["The web address must use only lowercase letters, numbers and single hyphens, such as neck-exercises."];
            return Page();
        }

        // Read once: the dates, the new-article check and the conflict check must all see the same file.
        var published = workflow.PublishedText(ArticleSlug);
        if (IsNew && published is not null)
        {
            Problems = [$"There is already an article at /articles/{ArticleSlug}. Choose another web address, or edit that article."];
            return Page();
        }

        var text = Text(published);
        Preview = workflow.Check(ArticleSlug, text);
        switch (action)
        {
            case "preview":
                return Page();
            case "save-draft" or "submit-for-review" or "keep-mine":
                var submitting = action == "submit-for-review";
                if (submitting && Preview.HasErrors)
                {
                    Problems = ["Fix the errors the checker found before sending this for review. Your text is saved as a draft."];
                    submitting = false;
                }

                var latest = await workflow.LatestAsync(ArticleSlug);
                var publishedChanged = (BaseHash ?? string.Empty) != ArticleDraft.Fingerprint(published);
                var someoneSaved = latest is not null && latest.Id != DraftVersion && RevisionActions.IsInProgress(latest.Action);
                if (action != "keep-mine" && (publishedChanged || someoneSaved))
                {
                    // Nothing is lost: this text is saved as it stands, and the author sees what changed before choosing.
                    var kept = await workflow.RecordAsync(ArticleSlug, RevisionActions.Saved, text, BaseHash ?? string.Empty, User.Identity!.Name!, Note);
                    var theirs = someoneSaved ? latest!.Text : published ?? string.Empty;
                    ChangedSince = TextDiff.Lines(theirs, text);
                    DraftVersion = kept.Id;
                    Problems = [someoneSaved
                        ? "Someone else saved a version of this article after you opened it. Your text is saved too; compare the two below, then keep yours (adding anything of theirs you need)."
                        : "The published article changed after you opened it. Your text is saved; compare below, then keep yours (adding anything that changed that you need)."];
                    BaseHash = ArticleDraft.Fingerprint(published);
                    return Page();
                }

                var revision = await workflow.RecordAsync(ArticleSlug, submitting ? RevisionActions.Submitted : RevisionActions.Saved,
                    text, action == "keep-mine" ? ArticleDraft.Fingerprint(published) : BaseHash ?? string.Empty, User.Identity!.Name!, Note);
                DraftVersion = revision.Id;
                BaseHash = revision.BaseHash;
                Message = submitting ? "Sent for review. A reviewer will read it before patients see it." : "Draft saved. Patients do not see it until a reviewer approves it.";
                return Page();
            default:
                return BadRequest();
        }
    }
}
