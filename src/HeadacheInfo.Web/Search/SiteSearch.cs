using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>
/// Searches the current content. The index is built once per content snapshot, when first needed, and
/// replaced whole when the snapshot changes; never per request.
/// </summary>
public sealed class SiteSearch(ContentStore store)
{
    public const int MaxQueryLength = 200;

    private SearchIndex? _index;

    public IReadOnlyList<SearchHit> Search(string query)
    {
        var snapshot = store.Current;
        var index = Volatile.Read(ref _index);
        if (index is null || !ReferenceEquals(index.Snapshot, snapshot))
        {
            // Two readers may both build the index for a new snapshot; either result is correct.
            index = new SearchIndex(snapshot);
            Volatile.Write(ref _index, index);
        }

        return index.Search(query.Length > MaxQueryLength ? query[..MaxQueryLength] : query);
    }
}
