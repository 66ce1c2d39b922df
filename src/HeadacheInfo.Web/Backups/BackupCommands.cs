using System.Formats.Tar;
using System.IO.Compression;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Data.Sqlite;

namespace HeadacheInfo.Web.Backups;

/// <summary>
/// <c>backup FILE</c> writes one <c>.tar.gz</c> of the live content, the staff database (SQLite: an online copy
/// through SQLite's backup API, consistent while the site runs) and the Data Protection keys, mode 0600 from the
/// moment it exists. <c>restore FILE</c> fills an empty <c>Site:Home</c> from one. The same settings as the site
/// apply (<c>Site:Home</c>, <c>Content:Path</c>, <c>Data:Path</c>, <c>DataProtection:KeysPath</c>, <c>Database:Provider</c>).
/// Exit 0 when done, 2 for a missing argument, 1 when it failed or was refused.
/// </summary>
public static class BackupCommands
{
    public const string BackupName = "backup";
    public const string RestoreName = "restore";
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadArgument = CommandWords.UnknownCommandExitCode;

    /// <summary>The archive's first entry: what it is, so restore refuses any other tar.gz.</summary>
    private const string MarkerEntry = "headacheinfo-backup.txt";

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is BackupName or RestoreName;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1].Length == 0 || args[1][0] == '-' || args[1].Contains('=', StringComparison.Ordinal))
        {
            error.WriteLine($"Usage: {args[0]} FILE [--Site:Home=/var/lib/headacheinfo]");
            error.WriteLine(args[0] == BackupName
                ? "FILE is the archive to write (a .tar.gz, readable by this user only)."
                : "FILE is an archive 'backup' wrote; Site:Home must be an empty or new folder.");
            return BadArgument;
        }

        var file = Path.GetFullPath(args[1]);
        var builder = WebApplication.CreateBuilder(args[2..]);
        var home = SiteHome.Apply(builder.Configuration, builder.Environment);
        var folders = Folders.From(builder.Configuration, home);
        try
        {
            return args[0] == BackupName
                ? await BackupAsync(file, folders, builder.Configuration, output, error)
                : await RestoreAsync(file, folders, output, error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or InvalidDataException)
        {
            error.WriteLine($"{args[0]} failed: {ex.Message}");
            return Failed;
        }
    }

    private sealed record Folders(string? Home, string Content, string Data, string? Keys)
    {
        public static Folders From(ConfigurationManager configuration, HomePaths home)
        {
            var content = new ContentOptions { Path = configuration[$"{ContentOptions.Section}:Path"] }.FullPath;
            var data = configuration[$"{DataOptions.Section}:Path"] is { Length: > 0 } dataPath
                ? Path.GetFullPath(dataPath)
                : Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(content)) ?? ".", DataOptions.DefaultFolderName);
            var keys = configuration[$"{DataProtectionSettings.Section}:{nameof(DataProtectionSettings.KeysPath)}"] is { Length: > 0 } keysPath
                ? Path.GetFullPath(keysPath)
                : null;
            return new Folders(home.Home, content, data, keys);
        }
    }

    private static async Task<int> BackupAsync(string file, Folders folders, ConfigurationManager configuration, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(Path.Combine(folders.Content, ContentLoader.ArticlesFolder)))
        {
            error.WriteLine($"There is no content folder at {folders.Content} to back up; check Site:Home or Content:Path.");
            return Failed;
        }

        var postgres = StaffDatabase.IsPostgres(configuration[$"{DatabaseOptions.Section}:Provider"]);
        var database = Path.Combine(folders.Data, DataOptions.SqliteFileName);
        if (!postgres && !File.Exists(database))
        {
            error.WriteLine($"There is no staff database at {database} to back up; check Site:Home or Data:Path.");
            return Failed;
        }

        // A private folder (0700) for the database copy; the archive itself is written beside its final name
        // and renamed, so a half-written backup never stands where a good one is expected.
        var work = Directory.CreateTempSubdirectory("headacheinfo-backup-");
        var partial = $"{file}.partial-{Guid.NewGuid():N}";
        try
        {
            string? databaseCopy = null;
            if (!postgres)
            {
                databaseCopy = Path.Combine(work.FullName, DataOptions.SqliteFileName);
                CreatePrivateFile(databaseCopy).Dispose();
                CopySqlite(database, databaseCopy);
            }

            var counts = (Content: 0, Keys: 0);
            await using (var stream = CreatePrivateFile(partial))
            {
                await using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize);
                await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
                var marker = new PaxTarEntry(TarEntryType.RegularFile, MarkerEntry)
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                        $"HeadacheInfo backup\nmade: {DateTimeOffset.UtcNow:O}\ndatabase: {(postgres ? "PostgreSQL (not included: use pg_dump)" : "SQLite")}\n")),
                };
                await tar.WriteEntryAsync(marker);
                counts.Content = await AddFolderAsync(tar, folders.Content, SiteHome.ContentFolderName);
                if (databaseCopy is not null)
                {
                    await tar.WriteEntryAsync(databaseCopy, $"{SiteHome.DataFolderName}/{DataOptions.SqliteFileName}");
                }

                if (folders.Keys is { } keys && Directory.Exists(keys))
                {
                    counts.Keys = await AddFolderAsync(tar, keys, SiteHome.KeysFolderName);
                }
            }

            File.Move(partial, file, overwrite: true);
            output.WriteLine($"Backed up {counts.Content} content files{(postgres ? string.Empty : ", the staff database (an online copy)")} " +
                $"and the keys ({counts.Keys} files) to {file} (tar.gz, readable by this user only).");
            if (folders.Keys is null)
            {
                output.WriteLine("No keys were backed up: DataProtection:KeysPath is not set and there is no Site:Home. Without them " +
                    "staff must set up two-step sign-in again after a restore.");
            }

            if (postgres)
            {
                output.WriteLine("The staff database is in PostgreSQL, so it is not in this file. Take it at the same time with pg_dump, such as:");
                output.WriteLine($"  pg_dump --format=custom --file={file}.pgdump {PgDumpTarget(configuration)}");
                output.WriteLine($"and restore it into an empty database with: pg_restore --dbname=DATABASE {file}.pgdump");
            }

            return Done;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    /// <summary>SQLite's backup API: a consistent copy page by page, while the site goes on reading and writing.</summary>
    private static void CopySqlite(string database, string copy)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        // As the site keeps its own (readers never wait for a writer); closing folds the log into the file,
        // so the copy stands alone.
        using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = 'wal';";
        command.ExecuteNonQuery();
    }

    /// <summary>The database's address for pg_dump, without its password (pg_dump asks, or reads ~/.pgpass).</summary>
    private static string PgDumpTarget(ConfigurationManager configuration)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(configuration.GetConnectionString(StaffDatabase.ConnectionStringName) ?? string.Empty);
        return $"--host={connection.Host ?? "localhost"} --port={connection.Port} --username={connection.Username ?? "headacheinfo"} --dbname={connection.Database ?? "headacheinfo"}";
    }

    private static async Task<int> AddFolderAsync(TarWriter tar, string folder, string name)
    {
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            await tar.WriteEntryAsync(path, $"{name}/{relative}");
            count++;
        }

        return count;
    }

    private static async Task<int> RestoreAsync(string file, Folders folders, TextWriter output, TextWriter error)
    {
        if (folders.Home is not { } home)
        {
            error.WriteLine("restore fills a Site:Home: set Site:Home (--Site:Home=/var/lib/headacheinfo, or Site__Home) to an empty or new folder.");
            return Failed;
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"There is no backup at {file}.");
            return Failed;
        }

        foreach (var (folder, key) in new[] { (home, SiteHome.Key), (folders.Content, "Content:Path"), (folders.Data, "Data:Path"), (folders.Keys, "DataProtection:KeysPath") })
        {
            if (folder is not null && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                error.WriteLine($"{key}: '{folder}' is not empty. restore fills an empty home only, so nothing of a live site is " +
                    "overwritten: give an empty or new folder (such as --Site:Home=/var/lib/headacheinfo-restored), or move this one aside.");
                return Failed;
            }
        }

        SiteHome.CreatePrivateFolder(home);
        var staging = Path.Combine(home, $".restoring-{Guid.NewGuid():N}");
        SiteHome.CreatePrivateFolder(staging);
        var counts = (Content: 0, Database: false, Keys: 0);
        try
        {
            await using (var stream = File.OpenRead(file))
            {
                await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                await using var tar = new TarReader(gzip);
                var first = true;
                while (await tar.GetNextEntryAsync() is { } entry)
                {
                    if (first && entry.Name != MarkerEntry)
                    {
                        error.WriteLine($"{file} is not a HeadacheInfo backup (made by '{BackupName}').");
                        return Failed;
                    }

                    first = false;
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.Name == MarkerEntry)
                    {
                        continue;
                    }

                    var target = Path.GetFullPath(Path.Combine(staging, entry.Name));
                    var top = entry.Name.Split('/')[0];
                    if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
                        top is not (SiteHome.ContentFolderName or SiteHome.DataFolderName or SiteHome.KeysFolderName))
                    {
                        error.WriteLine($"{file} holds '{entry.Name}', which is not part of a HeadacheInfo backup; nothing was restored.");
                        return Failed;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var secret = top is not SiteHome.ContentFolderName;
                    await using (var written = secret ? CreatePrivateFile(target) : File.Create(target))
                    {
                        if (entry.DataStream is { } data)
                        {
                            await data.CopyToAsync(written);
                        }
                    }

                    switch (top)
                    {
                        case SiteHome.ContentFolderName: counts.Content++; break;
                        case SiteHome.DataFolderName: counts.Database = true; break;
                        default: counts.Keys++; break;
                    }
                }

                if (first)
                {
                    error.WriteLine($"{file} is empty, not a HeadacheInfo backup.");
                    return Failed;
                }
            }

            Place(Path.Combine(staging, SiteHome.ContentFolderName), folders.Content, privateFolder: false);
            Place(Path.Combine(staging, SiteHome.DataFolderName), folders.Data, privateFolder: true);
            Place(Path.Combine(staging, SiteHome.KeysFolderName), folders.Keys ?? Path.Combine(home, SiteHome.KeysFolderName), privateFolder: true);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        output.WriteLine($"Restored {counts.Content} content files{(counts.Database ? ", the staff database" : string.Empty)} and the keys ({counts.Keys} files) into {home}.");
        if (!counts.Database)
        {
            output.WriteLine("This backup has no staff database (PostgreSQL): restore it with pg_restore from the pg_dump taken with it.");
        }

        output.WriteLine($"Start the site with Site:Home={home} (Site__Home) to serve it.");
        return Done;
    }

    /// <summary>Moves a restored folder into place: into the home, or where its own setting says.</summary>
    private static void Place(string restored, string destination, bool privateFolder)
    {
        if (!Directory.Exists(restored))
        {
            return;
        }

        if (Directory.Exists(destination))
        {
            Directory.Delete(destination); // checked empty above
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(destination))!);
        if (privateFolder && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(restored, StaffDataFolder.FolderMode);
        }

        Directory.Move(restored, destination);
    }

    /// <summary>A new file only this user can read, from the moment it exists (never world-readable, even briefly).</summary>
    private static FileStream CreatePrivateFile(string path) =>
        new(path, OperatingSystem.IsWindows()
            ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }
            : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile });
}
