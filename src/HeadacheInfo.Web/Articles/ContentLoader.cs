using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Reads every article file under <c>articles/</c> in a content folder. A file that cannot be used is left
/// out with its reasons; it never stops the others from loading.
/// </summary>
public sealed class ContentLoader(ArticleParser parser, TimeProvider time)
{
    public const string ArticlesFolder = "articles";
    public const string ArticleExtension = ".md";

    /// <param name="cache">Parse results kept between loads; files whose time and length are unchanged are not read again.</param>
    public ContentSnapshot Load(string contentRoot, bool includeDrafts, long version, ParsedFileCache? cache = null)
    {
        var articles = new List<Article>();
        var problems = new List<ContentProblem>();
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (path, file) in FindArticleFiles(contentRoot, problems))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            if (!Path.GetExtension(path).Equals(ArticleExtension, StringComparison.Ordinal) || !Slug.IsValid(slug))
            {
                problems.Add(new(file, null,
                    "the file name must use only lowercase letters, numbers and single hyphens, and end in .md, " +
                    "such as 'neck-exercises.md'"));
                continue;
            }

            if (slugOwners.TryGetValue(slug, out var owner))
            {
                problems.Add(new(file, null, $"the name '{slug}' is already used by {owner}; rename one of them"));
                continue;
            }

            slugOwners[slug] = file;
            if (ParseFile(path, file, slug, problems, cache) is not { } result)
            {
                continue;
            }

            problems.AddRange(result.Problems);
            if (result.Article is { } article && (includeDrafts || !article.FrontMatter.Draft))
            {
                articles.Add(article);
            }
        }

        cache?.EndLoad();
        var ordered = articles
            .OrderBy(a => a.Category.Position)
            .ThenBy(a => a.FrontMatter.Order ?? int.MaxValue)
            .ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        return new ContentSnapshot(version, time.GetUtcNow(), ordered, [.. problems]);
    }

    private ArticleParseResult? ParseFile(string path, string file, string slug, List<ContentProblem> problems, ParsedFileCache? cache)
    {
        // For a link (allowed only within the folder), the target's time and length are what change on an edit.
        var onDisk = new FileInfo(path);
        var info = onDisk.LinkTarget is null ? onDisk : onDisk.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? onDisk;
        var (lastWrite, length) = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        if (cache?.Find(path, lastWrite, length) is { } cached)
        {
            return cached;
        }

        if (ArticleFiles.ReadText(path, file, problems) is not { } text)
        {
            return null;
        }

        var result = parser.Parse(file, slug, text);
        cache?.Add(path, lastWrite, length, result);
        return result;
    }

    private static List<(string Path, string File)> FindArticleFiles(string contentRoot, List<ContentProblem> problems)
    {
        var folder = Path.Combine(contentRoot, ArticlesFolder);
        if (!Directory.Exists(folder))
        {
            problems.Add(new(ArticlesFolder, null, "there is no articles folder, so there are no articles to show"));
            return [];
        }

        return ArticleFiles.Find(contentRoot, folder, problems);
    }
}
