using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages;

[ContentPage]
[InSitemap(0)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Categories { get; private set; } = [];

    public void OnGet() => Categories = ContentStore.For(HttpContext).Categories;
}
