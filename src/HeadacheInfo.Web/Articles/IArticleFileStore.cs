namespace HeadacheInfo.Web.Articles;

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

    /// <summary>Whether the article's file could be written now, changing nothing (see <see cref="AtomicFile.CheckWritable"/>).</summary>
    /// <exception cref="IOException">It could not.</exception>
    void CheckWritable(string slug, string text);

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
