namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>A content folder of its own for one test class, deleted afterwards.</summary>
public sealed class TemporaryContentFolder : IDisposable
{
    public TemporaryContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ArticlesFolder);
    }

    public string Root { get; }

    public string ArticlesFolder => Path.Combine(Root, "articles");

    /// <summary>Writes <paramref name="text"/> to <c>articles/{fileName}</c>, creating folders as needed.</summary>
    public string Write(string fileName, string text)
    {
        var path = Path.Combine(ArticlesFolder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a valid article called <c>{slug}.md</c>, as a clinician signed it off in the staff area.</summary>
    public string WriteArticle(string slug, string title, string category = "signs", string? body = null, bool draft = false, string? suits = null) =>
        Write($"{slug}.md", ArticleText.SignedOff(slug, ArticleText.Valid(title, category, body, draft, suits)));

    /// <summary>Copies the repository's own articles in, for tests of the real content.</summary>
    public void CopyShippedArticles()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md"))
        {
            File.Copy(file, Path.Combine(ArticlesFolder, Path.GetFileName(file)));
        }
    }

    public void Delete(string fileName) => File.Delete(Path.Combine(ArticlesFolder, fileName));

    public void Rename(string fromFileName, string toFileName) =>
        File.Move(Path.Combine(ArticlesFolder, fromFileName), Path.Combine(ArticlesFolder, toFileName));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the system anyway.
        }
    }
}
