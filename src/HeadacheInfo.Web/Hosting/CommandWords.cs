using HeadacheInfo.Web.Backups;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Publishing;

namespace HeadacheInfo.Web.Hosting;

/// <summary>
/// The words the program takes before any setting. A word it does not know is a typing mistake, never a
/// reason to start the web server: it says so, lists the commands, and exits 2.
/// </summary>
public static class CommandWords
{
    public const int UnknownCommandExitCode = 2;

    /// <summary>Every command, with what it does, in the order the help lists them.</summary>
    public static IReadOnlyList<(string Name, string Purpose)> All { get; } =
    [
        ("(none)", "serve the site"),
        (ContentCheckCommand.Name, "check a content folder and report file by file (exit 1 on any error)"),
        (AddStaffCommand.Name, "add a staff account"),
        (ResetStaffCommand.Name, "give a locked-out account a one-time password and turn its two-step sign-in off"),
        (ContentLogCommands.ImportName, "add a content folder's articles and pictures to the publish log (PostgreSQL)"),
        (ContentLogCommands.ExportName, "write the publish log's latest articles and pictures to a folder (PostgreSQL)"),
        (BackupCommands.BackupName, "write one .tar.gz (mode 0600) of the live content, the staff database (SQLite) and the keys"),
        (BackupCommands.RestoreName, "fill an empty Site:Home from a backup"),
    ];

    /// <summary>The first argument when it is a word that is neither a setting (--Key=value, /Key, Key=value) nor a command.</summary>
    public static string? Unknown(string[] args) =>
        args is [var first, ..] && first.Length > 0 && first[0] is not ('-' or '/') && !first.Contains('=', StringComparison.Ordinal) &&
        !All.Any(command => command.Name == first)
            ? first
            : null;

    public static int ReportUnknown(string word, TextWriter error)
    {
        error.WriteLine($"'{word}' is not a command. The commands are:");
        foreach (var (name, purpose) in All)
        {
            error.WriteLine($"  {name,-16} {purpose}");
        }

        return UnknownCommandExitCode;
    }
}
