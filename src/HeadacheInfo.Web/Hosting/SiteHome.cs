using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Hosting;

/// <summary>
/// <c>Site:Home</c>: the one folder that holds a server's live data, <c>content/</c>, <c>data/</c> and <c>keys/</c>,
/// outside the published code, so an upgrade replaces the code and never the clinic's own work. Each of the three
/// can still be put elsewhere with <c>Content:Path</c>, <c>Data:Path</c> or <c>DataProtection:KeysPath</c>.
/// </summary>
public static class SiteHome
{
    public const string Key = "Site:Home";
    public const string DefaultFolder = "/var/lib/headacheinfo";

    /// <summary>The articles a release ships, copied beside the published program (see the project file).</summary>
    public const string ShippedContentFolderName = "shipped-content";

    public const string ContentFolderName = "content";
    public const string DataFolderName = "data";
    public const string KeysFolderName = "keys";

    public static string ShippedContent => Path.Combine(AppContext.BaseDirectory, ShippedContentFolderName);

    /// <summary>
    /// The home in use, or null. Set: that folder. Unset: <see cref="DefaultFolder"/> outside Development when
    /// <c>Content:Path</c> does not say where the content is; in Development, or with <c>Content:Path</c> set,
    /// none, and the folders are found as before (the repository's <c>content/</c>, <c>data/</c> beside it).
    /// </summary>
    public static string? Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Key] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return environment.IsDevelopment() || !string.IsNullOrWhiteSpace(configuration[$"{ContentOptions.Section}:Path"])
            ? null
            : DefaultFolder;
    }

    /// <summary>
    /// Points the content, data and keys settings left unset at the home, makes the home (0700) and, on a first
    /// start, fills an empty <c>content/</c> with the shipped articles. Throws <see cref="OptionsValidationException"/>
    /// naming the key when the home cannot be written.
    /// </summary>
    public static WebApplicationBuilder AddSiteHome(this WebApplicationBuilder builder)
    {
        var paths = Apply(builder.Configuration, builder.Environment);
        if (paths.Home is not null)
        {
            Prepare(paths);
        }

        RefuseShippedFolderInProduction(builder.Configuration, builder.Environment);
        return builder;
    }

    /// <summary>The folders as the settings say, with the home filling in what they leave unset.</summary>
    public static HomePaths Apply(ConfigurationManager configuration, IHostEnvironment environment)
    {
        var home = Resolve(configuration, environment);
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? FromHome(string key, string folder)
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]))
            {
                return null;
            }

            if (home is null)
            {
                return null;
            }

            var path = Path.Combine(home, folder);
            overrides[key] = path;
            return path;
        }

        var content = FromHome($"{ContentOptions.Section}:Path", ContentFolderName);
        var data = FromHome($"{DataOptions.Section}:Path", DataFolderName);
        var keys = FromHome($"{DataProtectionSettings.Section}:{nameof(DataProtectionSettings.KeysPath)}", KeysFolderName);
        // A server with a home is a release installed from a published folder: its shipped articles are offered for
        // review where they differ from the live ones (Staff/Upgrades), never copied over them.
        var shippedKey = $"{ContentOptions.Section}:{nameof(ContentOptions.ShippedPath)}";
        if (home is not null && string.IsNullOrWhiteSpace(configuration[shippedKey]))
        {
            overrides[shippedKey] = ShippedContent;
        }

        if (overrides.Count > 0)
        {
            configuration.AddInMemoryCollection(overrides);
        }

        return new HomePaths(home, content, data, keys);
    }

    private static void Prepare(HomePaths paths)
    {
        var home = paths.Home!;
        try
        {
            CreatePrivateFolder(home);
            var probe = Path.Combine(home, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            if (paths.Keys is { } keys)
            {
                CreatePrivateFolder(keys);
            }

            if (paths.Content is { } content)
            {
                SeedContent(content);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OptionsValidationException(Key, typeof(HomePaths),
            [
                $"{Key}: the folder '{home}' cannot be written by this user ({ex.Message}). Set {Key} (environment variable " +
                "Site__Home) to a folder the site's user owns, or create that one and give it to the site's user.",
            ]);
        }
    }

    /// <summary>A missing or empty content folder gets the shipped articles, copied whole and then moved into place.</summary>
    private static void SeedContent(string content)
    {
        if (Directory.Exists(content) && Directory.EnumerateFileSystemEntries(content).Any())
        {
            return;
        }

        if (!Directory.Exists(ShippedContent))
        {
            return; // the content check at start then says the content folder is missing
        }

        var staging = content + $".seeding-{Guid.NewGuid():N}";
        CopyFolder(ShippedContent, staging);
        if (Directory.Exists(content))
        {
            Directory.Delete(content);
        }

        Directory.Move(staging, content);
    }

    internal static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    internal static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, StaffDataFolder.FolderMode);
        }
    }

    /// <summary>Approvals write into the live content folder; the release's own copy stays as shipped, for the next upgrade to compare.</summary>
    private static void RefuseShippedFolderInProduction(ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction() || configuration[$"{ContentOptions.Section}:Path"] is not { Length: > 0 } configured)
        {
            return;
        }

        var content = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
        var shipped = Path.TrimEndingDirectorySeparator(ShippedContent);
        if (content == shipped || content.StartsWith(shipped + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new OptionsValidationException("Content:Path", typeof(ContentOptions),
            [
                $"Content:Path: '{content}' is the shipped articles' folder, which is never written in Production. " +
                $"Leave Content:Path unset to use {Key}/{ContentFolderName} (seeded from it on a first start).",
            ]);
        }
    }
}

/// <summary>The home and the folders it supplies (null: that one is set on its own, or there is no home).</summary>
public sealed record HomePaths(string? Home, string? Content, string? Data, string? Keys);
