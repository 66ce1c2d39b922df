namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HeadacheInfo.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (the folder with HeadacheInfo.sln).");
    }
}
