using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Articles;

/// <summary>The <c>Content</c> section of configuration.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";
    public const string DefaultFolderName = "content";

    /// <summary>
    /// The content folder; a relative path is resolved against the current directory. When it is not set,
    /// the nearest <c>content/</c> folder holding <c>articles/</c> in the current directory or above it is
    /// used, which finds the repository's own when the site is started with <c>dotnet run</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Serve articles marked <c>draft: true</c>. On in Development so staff can preview.</summary>
    public bool ShowDrafts { get; set; }

    public string FullPath => string.IsNullOrWhiteSpace(Path) ? FindDefaultFolder() : System.IO.Path.GetFullPath(Path);

    /// <summary>
    /// The articles this release ships, to compare with the live ones on an upgrade. <c>Site:Home</c> sets it to the
    /// <c>shipped-content</c> folder beside the published program (<see cref="Hosting.SiteHome.ShippedContent"/>);
    /// unset (Development, tests, a server without a home), there is no release to offer from.
    /// </summary>
    public string? ShippedPath { get; set; }

    /// <summary>
    /// The shipped articles to offer from, or null when there are none, or they are the live folder itself:
    /// then there is nothing to offer.
    /// </summary>
    public string? ShippedFullPath()
    {
        if (string.IsNullOrWhiteSpace(ShippedPath))
        {
            return null;
        }

        var shipped = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(ShippedPath));
        var live = System.IO.Path.TrimEndingDirectorySeparator(FullPath);
        return Directory.Exists(System.IO.Path.Combine(shipped, ContentLoader.ArticlesFolder)) && shipped != live ? shipped : null;
    }

    private static string FindDefaultFolder()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, DefaultFolderName);
            if (Directory.Exists(System.IO.Path.Combine(candidate, ContentLoader.ArticlesFolder)))
            {
                return candidate;
            }
        }

        return System.IO.Path.GetFullPath(DefaultFolderName);
    }
}

/// <summary>Stops the app at start when the content folder is not there, naming the key and the path.</summary>
internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options) =>
        Directory.Exists(options.FullPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Content:Path: the content folder '{options.FullPath}' does not exist. Set Content:Path " +
                "(environment variable Content__Path) to the folder that holds 'articles/'.");
}
