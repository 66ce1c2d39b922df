using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Search;

/// <summary>Search results, <see cref="SiteSearch.PageSize"/> to a page; each search counts towards the client's limit.</summary>
[EnableRateLimiting(RateLimitPolicy.Search)]
public sealed class SearchModel(UsageCounter counter) : PageModel
{
    public string Query { get; private set; } = string.Empty;

    public SearchResults Results { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<SearchHit> Hits => Results.Hits;

    public void OnGet(string? q)
    {
        Query = SiteSearch.Capped((q ?? string.Empty).Trim());
        Results = Query.Length == 0 ? Results : SiteSearch.Search(ContentStore.For(HttpContext), Query, RequestedPage());
        if (Query.Length > 0 && Results.Page == 1)
        {
            // The first page only: moving on to page 2 is the same search. Scrubbed before it is kept.
            counter.Searched(Query, foundNothing: Results.Total == 0);
        }
    }

    /// <summary>The address of another page of these results.</summary>
    public string PageAddress(int page) => $"/search?q={Uri.EscapeDataString(Query)}&{PageParameter}={page}";

    // "page" is the query parameter readers see, but Razor Pages keeps a route value of that name for the page's
    // own path, so it is read from the query string rather than bound.
    private const string PageParameter = "page";

    /// <summary>Which page of results was asked for, from 1; anything else shows the nearest page there is.</summary>
    private int RequestedPage() =>
        long.TryParse(Request.Query[PageParameter].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page)
            ? (int)Math.Clamp(page, 1, int.MaxValue)
            : 1;
}
