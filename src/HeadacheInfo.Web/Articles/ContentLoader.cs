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
    /// <param name="settle">
    /// A changed file written to less than this long ago may still be half saved: it is not read yet, its
    /// previous version (if any) is kept, and it is listed in <see cref="ContentSnapshot.Settling"/> so the
    /// caller can load again once it has settled.
    /// </param>
    /// <summary>The order the site lists articles in: by category (in the list's order), then <c>order</c>, then title.</summary>
    public static IOrderedEnumerable<Article> SiteOrder(IEnumerable<Article> articles, ArticleCategories categories) =>
        articles
            .OrderBy(a => categories.PositionOf(a.Category))
            .ThenBy(a => a.FrontMatter.Order ?? int.MaxValue)
            .ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase);

    /// <param name="categories">The list that stands when the folder's settings file holds one that will not do (the last good one).</param>
    public ContentSnapshot Load(string contentRoot, bool includeDrafts, long version, ParsedFileCache? cache = null, TimeSpan settle = default,
        ArticleCategories? categories = null)
    {
        var articles = new List<Article>();
        var drafts = new List<Article>();
        var problems = new List<ContentProblem>();
        var settling = new List<string>();
        var settlesAt = DateTimeOffset.MinValue;
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new ArticleFileStore(contentRoot);
        var found = new List<(string Path, string File, string Slug)>();
        // In folder order, each file's refusal or its place in found: reported in the order the files sit.
        var steps = new List<(ContentProblem? Refused, int Found)>();

        foreach (var (path, file) in files.List(problems))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            if (!Path.GetExtension(path).Equals(ArticleExtension, StringComparison.Ordinal) || !Slug.IsValid(slug))
            {
                steps.Add((new(file, null,
                    "the file name must use only lowercase letters, numbers and single hyphens, and end in .md, " +
                    "such as 'neck-exercises.md'"), -1));
                continue;
            }

            if (slugOwners.TryGetValue(slug, out var owner))
            {
                steps.Add((new(file, null, $"the name '{slug}' is already used by {owner}; rename one of them"), -1));
                continue;
            }

            slugOwners[slug] = file;
            steps.Add((null, found.Count));
            found.Add((path, file, slug));
        }

        var listed = ArticleCategories.Read(files.ContentRoot, problems, categories);
        var results = ParseFiles(files, found, cache, settle, settling, ref settlesAt, listed);
        foreach (var (refused, at) in steps)
        {
            if (refused is not null)
            {
                problems.Add(refused);
                continue;
            }

            if (results[at] is not { } parsed)
            {
                continue;
            }

            var result = listed.Bind(parsed);

            problems.AddRange(result.Problems);
            if (result.Article is { } article)
            {
                (includeDrafts || !article.FrontMatter.Draft ? articles : drafts).Add(article);
            }
        }

        cache?.EndLoad();
        var synonyms = ReadSynonyms(files, problems);
        var ordered = SiteOrder(articles, listed).ToImmutableArray();
        return new ContentSnapshot(version, time.GetUtcNow(), ordered, [.. problems])
        {
            Settling = [.. settling],
            Drafts = [.. drafts.OrderBy(a => a.File, StringComparer.Ordinal)],
            Synonyms = synonyms,
            CategoryList = listed,
            SettlesAt = settling.Count > 0 ? settlesAt : null,
        };
    }

    /// <summary>
    /// Each file's parse result, in the order given (none for a new file still being saved); a file that is unchanged,
    /// or still being saved, is not read. The files
    /// that must be read are parsed side by side: Markdig and the YAML reader are most of a load's time.
    /// </summary>
    private ArticleParseResult?[] ParseFiles(
        ArticleFileStore files, List<(string Path, string File, string Slug)> found, ParsedFileCache? cache,
        TimeSpan settle, List<string> settling, ref DateTimeOffset settlesAt, ArticleCategories categories)
    {
        var results = new ArticleParseResult?[found.Count];
        var toRead = new List<(int Index, DateTime LastWrite, long Length)>();
        for (var i = 0; i < found.Count; i++)
        {
            var (path, file, _) = found[i];
            // For a link (allowed only within the folder), the target's time and length are what change on an edit.
            var onDisk = new FileInfo(path);
            var info = onDisk.LinkTarget is null ? onDisk : onDisk.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? onDisk;
            var (lastWrite, length) = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
            if (cache?.Find(path, lastWrite, length) is { } cached)
            {
                results[i] = cached;
                continue;
            }

            // A save in progress (half the file written, then a pause) must not be published cut off: wait until
            // the file has not been written to for a moment. A time in the future (a skewed network clock) counts as settled.
            var written = new DateTimeOffset(lastWrite, TimeSpan.Zero);
            var sinceWritten = time.GetUtcNow() - written;
            if (sinceWritten >= TimeSpan.Zero && sinceWritten < settle)
            {
                settling.Add(file);
                settlesAt = written + settle > settlesAt ? written + settle : settlesAt;
                results[i] = cache?.Previous(path);
                continue;
            }

            toRead.Add((i, lastWrite, length));
        }

        Parallel.ForEach(toRead, job =>
        {
            var (path, file, slug) = found[job.Index];
            var parsed = ReadAndParse(files, path, file, slug, []);
            // Kept bound when the list holds its category, so the next load finds the very same article; a file
            // refused for its category is kept as parsed, to be bound again once the list holds it.
            results[job.Index] = categories.Bind(parsed) is { Article: not null } bound ? bound : parsed;
        });
        foreach (var job in toRead)
        {
            cache?.Add(found[job.Index].Path, job.LastWrite, job.Length, results[job.Index]!);
        }

        return results;
    }

    /// <summary>The search synonyms staff keep beside the articles, if they keep any; a line that cannot be used is a problem like any other.</summary>
    private static ImmutableArray<ImmutableArray<string>> ReadSynonyms(ArticleFileStore files, List<ContentProblem> problems)
    {
        var path = Path.Combine(files.ContentRoot, Search.SearchSynonyms.FileName);
        return File.Exists(path) && files.ReadText(path, Search.SearchSynonyms.FileName, problems) is { } text
            ? Search.SearchSynonyms.Read(text, problems)
            : [];
    }

    /// <summary>Whatever goes wrong with one file, even deep inside Markdig or the YAML reader, leaves out that file alone.</summary>
    private ArticleParseResult ReadAndParse(ArticleFileStore files, string path, string file, string slug, List<ContentProblem> problems)
    {
        try
        {
            return files.ReadText(path, file, problems) is { } text
                ? parser.Parse(file, slug, text)
                : new ArticleParseResult(null, [.. problems]);
        }
#pragma warning disable CA1031 // One unreadable file must never stop the others from loading, whatever the failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = ex is ArgumentException && ex.Message.Contains("too deeply nested", StringComparison.Ordinal)
                ? "the Markdown is nested too deeply to read (quotes, lists, emphasis, care cards or footnotes inside each other); simplify it"
                : $"the file could not be read as an article ({ex.GetType().Name}: {ex.Message})";
            return ArticleParseResult.Failed(new(file, null, reason));
        }
    }
}
