using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Docs;

/// <summary>The documents for each reader: README.md and everything in docs/.</summary>
internal static class DocsFiles
{
    public static IEnumerable<(string Name, string Path, string Text)> Documents()
    {
        var readme = System.IO.Path.Combine(RepositoryFolders.Root, "README.md");
        yield return ("README.md", readme, File.ReadAllText(readme));
        foreach (var path in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryFolders.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return ("docs/" + System.IO.Path.GetFileName(path), path, File.ReadAllText(path));
        }
    }
}
