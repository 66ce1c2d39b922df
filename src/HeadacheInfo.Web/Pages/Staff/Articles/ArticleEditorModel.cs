using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>
/// The article form, for a new article and for a change: the front matter as fields, the body in one box.
/// Buttons: preview, save-draft, submit-for-review (and keep-mine after a conflict). Every rule is the
/// workflow's; this page turns the form into an <see cref="ArticleEdit"/> and the result into words.
/// </summary>
public abstract class ArticleEditorModel(ArticleQueries queries, DraftEditing drafts, PictureUploads pictures, UserManager<StaffUser> users) : PageModel
{
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Title { get; set; } = string.Empty;

    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Summary { get; set; } = string.Empty;

    [BindProperty] public string Category { get; set; } = ArticleCategory.Shipped[0].Key;

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

    /// <summary>A picture to add (upload-picture): PNG, JPEG, WebP or SVG.</summary>
    [BindProperty] public IFormFile? Picture { get; set; }

    /// <summary>What the picture shows, for people who cannot see it; needed unless <see cref="PictureDecorative"/>.</summary>
    [BindProperty] public string? PictureAlt { get; set; }

    /// <summary>The picture adds nothing a reader needs: it gets an empty alt text.</summary>
    [BindProperty] public bool PictureDecorative { get; set; }

    [BindProperty] public string? PictureCaption { get; set; }

    /// <summary>The name to give the picture, made safe as the file's own name is; the file's own name when empty.</summary>
    [BindProperty] public string? PictureName { get; set; }

    /// <summary>Words from the paragraph the picture goes after; at the end of the article when empty.</summary>
    [BindProperty] public string? PictureAfter { get; set; }

    /// <summary>"yes" on the second press of discard-draft, from the confirmation: the first press only asks.</summary>
    [BindProperty(Name = "confirm")] public string? ConfirmDiscard { get; set; }

    /// <summary>The first press of discard-draft: the page asks before anything is thrown away.</summary>
    public bool AskingToDiscard { get; private set; }

    /// <summary>Whether the discard-draft button shows: a draft or returned change, and this person its writer or a reviewer.</summary>
    public bool MayDiscard { get; protected set; }

    public abstract string ArticleSlug { get; }

    public abstract bool IsNew { get; }

    /// <summary>The checker's findings and the preview of the text the form makes, once previewed or saved.</summary>
    public DraftPreview? Preview { get; private set; }

    public string? Message { get; protected set; }

    public IReadOnlyList<string> Problems { get; protected set; } = [];

    /// <summary>What the author should know about the text in the form: returned, waiting, written by someone else.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

    /// <summary>When the text the form was based on changed since: what changed, beside the author's own text.</summary>
    public ProseChange? ChangedSince { get; private set; }

    public ArticleQueries Queries => queries;

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
        if (await users.GetUserAsync(User) is not { } me || await drafts.StartEditingAsync(ArticleSlug, me) is not { } start)
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

    /// <summary>
    /// The largest form the editor takes: far more than an article and a picture need, so a picture that is too
    /// big is still read and refused on the form with the reason, the author's words kept. Anything larger is
    /// answered 413 before it is read, with a page that says what to do.
    /// </summary>
    public const long MaxRequestBytes = HeadacheInfo.Web.Staff.Pictures.WebPhotos.MaxUploadBytes + 2 * 1024 * 1024;

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var (text, check, problems) = await drafts.PreviewAsync(Edit());
        Preview = check is null || text is null ? null : new DraftPreview(check, text);
        Problems = problems;
        return Page();
    }

    public Task<IActionResult> OnPostSaveDraftAsync() => SaveAsync(send: false);

    public Task<IActionResult> OnPostSubmitForReviewAsync() => SaveAsync(send: true);

    /// <summary>After a conflict the form starts from what the author was shown, so keeping their own text is a save like any other.</summary>
    public Task<IActionResult> OnPostKeepMineAsync() => SaveAsync(send: false);

    /// <summary>Adds the chosen picture to the body and saves the whole form as a draft, or says why not, keeping every word.</summary>
    public async Task<IActionResult> OnPostUploadPictureAsync()
    {
        if (Picture is not { Length: > 0 } file)
        {
            Problems = ["Choose a picture file first (PNG, JPEG, WebP or SVG), then press Upload picture. Nothing was saved; your text is still here."];
            return Page();
        }

        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, HttpContext.RequestAborted);
            bytes = copy.ToArray();
        }

        // The name the author gave, else the file's own name as the browser sent it; the workflow makes it safe.
        var name = PictureName?.Trim() is { Length: > 0 } chosen
            ? chosen.Contains('.', StringComparison.Ordinal) ? chosen : chosen + Path.GetExtension(file.FileName).ToLowerInvariant()
            : file.FileName;
        var upload = new PictureUpload(name, bytes, PictureAlt, PictureDecorative, PictureCaption, PictureAfter);
        var answer = await SaveAsync((edit, me) => pictures.UploadPictureAsync(edit, upload, me), onSaved: saved =>
        {
            // The body now holds the picture; the picture's own boxes are empty for the next one.
            Body = ArticleDraft.FromMarkdown(saved.Text)?.Body ?? Body;
            PictureAlt = PictureCaption = PictureName = PictureAfter = null;
            PictureDecorative = false;
            foreach (var key in new[] { nameof(Body), nameof(PictureAlt), nameof(PictureCaption), nameof(PictureName), nameof(PictureAfter), nameof(PictureDecorative) })
            {
                ModelState.Remove(key);
            }
        });

        return answer;
    }

    /// <summary>
    /// Discard a draft: the first press shows the stored draft and asks; only a second press carrying confirm=yes
    /// throws it away, and then the form shows the published text again.
    /// </summary>
    public async Task<IActionResult> OnPostDiscardDraftAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        var seen = DraftVersion;
        var confirmed = string.Equals(ConfirmDiscard, "yes", StringComparison.Ordinal);
        // The form is shown as stored, never as posted: the discard form carries no text of its own.
        ModelState.Clear();
        var result = confirmed ? await drafts.DiscardAsync(ArticleSlug, seen, me) : null;
        var refused = confirmed ? null : await drafts.DiscardRefusalAsync(ArticleSlug, me);
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (result is not null)
        {
            return this.Show(result, done => Message = done, problem => Problems = [problem.Message]) ?? Page();
        }

        if (refused is { } no)
        {
            Problems = [RefusalWords.For(no, HeadacheInfo.Editorial.EditorialAction.Discard)];
            if (no == HeadacheInfo.Editorial.Refusal.NotAWriter)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return Page();
        }

        AskingToDiscard = true;
        return Page();
    }

    private Task<IActionResult> SaveAsync(bool send) => SaveAsync((edit, me) => drafts.SaveAsync(edit, me, send));

    private async Task<IActionResult> SaveAsync(Func<ArticleEdit, StaffUser, Task<WorkflowResult>> save, Action<ArticleRevision>? onSaved = null)
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

        var result = await save(Edit(), me);
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
            onSaved?.Invoke(saved);
            Preview = new DraftPreview(queries.Check(ArticleSlug, saved.Text), saved.Text);
            if (result.Theirs is { } theirs)
            {
                ChangedSince = ProseChange.Between(theirs, saved.Text, text => queries.Check(ArticleSlug, text).Article, ContentStore.For(HttpContext).CategoryList,
                    added: "only in your version", removed: "only in the other version");
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
