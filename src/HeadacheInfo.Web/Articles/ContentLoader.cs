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

    public ContentSnapshot Load(string contentRoot, bool includeDrafts, long version)
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
            if (ArticleFiles.ReadText(path, file, problems) is not { } text)
            {
                continue;
            }

            var result = parser.Parse(file, slug, text);
            problems.AddRange(result.Problems);
            if (result.Article is { } article && (includeDrafts || !article.FrontMatter.Draft))
            {
                articles.Add(article);
            }
        }

        var ordered = articles
            .OrderBy(a => a.Category.Position)
            .ThenBy(a => a.FrontMatter.Order ?? int.MaxValue)
            .ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        return new ContentSnapshot(version, time.GetUtcNow(), ordered, [.. problems]);
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
