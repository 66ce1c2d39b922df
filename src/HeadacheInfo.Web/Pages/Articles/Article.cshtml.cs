using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Articles;

[ContentPage]
public sealed class ArticleModel(TimeProvider time) : PageModel
{
    /// <summary>"On this page" appears once an article has this many sections.</summary>
    public const int SectionsForContentsList = 3;

    /// <summary>The article as <c>_ArticleBody.cshtml</c> shows it, with up to five related articles (see <see cref="ContentSnapshot.RelatedTo"/>).</summary>
    public ArticleView View { get; private set; } = null!;

    public Article Article => View.Article;

    public IActionResult OnGet(string? slug)
    {
        // Anything outside the slug pattern, traversal attempts included, is simply not an article.
        var content = ContentStore.For(HttpContext);
        if (!Slug.IsValid(slug) || content.Find(slug!) is not { } article)
        {
            return NotFound();
        }

        View = ArticleView.For(article, content, time);
        return Page();
    }
}
