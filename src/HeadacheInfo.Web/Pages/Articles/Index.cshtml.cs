using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Articles;

[ContentPage]
[InSitemap(1)]
public sealed class ArticleListModel : PageModel
{
    public IReadOnlyList<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Categories { get; private set; } = [];

    public void OnGet() => Categories = ContentStore.For(HttpContext).Categories;
}
