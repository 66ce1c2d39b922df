using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>Searches a content snapshot with the index built with it (see <see cref="SearchIndexPart"/>).</summary>
public static class SiteSearch
{
    public const int MaxQueryLength = 200;

    /// <summary>Results a page: a page of twenty stays small however many articles match.</summary>
    public const int PageSize = 20;

    public static IReadOnlyList<SearchHit> Search(ContentSnapshot snapshot, string query) =>
        IndexOf(snapshot).Search(Capped(query));

    public static SearchResults Search(ContentSnapshot snapshot, string query, int page) =>
        IndexOf(snapshot).Search(Capped(query), page, PageSize);

    /// <summary>The query cut to <see cref="MaxQueryLength"/>, whatever the form's maxlength said.</summary>
    public static string Capped(string query) => query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;

    // A snapshot made outside the site (a test's, the checker's) has no parts; build its index on the spot.
    private static SearchIndex IndexOf(ContentSnapshot snapshot) => snapshot.Part<SearchIndex>() ?? new SearchIndex(snapshot);
}

/// <summary>The search index, built with each snapshot, never per request.</summary>
internal sealed class SearchIndexPart : ISnapshotPart
{
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(new SearchIndex(snapshot, previous.Part<SearchIndex>()));
}
