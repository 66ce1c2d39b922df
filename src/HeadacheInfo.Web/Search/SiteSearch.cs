using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>Searches a content snapshot with the index built with it (see <see cref="SearchIndexPart"/>).</summary>
public static class SiteSearch
{
    public const int MaxQueryLength = 200;

    public static IReadOnlyList<SearchHit> Search(ContentSnapshot snapshot, string query) =>
        // A snapshot made outside the site (a test's, the checker's) has no parts; build its index on the spot.
        (snapshot.Part<SearchIndex>() ?? new SearchIndex(snapshot))
            .Search(query.Length > MaxQueryLength ? query[..MaxQueryLength] : query);
}

/// <summary>The search index, built with each snapshot, never per request.</summary>
internal sealed class SearchIndexPart : ISnapshotPart
{
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(new SearchIndex(snapshot, previous.Part<SearchIndex>()));
}
