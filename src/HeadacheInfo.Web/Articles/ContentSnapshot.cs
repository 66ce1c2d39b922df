using System.Collections.Frozen;
using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Everything the site serves from the content folder at one moment, and everything derived from it
/// (<see cref="Part{T}"/>). Never changed once built: a reload builds a new snapshot and swaps it in whole.
/// </summary>
public sealed record ContentSnapshot(
    long Version,
    DateTimeOffset LoadedAt,
    ImmutableArray<Article> Articles,
    ImmutableArray<ContentProblem> Problems)
{
    public static ContentSnapshot Empty { get; } = new(0, DateTimeOffset.MinValue, [], []);

    /// <summary>Articles marked <c>draft: true</c> that are not served (staff still see them on the dashboard).</summary>
    public ImmutableArray<Article> Drafts { get; init; } = [];

    /// <summary>Groups of search terms that mean the same (<c>synonyms.txt</c> in the content folder).</summary>
    public ImmutableArray<ImmutableArray<string>> Synonyms { get; init; } = [];

    /// <summary>Files changed so recently that they may still be being saved; their previous version, if any, is served.</summary>
    public ImmutableArray<string> Settling { get; init; } = [];

    /// <summary>When the last of <see cref="Settling"/> will have gone unwritten long enough to be read.</summary>
    public DateTimeOffset? SettlesAt { get; init; }

    /// <summary>What was derived from this snapshot when it was built, by type (see <see cref="ISnapshotPart"/>).</summary>
    public ImmutableDictionary<Type, object> Parts { get; init; } = ImmutableDictionary<Type, object>.Empty;

    /// <summary>The part of type <typeparamref name="T"/>, or null when none was built (a snapshot outside the site).</summary>
    public T? Part<T>() where T : class => Parts.GetValueOrDefault(typeof(T)) as T;

    public ContentSnapshot With(object part) => this with { Parts = Parts.SetItem(part.GetType(), part) };

    private FrozenDictionary<string, Article> BySlug { get; } =
        Articles.ToFrozenDictionary(article => article.Slug, StringComparer.Ordinal);

    public Article? Find(string slug) => BySlug.GetValueOrDefault(slug);

    /// <summary>
    /// A short hash of everything the snapshot shows, the same on every instance that loaded the same files,
    /// so it can serve as an HTTP validator (ETag) behind a load balancer.
    /// </summary>
    public string Fingerprint { get; } = FingerprintOf(Articles);

    private static string FingerprintOf(ImmutableArray<Article> articles)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var article in articles)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(article.Slug));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(article.FrontMatter.ToString()));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', article.FrontMatter.References)));
            // What a symptom-check result lists changes with this, so a validator must too.
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("suits:" + string.Join(',', article.FrontMatter.Suits)));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(article.Html));
        }

        return Convert.ToHexString(hash.GetHashAndReset().AsSpan(0, 8)).ToLowerInvariant();
    }

    /// <summary>How many related articles an article page lists.</summary>
    public const int RelatedCount = 5;

    /// <summary>
    /// The articles an article page suggests next: up to <see cref="RelatedCount"/> others from its category,
    /// those that follow it in the site's order, wrapping round to the start. The article need not be in the
    /// snapshot yet (a draft being previewed): it is placed where it would be once published.
    /// </summary>
    public IReadOnlyList<Article> RelatedTo(Article article)
    {
        var inSnapshot = ReferenceEquals(Find(article.Slug), article);
        var peers = inSnapshot
            ? Categories.FirstOrDefault(group => group.Category.Key == article.Category.Key).Articles ?? []
            : [.. ContentLoader.SiteOrder(Articles.Where(a => a.Category.Key == article.Category.Key && a.Slug != article.Slug).Append(article), CategoryList)];
        var at = peers.ToList().FindIndex(a => a.Slug == article.Slug);
        return [.. Enumerable.Range(1, Math.Min(RelatedCount, Math.Max(peers.Count - 1, 0))).Select(step => peers[(at + step) % peers.Count])];
    }

    /// <summary>The site's categories, in its order, as the settings file held them when this snapshot was loaded.</summary>
    public ArticleCategories CategoryList
    {
        get => _categoryList;
        init
        {
            _categoryList = value;
            _categories = null;
        }
    }

    private readonly ArticleCategories _categoryList = ArticleCategories.Shipped;

    private CategoryGroups? _categories;

    private sealed record CategoryGroups(ImmutableArray<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Groups);

    /// <summary>Categories that have articles, in the site's order, each with its articles in order.</summary>
    public ImmutableArray<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Categories =>
        (_categories ??= new(
        [
            .. CategoryList.All
                .Select(category => (category, (IReadOnlyList<Article>)[.. Articles.Where(a => a.Category.Key == category.Key)]))
                .Where(group => group.Item2.Count > 0),
        ])).Groups;
}
