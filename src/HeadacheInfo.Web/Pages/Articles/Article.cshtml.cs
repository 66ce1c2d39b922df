using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Articles;

public sealed class ArticleModel(ContentStore store) : PageModel
{
    public Article Article { get; private set; } = null!;

    public IActionResult OnGet(string? slug)
    {
        // Anything outside the slug pattern, traversal attempts included, is simply not an article.
        if (!Slug.IsValid(slug) || store.Current.Find(slug!) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        return Page();
    }
}
