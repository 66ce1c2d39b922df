using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Search;

public sealed class SearchModel : PageModel
{
    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public void OnGet(string? q)
    {
        Query = (q ?? string.Empty).Trim();
        if (Query.Length > SiteSearch.MaxQueryLength)
        {
            Query = Query[..SiteSearch.MaxQueryLength];
        }

        Hits = Query.Length == 0 ? [] : SiteSearch.Search(ContentStore.For(HttpContext), Query);
    }
}
