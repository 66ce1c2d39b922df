namespace HeadacheInfo.Web.Articles;

/// <summary>What the store found for a slug: the file's text, or why the site would not read it.</summary>
public sealed record ArticleFileRead(string? Text, string? Problem)
{
    public bool Exists => Text is not null || Problem is not null;
}

/// <summary>
/// The article files of one content folder, slug by slug: where each lives (subfolders too), its text with the
/// same refusals the site makes (links leading out, pipes, files over 1 MB, text that is not UTF-8), an atomic
/// write and a delete. The content loader reads through it and the staff workflow reads and writes through it,
/// so what staff can edit is exactly what patients can be served.
/// </summary>
public interface IArticleFileStore
{
    /// <summary>The content folder it reads.</summary>
    string ContentRoot { get; }

    /// <summary>Every <c>.md</c> file, with its path relative to the content folder; problems for what is refused.</summary>
    IReadOnlyList<(string Path, string File)> List(List<ContentProblem> problems);

    /// <summary>One file's text, or null with the reason in <paramref name="problems"/>.</summary>
    string? ReadText(string path, string file, List<ContentProblem> problems);

    /// <summary>The article with this slug: its text, or why it is refused, or neither when there is none.</summary>
    ArticleFileRead Read(string slug);

    /// <summary>Writes the article's file whole or not at all: a temporary file beside it, then a rename.</summary>
    /// <exception cref="IOException">The file could not be written; the old one is as it was.</exception>
    void Write(string slug, string text);

    /// <summary>Removes the article's file, wherever it lives.</summary>
    void Delete(string slug);

    /// <summary>
    /// The same store, remembering where each article's file is from one walk of the folder now, for applying
    /// many changes in turn: walking the whole folder for every slug takes minutes with thousands of articles.
    /// A file a person moves or removes since the walk is looked for again; one added meanwhile anywhere but its
    /// usual place is not seen, so keep it for one batch of changes. One caller at a time.
    /// </summary>
    IArticleFileStore Located();
}

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
        // Not ending in .md, so the site never reads a half-written temporary file.
        AtomicFile.Write(target, $".{slug}.{Guid.NewGuid():N}.tmp", temporary => File.WriteAllText(temporary, text), overwrite: true);
        _located?.TryAdd(slug, (target, ArticleFiles.Relative(ContentRoot, target)));
    }

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
