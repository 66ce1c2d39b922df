namespace HeadacheInfo.Web.Articles;

/// <inheritdoc />
public sealed class ArticleFileStore(string contentRoot) : IArticleFileStore
{
    /// <summary>Where each slug's file was at the walk <see cref="Located"/> made; null: walk for every slug.</summary>
    private Dictionary<string, (string Path, string File)>? _located;

    public string ContentRoot { get; } = Path.GetFullPath(contentRoot);

    private string ArticlesFolder => Path.Combine(ContentRoot, ContentLoader.ArticlesFolder);

    public IReadOnlyList<(string Path, string File)> List(List<ContentProblem> problems)
    {
        if (!Directory.Exists(ArticlesFolder))
        {
            problems.Add(new(ContentLoader.ArticlesFolder, null, "there is no articles folder, so there are no articles to show"));
            return [];
        }

        return ArticleFiles.Find(ContentRoot, ArticlesFolder, problems);
    }

    public string? ReadText(string path, string file, List<ContentProblem> problems) => ArticleFiles.ReadText(path, file, problems);

    public ArticleFileRead Read(string slug)
    {
        if (!Slug.IsValid(slug))
        {
            return new(null, null);
        }

        var problems = new List<ContentProblem>();
        var found = Locate(slug, problems);
        if (found is not { } entry)
        {
            return new(null, problems.FirstOrDefault(p => SlugOf(p.File) == slug)?.Reason);
        }

        var text = ReadText(entry.Path, entry.File, problems);
        return new(text, text is null ? problems[^1].Reason : null);
    }

    public void Write(string slug, string text)
    {
        var target = PathFor(slug);
        AtomicFile.WriteAllText(target, text, overwrite: true);
        _located?.TryAdd(slug, (target, ArticleFiles.Relative(ContentRoot, target)));
    }

    public void CheckWritable(string slug, string text) => AtomicFile.CheckWritable(PathFor(slug), text);

    public void Delete(string slug)
    {
        if (Locate(slug, []) is { } entry)
        {
            try
            {
                File.Delete(entry.Path);
                _located?.Remove(slug);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new IOException(ex.Message, ex);
            }
        }
    }

    /// <summary>Where the article lives now (in a subfolder if staff put it there), else where a new one goes.</summary>
    private string PathFor(string slug) =>
        Slug.IsValid(slug)
            ? Locate(slug, []) is { } entry ? entry.Path : Path.Combine(ArticlesFolder, slug + ContentLoader.ArticleExtension)
            : throw new ArgumentException($"'{slug}' is not a valid slug", nameof(slug));

    public IArticleFileStore Located() => new ArticleFileStore(ContentRoot)
    {
        // The folder's sorted order, first file first, as a walk for one slug would find it.
        _located = List([]).GroupBy(entry => SlugOf(entry.File), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
    };

    private (string Path, string File)? Locate(string slug, List<ContentProblem> problems)
    {
        if (_located is { } located)
        {
            var known = located.TryGetValue(slug, out var remembered);
            if (known && File.Exists(remembered.Path))
            {
                return remembered;
            }

            if (!known && !Path.Exists(Path.Combine(ArticlesFolder, slug + ContentLoader.ArticleExtension)))
            {
                return null;
            }

            // Moved, removed or put in its usual place by a person since the walk: this slug is looked for again.
            located.Remove(slug);
        }

        foreach (var entry in List(problems))
        {
            if (SlugOf(entry.File) == slug)
            {
                _located?.TryAdd(slug, entry);
                return entry;
            }
        }

        return null;
    }

    private static string SlugOf(string file) => Path.GetFileNameWithoutExtension(file);

}
