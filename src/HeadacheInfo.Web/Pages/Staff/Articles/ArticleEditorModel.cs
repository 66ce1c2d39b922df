using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>
/// The article form, for a new article and for a change: the front matter as fields, the body in one box.
/// Buttons: preview, save-draft, submit-for-review (and keep-mine after a conflict). Every rule is the
/// workflow's; this page turns the form into an <see cref="ArticleEdit"/> and the result into words.
/// </summary>
public abstract class ArticleEditorModel(ArticleWorkflow workflow, UserManager<StaffUser> users) : PageModel
{
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Title { get; set; } = string.Empty;

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Summary { get; set; } = string.Empty;

    [BindProperty] public string Category { get; set; } = ArticleCategory.All[0].Key;

    [BindProperty] public int? Order { get; set; }

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string References { get; set; } = string.Empty;

    [BindProperty] public string? Author { get; set; }

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Body { get; set; } = string.Empty;

    [BindProperty] public string? Note { get; set; }

    /// <summary>"What changed, for readers": one optional line for the article's public change log.</summary>
    [BindProperty] public string? ReaderNote { get; set; }

    /// <summary>The published text the author's text started from, to notice a change made since.</summary>
    [BindProperty] public string? BaseHash { get; set; }

    /// <summary>The revision the form was opened from, or last saved as (0 for the published text).</summary>
    [BindProperty] public long DraftVersion { get; set; }

    public abstract string ArticleSlug { get; }

    public abstract bool IsNew { get; }

    public DraftCheck? Preview { get; private set; }

    public string? Message { get; protected set; }

    public IReadOnlyList<string> Problems { get; protected set; } = [];

    /// <summary>What the author should know about the text in the form: returned, waiting, written by someone else.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

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
        Body = draft.Body;
    }

    /// <summary>Loads the form: the change in progress if there is one, else the published text. False when there is no such article.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } me || await workflow.StartEditingAsync(ArticleSlug, me) is not { } start)
        {
            return false;
        }

        if (start.Fields is { } fields)
        {
            Fill(fields);
        }
        else if (start.RawText is { } raw)
        {
            Body = raw;
        }

        DraftVersion = start.StartedFrom;
        BaseHash = start.BaseHash;
        Notices = start.Notices;
        Message = start.Status;
        ReaderNote = start.ReaderNote;
        return true;
    }

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var (_, check, problems) = await workflow.PreviewAsync(Edit());
        Preview = check;
        Problems = problems;
        return Page();
    }

    public Task<IActionResult> OnPostSaveDraftAsync() => SaveAsync(send: false);

    public Task<IActionResult> OnPostSubmitForReviewAsync() => SaveAsync(send: true);

    /// <summary>After a conflict the form starts from what the author was shown, so keeping their own text is a save like any other.</summary>
    public Task<IActionResult> OnPostKeepMineAsync() => SaveAsync(send: false);

    private async Task<IActionResult> SaveAsync(bool send)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        if (ModelState[nameof(Order)]?.Errors.Count > 0)
        {
            Problems = ["The order must be a whole number, such as 3, or left empty. Nothing was saved; your text is still here."];
            return Page();
        }

        var result = await workflow.SaveAsync(Edit(), me, send);
        if (this.Show(result, done => Message = done, refused => Problems = [refused.Message, .. refused.Problems]) is { } answer)
        {
            return answer;
        }

        if (result.Revision is { } saved)
        {
            // What the next post starts from: the form must carry these, not the values it was posted with.
            DraftVersion = saved.Id;
            BaseHash = result.BaseHash ?? saved.BaseHash;
            ModelState.Remove(nameof(DraftVersion));
            ModelState.Remove(nameof(BaseHash));
            OnSaved(saved);
            Preview = workflow.Check(ArticleSlug, saved.Text);
            if (result.Theirs is { } theirs)
            {
                ChangedSince = TextDiff.Lines(theirs, saved.Text);
            }
        }

        return Page();
    }

    /// <summary>What the form must carry once a revision is saved, beyond where it started from.</summary>
    protected virtual void OnSaved(ArticleRevision saved)
    {
    }

    private ArticleEdit Edit() => new(
        ArticleSlug, IsNew, Title, Summary, Category, Order,
        References.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Author, Body, Note,
        DraftVersion, BaseHash ?? string.Empty) { ReaderNote = ReaderNote };
}
