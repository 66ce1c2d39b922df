using System.Collections.Concurrent;
using System.Collections.Frozen;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Renders every content page for a new snapshot, reusing an article's page when neither it, its related
/// articles nor the date have changed. Pages are found from the endpoints marked <see cref="ContentPageAttribute"/>:
/// one without parameters is one page; one with a <c>slug</c> is one page per article.
/// </summary>
internal sealed class PrerenderedPagesPart(PageRenderer renderer, EndpointDataSource endpoints) : ISnapshotPart
{
    public async ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken)
    {
        if (!renderer.Ready || renderer.Address is not { } address)
        {
            return PrerenderedPages.None;
        }

        var today = renderer.Today;
        var earlier = previous.Part<PrerenderedPages>() is { } pages && pages.BuiltOn == today && pages.OnlyHost == address.OnlyHost
            ? pages : PrerenderedPages.None;
        var rendered = new ConcurrentDictionary<string, PrerenderedPage>(StringComparer.Ordinal);
        foreach (var pattern in ContentPagePatterns())
        {
            if (PageRoutes.PathOf(pattern) is { } path)
            {
                await AddAsync(path, null, string.Empty);
            }
            else if (PageRoutes.IsPerArticle(pattern))
            {
                // Side by side, as readers' requests run: a catch-up of thousands of articles renders them all at once.
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(snapshot.Articles, parallel, async (article, _) =>
                {
                    await AddAsync(PageRoutes.PathOf(pattern, article.Slug)!, article, RelatedKey(snapshot, article));
                });
            }
        }

        return new PrerenderedPages(rendered.ToFrozenDictionary(StringComparer.Ordinal), today, address.BaseUrl.Scheme, address.OnlyHost);

        async Task AddAsync(string path, Article? article, string relatedKey)
        {
            // An article's page shows the article and the titles of its related articles, nothing else from the content.
            if (article is not null && earlier.ByPath.TryGetValue(path, out var kept) &&
                ReferenceEquals(kept.Article, article) && kept.RelatedKey == relatedKey)
            {
                rendered[path] = kept;
            }
            else if (await renderer.RenderAsync(path, snapshot, article, relatedKey, cancellationToken) is { } page)
            {
                rendered[path] = page;
            }
        }
    }

    private IEnumerable<RoutePattern> ContentPagePatterns() =>
        PageRoutes.Addressed(endpoints)
            .Where(e => e.Metadata.GetMetadata<ContentPageAttribute>() is not null)
            .Select(e => e.RoutePattern);

    private static string RelatedKey(ContentSnapshot snapshot, Article article) =>
        string.Join('\n', snapshot.RelatedTo(article).Select(a => $"{a.Slug}\t{a.Title}"));
}
