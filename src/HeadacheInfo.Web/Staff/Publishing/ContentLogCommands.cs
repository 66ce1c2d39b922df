using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
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
        if (!channel.Shared)
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

    /// <summary>
    /// Seeds the log: an article or picture the log has no row for is added. One the log already has is left as
    /// published there, even if this folder's copy differs: an import must never undo a clinician's approval or
    /// take-down (changes go through the staff area, or through an edit on an instance's disk, which is recorded).
    /// </summary>
    private static async Task<int> ImportAsync(string folder, StaffDbContext database, PublishChannel channel, TextWriter output, TextWriter error)
    {
        var store = new ArticleFileStore(folder);
        var problems = new List<ContentProblem>();
        var latest = await LatestAsync(database);
        var at = DateTimeOffset.UtcNow;
        var rows = new List<PublishLogEntry>();
        var kept = new List<string>();
        var pictures = new ContentImages(folder);
        foreach (var (name, size) in pictures.List())
        {
            var file = $"{ArticlesRegistration.ContentImagesFolder}/{name}";
            var path = Path.Combine(pictures.Folder, name);
            if (new FileInfo(path).LinkTarget is not null)
            {
                problems.Add(new(file, null, "the picture is a link to another file; put the picture itself in the folder"));
                continue;
            }

            if (PictureRules.NameProblem(name, name) is { } badName)
            {
                problems.Add(new(file, null, badName));
                continue;
            }

            if (pictures.Read(name) is not { } bytes)
            {
                continue;
            }

            if (PictureRules.ContentProblem(name, name, size, () => bytes) is { } badPicture)
            {
                problems.Add(new(file, null, badPicture));
                continue;
            }

            var hash = ArticleFile.ContentHash(Convert.ToBase64String(bytes));
            if (latest.TryGetValue((PublishLogKinds.Picture, name), out var logged))
            {
                if (logged.Hash != hash)
                {
                    kept.Add(file);
                }
            }
            else
            {
                rows.Add(channel.Row(PublishLogKinds.Picture, name, null, bytes, hash, at));
            }
        }

        // The site settings (with the categories) before the articles, so an instance knows an article's category when it arrives.
        var settingsFiles = 0;
        foreach (var (kind, name, check) in new (string, string, Func<string, IReadOnlyList<string>>)[]
        {
            (PublishLogKinds.SiteSettings, SiteSettings.SiteSettings.FileName, text => SiteSettings.SiteSettingsRules.ReadFile(text).Problems),
            (PublishLogKinds.Synonyms, Search.SearchSynonyms.FileName, SynonymProblems),
        })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) || ArticleFiles.ReadText(path, name, problems) is not { } text)
            {
                continue;
            }

            if (check(text) is { Count: > 0 } refused)
            {
                problems.AddRange(refused.Select(reason => new ContentProblem(name, null, reason)));
                continue;
            }

            if (await database.PublishLog.AnyAsync(r => r.Kind == kind))
            {
                if (await database.PublishLog.Where(r => r.Kind == kind).OrderByDescending(r => r.Seq).Select(r => r.Hash).FirstAsync() != ArticleFile.ContentHash(text))
                {
                    kept.Add(name);
                }
            }
            else
            {
                rows.Add(channel.Row(kind, name, text, null, ArticleFile.ContentHash(text), at));
                settingsFiles++;
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

            var hash = ArticleFile.ContentHash(text);
            if (latest.TryGetValue((PublishLogKinds.Article, slug), out var logged))
            {
                if (logged.Hash != hash)
                {
                    kept.Add(file);
                }
            }
            else
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

        foreach (var file in kept)
        {
            output.WriteLine($"Kept as published: {file}: the publish log already has it (approved, changed or taken down since), " +
                "so this folder's copy is not imported; change it in the staff area");
        }

        output.WriteLine(rows.Count == 0
            ? "Nothing to import: the publish log already has every article, picture and settings file in this folder."
            : $"Added {articles} article(s), {rows.Count - articles - settingsFiles} picture(s) and {settingsFiles} settings file(s) to the publish log.");
        return problems.Count == 0 ? Done : Failed;
    }

    /// <summary>
    /// Writes the latest published state: each file whole (a link already in the folder is replaced, never written
    /// through), and an article taken off the site is removed from the folder, so the folder matches the site.
    /// </summary>
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
                    var target = Path.Combine(articles, row.Name + ContentLoader.ArticleExtension);
                    AtomicFile.WriteAllText(target, text, overwrite: true);
                    written++;
                }
                else if (row.Kind == PublishLogKinds.Picture && PictureRules.IsValidName(row.Name) && row.Bytes is { } bytes)
                {
                    AtomicFile.WriteAllBytes(Path.Combine(images, row.Name), bytes, overwrite: true);
                    written++;
                }
            }
        }

        foreach (var (kind, name) in new[] { (PublishLogKinds.SiteSettings, SiteSettings.SiteSettings.FileName), (PublishLogKinds.Synonyms, Search.SearchSynonyms.FileName) })
        {
            if (await database.PublishLog.AsNoTracking().Where(r => r.Kind == kind).OrderByDescending(r => r.Seq).Select(r => r.Text).FirstOrDefaultAsync() is { } text)
            {
                AtomicFile.WriteAllText(Path.Combine(folder, name), text, overwrite: true);
                written++;
            }
        }

        var removed = 0;
        foreach (var slug in latest.Where(r => r.Value.Kind == PublishLogKinds.Removed).Select(r => r.Key.Name).Where(Slug.IsValid))
        {
            var stale = Path.Combine(articles, slug + ContentLoader.ArticleExtension);
            if (File.Exists(stale) || new FileInfo(stale).LinkTarget is not null)
            {
                File.Delete(stale);
                removed++;
            }
        }

        output.WriteLine($"Wrote {written} file(s), the latest published state, to {folder}" +
            (removed > 0 ? $", and removed {removed} article(s) taken off the site since." : "."));
        return Done;
    }

    private static IReadOnlyList<string> SynonymProblems(string text)
    {
        var problems = new List<ContentProblem>();
        Search.SearchSynonyms.Read(text, problems);
        return [.. problems.Select(p => $"line {p.Line}: {p.Reason}")];
    }

    /// <summary>The latest row for each article (taken down or not) and each picture, without their text.</summary>
    private static async Task<Dictionary<(string Kind, string Name), (long Seq, string Kind, string Hash)>> LatestAsync(StaffDbContext database)
    {
        var all = await database.PublishLog.AsNoTracking().OrderBy(r => r.Seq).Select(r => new { r.Seq, r.Kind, r.Name, r.Hash }).ToListAsync();
        var latest = new Dictionary<(string, string), (long, string, string)>();
        // Rows that carry no file (a sign-off's wake-up) are no article's or picture's latest.
        foreach (var row in all.Where(r => r.Kind is PublishLogKinds.Article or PublishLogKinds.Removed or PublishLogKinds.Picture))
        {
            var group = row.Kind == PublishLogKinds.Picture ? PublishLogKinds.Picture : PublishLogKinds.Article;
            latest[(group, row.Name)] = (row.Seq, row.Kind, row.Hash);
        }

        return latest;
    }
}
