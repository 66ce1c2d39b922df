using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages;

/// <summary>
/// "How we use your information", linked from every page's footer. Its words are the article
/// <see cref="Slug"/> (content/articles/privacy.md), so they are written, reviewed and signed off by a
/// clinician like every other article, and the page says whether they are; docs/privacy.md is the staff's copy.
/// </summary>
[ContentPage]
public sealed class PrivacyModel(TimeProvider time) : PageModel
{
    public const string Slug = "privacy";

    public ArticleView View { get; private set; } = null!;

    public IActionResult OnGet()
    {
        var content = ContentStore.For(HttpContext);
        if (content.Find(Slug) is not { } article)
        {
            return NotFound();
        }

        View = ArticleView.For(article, content, time);
        return Page();
    }
}
