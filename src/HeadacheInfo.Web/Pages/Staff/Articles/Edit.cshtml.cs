using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>A change to an article, published or not yet.</summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
[HeadacheInfo.Web.Security.TakesUploads, RequestSizeLimit(MaxRequestBytes)]
public sealed class EditModel(ArticleWorkflow workflow, UserManager<StaffUser> users) : ArticleEditorModel(workflow, users)
{
    [FromRoute] public string Slug { get; set; } = string.Empty;

    public override string ArticleSlug => Slug;

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();
}
