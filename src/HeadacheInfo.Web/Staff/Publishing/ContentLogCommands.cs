using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// <c>import-content DIR</c> seeds the publish log from a content folder (a first deploy); <c>export-content DIR</c>
/// writes the log's latest published state to a folder (backups, git). Both need <c>Database:Provider=Postgres</c>.
/// Exit 0 when done, 2 for a missing or bad folder argument, 1 when it failed.
/// </summary>
public static class ContentLogCommands
{
    public const string ImportName = "import-content";
    public const string ExportName = "export-content";
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadArgument = CommandWords.UnknownCommandExitCode;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is ImportName or ExportName;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var import = args[0] == ImportName;
        if (args.Length < 2 || args[1].Length == 0 || args[1][0] == '-' || args[1].Contains('=', StringComparison.Ordinal))
        {
            error.WriteLine($"Usage: {args[0]} DIR [--Database:Provider=Postgres --ConnectionStrings:Staff=...]");
            error.WriteLine(import ? "DIR is the content folder to add to the publish log." : "DIR is the folder to write the published articles and pictures to.");
            return BadArgument;
        }

        var folder = Path.GetFullPath(args[1]);
        if (import && !Directory.Exists(folder))
        {
            error.WriteLine($"There is no folder {folder} to import.");
            return BadArgument;
        }

        if (import && !Directory.Exists(Path.Combine(folder, ContentLoader.ArticlesFolder)))
        {
            error.WriteLine($"{folder} has no '{ContentLoader.ArticlesFolder}' folder, so it is not a content folder.");
            return BadArgument;
        }

        var settings = args[2..];
        await using var app = await StaffCommandHost.OpenAsync(settings, output);
        if (app is null)
        {
            return Failed;
        }

        var channel = app.Services.GetRequiredService<PublishChannel>();
        if (!channel.Enabled)
        {
            error.WriteLine($"{args[0]} works on the publish log, which only PostgreSQL keeps: set Database:Provider=Postgres and ConnectionStrings:Staff. " +
                "With SQLite the content folder itself is the published state.");
            return Failed;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        try
        {
            return import ? await ImportAsync(folder, database, channel, output, error) : await ExportAsync(folder, database, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbUpdateException or System.Data.Common.DbException)
        {
            error.WriteLine($"{args[0]} failed, and nothing was half done: {ex.GetBaseException().Message}");
            return Failed;
        }
    }

    private static async Task<int> ImportAsync(string folder, StaffDbContext database, PublishChannel channel, TextWriter output, TextWriter error)
    {
        var store = new ArticleFileStore(folder);
        var problems = new List<ContentProblem>();
        var latest = await LatestAsync(database);
        var at = DateTimeOffset.UtcNow;
        var rows = new List<PublishLogEntry>();
        var pictures = new ContentImages(folder);
        foreach (var (name, _) in pictures.List())
        {
            if (!PictureRules.IsValidName(name) || pictures.Read(name) is not { } bytes)
            {
                continue;
            }

            var hash = ArticleDraft.Fingerprint(Convert.ToBase64String(bytes));
            if (latest.GetValueOrDefault((PublishLogKinds.Picture, name)).Hash != hash)
            {
                rows.Add(channel.Row(PublishLogKinds.Picture, name, null, bytes, hash, at));
            }
        }

        var articles = 0;
        foreach (var (path, file) in store.List(problems).OrderBy(f => f.File, StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!Slug.IsValid(slug) || store.ReadText(path, file, problems) is not { } text)
            {
                continue;
            }

            var hash = ArticleDraft.Fingerprint(text);
            if (latest.GetValueOrDefault((PublishLogKinds.Article, slug)).Hash != hash)
            {
                rows.Add(channel.Row(PublishLogKinds.Article, slug, text, null, hash, at));
                articles++;
            }
        }

        await using (var transaction = await database.Database.BeginTransactionAsync())
        {
            if (rows.Count > 0)
            {
                await PublishChannel.AppendAsync(database, rows);
            }

            await transaction.CommitAsync();
        }

        foreach (var problem in problems)
        {
            error.WriteLine($"Not imported: {problem.File}: {problem.Reason}");
        }

        output.WriteLine(rows.Count == 0
            ? "Nothing to import: the publish log already has every article and picture as they are in this folder."
            : $"Added {articles} article(s) and {rows.Count - articles} picture(s) to the publish log.");
        return problems.Count == 0 ? Done : Failed;
    }

    private static async Task<int> ExportAsync(string folder, StaffDbContext database, TextWriter output)
    {
        var latest = await LatestAsync(database);
        var articles = Path.Combine(folder, ContentLoader.ArticlesFolder);
        var images = Path.Combine(folder, ArticlesRegistration.ContentImagesFolder);
        Directory.CreateDirectory(articles);
        var written = 0;
        foreach (var chunk in latest.Values.Where(r => r.Kind != PublishLogKinds.Removed).Select(r => r.Seq).Chunk(200))
        {
            var rows = await database.PublishLog.AsNoTracking().Where(r => chunk.Contains(r.Seq)).ToListAsync();
            foreach (var row in rows)
            {
                if (row.Kind == PublishLogKinds.Article && Slug.IsValid(row.Name) && row.Text is { } text)
                {
                    await File.WriteAllTextAsync(Path.Combine(articles, row.Name + ContentLoader.ArticleExtension), text);
                    written++;
                }
                else if (row.Kind == PublishLogKinds.Picture && PictureRules.IsValidName(row.Name) && row.Bytes is { } bytes)
                {
                    Directory.CreateDirectory(images);
                    await File.WriteAllBytesAsync(Path.Combine(images, row.Name), bytes);
                    written++;
                }
            }
        }

        output.WriteLine($"Wrote {written} file(s), the latest published state, to {folder}.");
        return Done;
    }

    /// <summary>The latest row for each article (taken down or not) and each picture, without their text.</summary>
    private static async Task<Dictionary<(string Kind, string Name), (long Seq, string Kind, string Hash)>> LatestAsync(StaffDbContext database)
    {
        var all = await database.PublishLog.AsNoTracking().OrderBy(r => r.Seq).Select(r => new { r.Seq, r.Kind, r.Name, r.Hash }).ToListAsync();
        var latest = new Dictionary<(string, string), (long, string, string)>();
        foreach (var row in all)
        {
            var group = row.Kind == PublishLogKinds.Picture ? PublishLogKinds.Picture : PublishLogKinds.Article;
            latest[(group, row.Name)] = (row.Seq, row.Kind, row.Hash);
        }

        return latest;
    }
}
