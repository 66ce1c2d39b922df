namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// The SQLite database holds password hashes, authenticator keys and the audit log, so only the site's own
/// user may open it: the folder is 0700 and the database files 0600, whatever the umask, and looser modes
/// found on an existing folder or file are closed up at start. Windows keeps permissions in ACLs instead,
/// inherited from the folder the operator chose, so nothing is changed there.
/// </summary>
internal static partial class StaffDataFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Makes the folder (0700) and, when there is none yet, an empty database file (0600) before SQLite opens
    /// it, so the file is never readable by others, not even for a moment.
    /// </summary>
    /// <returns>Whether the database file is new.</returns>
    public static bool Prepare(string databaseFile, ILogger logger)
    {
        var folder = Path.GetDirectoryName(databaseFile)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return !File.Exists(databaseFile);
        }

        Directory.CreateDirectory(folder, FolderMode);
        CloseUp(folder, logger);
        if (File.Exists(databaseFile))
        {
            CloseUpDatabase(databaseFile, logger);
            return false;
        }

        // SQLite takes an empty file as an empty database.
        using (new FileStream(databaseFile, new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = FileMode,
        }))
        {
        }

        return true;
    }

    /// <summary>
    /// The database and the files SQLite keeps beside it. SQLite gives the journal files the database's own
    /// mode when it makes them, so once the database is 0600 they follow.
    /// </summary>
    public static void CloseUpDatabase(string databaseFile, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-journal" })
        {
            if (File.Exists(path))
            {
                CloseUp(path, logger);
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CloseUp(string path, ILogger logger)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupAndOthers);
            LogClosedUp(logger, path, Convert.ToString((int)mode, 8), Convert.ToString((int)(mode & ~GroupAndOthers), 8));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} was open to other users (mode {Before}); it is now {After}, for the site's own user only.")]
    private static partial void LogClosedUp(ILogger logger, string path, string before, string after);
}
