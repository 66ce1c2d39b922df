using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Articles;

public sealed class ArticleListModel(ContentStore store) : PageModel
{
    public IReadOnlyList<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Categories { get; private set; } = [];

    public void OnGet() => Categories = [.. store.Current.ByCategory()];
}
