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

    public Article Article { get; private set; } = null!;

    public IReadOnlyList<ArticleHeading> Sections { get; private set; } = [];

    /// <summary>Past its <c>next_review</c>: still served, with a quiet line saying so.</summary>
    public bool ReviewOverdue { get; private set; }

    /// <summary>Up to five other articles from the same category (see <see cref="ContentSnapshot.RelatedTo"/>).</summary>
    public IReadOnlyList<Article> Related { get; private set; } = [];

    public IActionResult OnGet(string? slug)
    {
        // Anything outside the slug pattern, traversal attempts included, is simply not an article.
        var content = ContentStore.For(HttpContext);
        if (!Slug.IsValid(slug) || content.Find(slug!) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        ReviewOverdue = article.FrontMatter.NextReview < time.UtcToday();
        Sections = [.. article.Headings.Where(h => h.Level == 2)];
        Related = content.RelatedTo(article);
        return Page();
    }
}
