using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace HeadacheInfo.Web.Pages.Staff.Articles;

/// <summary>A change to an article, published or not yet.</summary>
[HeadacheInfo.Web.Security.AcceptsFormPost]
public sealed class EditModel(ArticleWorkflow workflow) : ArticleEditorModel(workflow)
{
    [FromRoute] public string Slug { get; set; } = string.Empty;

    public override string ArticleSlug => Slug;

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HeadacheInfo.Web.Articles.Slug.IsValid(Slug) ||
            (Workflow.PublishedText(Slug) is null && await Workflow.LatestAsync(Slug) is null))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }
}
