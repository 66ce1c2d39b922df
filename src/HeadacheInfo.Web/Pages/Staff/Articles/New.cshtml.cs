using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>A new article: its web address comes from the title, and can be changed.</summary>
[AcceptsFormPost]
[TakesUploads, RequestSizeLimit(MaxRequestBytes)]
public sealed class NewModel(ArticleQueries queries, DraftEditing drafts, PictureUploads pictures, UserManager<StaffUser> users)
    : ArticleEditorModel(queries, drafts, pictures, users)
{
    [BindProperty] public string? NewSlug { get; set; }

    public override string ArticleSlug => string.IsNullOrWhiteSpace(NewSlug) ? ArticleDraft.SlugFrom(Title) : NewSlug.Trim();

    public override bool IsNew => true;

    public void OnGet() => Fill(ArticleDraft.Empty(Queries.Today));

    /// <summary>Later saves of this new article go to the address it was first saved at, whatever the title becomes.</summary>
    protected override void OnSaved(ArticleRevision saved)
    {
        NewSlug = saved.Slug;
        ModelState.Remove(nameof(NewSlug));
    }
}
