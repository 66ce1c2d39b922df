using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages;

[ContentPage]
[HeadacheInfo.Web.SearchEngines.InSitemap(0)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Categories { get; private set; } = [];

    public void OnGet() => Categories = ContentStore.For(HttpContext).Categories;
}
