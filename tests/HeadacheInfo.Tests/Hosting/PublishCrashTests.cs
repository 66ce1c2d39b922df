using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.Data.Sqlite;

namespace HeadacheInfo.Tests.Hosting;

/// <summary>
/// The kill test: the real site on SQLite, killed (SIGKILL) at fixed points of an approval's publish path
/// through <see cref="CrashPoint"/>, then started again. Every approval must be either fully done (the text
/// on the page and on disk, the approval in the history by the reviewer, nothing left to review) or not done
/// at all (the old text, the change still waiting), never an edit "outside the app"; and the content folder
/// must hold what the publish log says.
/// </summary>
public sealed class PublishCrashTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Author = "author@clinic.example";
    private const string Reviewer = "reviewer@clinic.example";

    private static readonly HttpClient Reader = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "crash-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = PostgresCluster.FreePort();
    private SiteProcess? _site;

    private string Content => Path.Combine(_root, "content");

    private string Data => Path.Combine(_root, "data");

    private string[] Settings => [$"--Content:Path={Content}", $"--Data:Path={Data}"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Content, "articles"));
        foreach (var slug in CrashPoints.Select(SlugFor).Append("no-crash"))
        {
            await File.WriteAllTextAsync(Path.Combine(Content, "articles", $"{slug}.md"),
                ArticleText.SignedOff(slug, ArticleText.Valid($"Article {slug.Replace('-', ' ')}", "signs", null, false, null)));
        }

        foreach (var (email, role) in new[] { (Author, StaffRoles.Author), (Reviewer, StaffRoles.Reviewer) })
        {
            var (added, said) = await SiteProcess.RunCommandAsync(
                ["add-staff", "--email", email, "--name", email.Split('@')[0], "--role", role, "--password-stdin", .. Settings], StaffSeeding.Password);
            Assert.True(added == 0, said);
        }
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-folder cleaning.
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static readonly string[] CrashPoints = [CrashPoint.BeforeCommit, CrashPoint.AfterFileWrite, CrashPoint.AfterCommit];

    private static string SlugFor(string point) => $"crash-{point}";

    private static string WordsFor(string slug) => $"Words approved for {slug.Replace('-', ' ')}.";

    [Fact]
    public async Task A_site_killed_at_any_point_of_an_approval_has_each_approval_fully_done_or_not_at_all_and_its_folder_equals_the_log()
    {
        var outsideEditsBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var point in CrashPoints)
        {
            var slug = SlugFor(point);
            var site = await StartAsync(point);
            outsideEditsBefore[slug] = await FirstSeenAsync(site, slug);
            using var author = await PublishLogTests.Sites.SignedInAsync(site, Author);
            using var reviewer = await PublishLogTests.Sites.SignedInAsync(site, Reviewer);
            await WorkflowSteps.SendAsync(author, slug, $"## Changed\n\n{WordsFor(slug)}\n");
            try
            {
                await WorkflowSteps.DecideAsync(reviewer, slug, "approve", "Clear and accurate.");
            }
            catch (HttpRequestException)
            {
                // The site died under the request: that is the point.
            }

            Assert.True(await site.ExitsWithinAsync(TimeSpan.FromSeconds(30)), $"the site was not killed at {point}: {site.Output}");
        }

        // Started again with no crash point: what each crash left is finished or forgotten, and a new approval works.
        var again = await StartAsync(crashAt: null);
        using (var author = await PublishLogTests.Sites.SignedInAsync(again, Author))
        using (var reviewer = await PublishLogTests.Sites.SignedInAsync(again, Reviewer))
        {
            outsideEditsBefore["no-crash"] = await FirstSeenAsync(again, "no-crash");
            await WorkflowSteps.SendAsync(author, "no-crash", $"## Changed\n\n{WordsFor("no-crash")}\n");
            await WorkflowSteps.DecideAsync(reviewer, "no-crash", "approve", "Clear and accurate.");
        }

        using var looking = await PublishLogTests.Sites.SignedInAsync(again, Reviewer);
        var (_, dashboard) = await looking.GetAsync("/staff");
        foreach (var slug in CrashPoints.Select(SlugFor).Append("no-crash"))
        {
            var words = WordsFor(slug);
            var page = await GetAsync(again, $"/articles/{slug}");
            var file = await File.ReadAllTextAsync(Path.Combine(Content, "articles", $"{slug}.md"));
            var (_, history) = await looking.GetAsync($"/staff/articles/{slug}/history");
            var approvals = history.QuerySelectorAll($"tr[data-action='{RevisionActions.Approved}']").ToList();
            var waiting = dashboard.QuerySelector($"[data-work='to-review'] li[data-slug='{slug}']") is not null;
            var outsideEdits = history.QuerySelectorAll($"tr[data-action='{RevisionActions.OutsideEdit}']").Length;
            var said = $"{slug}: page {page.Status} {(page.Body.Contains(words, StringComparison.Ordinal) ? "new" : "old")}, file {(file.Contains(words, StringComparison.Ordinal) ? "new" : "old")}, " +
                $"{approvals.Count} approval(s), {(waiting ? "still waiting" : "not waiting")}, {outsideEdits - outsideEditsBefore[slug]} new outside edit(s)";

            Assert.True(outsideEdits == outsideEditsBefore[slug], "nothing is taken for an edit outside the app: " + said);
            var fullyDone = page.Body.Contains(words, StringComparison.Ordinal) && file.Contains(words, StringComparison.Ordinal)
                && approvals.Count == 1 && approvals[0].QuerySelector("[data-author]")?.GetAttribute("data-author") == Reviewer && !waiting;
            var notAtAll = !page.Body.Contains(words, StringComparison.Ordinal) && !file.Contains(words, StringComparison.Ordinal)
                && approvals.Count == 0 && waiting;
            Assert.True(fullyDone || notAtAll, "fully done or not at all: " + said);
        }

        // Before the commit nothing is published; after it, the approval is finished on restart.
        Assert.Contains(WordsFor(SlugFor(CrashPoint.AfterCommit)), (await GetAsync(again, $"/articles/{SlugFor(CrashPoint.AfterCommit)}")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(WordsFor(SlugFor(CrashPoint.BeforeCommit)), (await GetAsync(again, $"/articles/{SlugFor(CrashPoint.BeforeCommit)}")).Body, StringComparison.Ordinal);
        Assert.Contains(WordsFor("no-crash"), (await GetAsync(again, "/articles/no-crash")).Body, StringComparison.Ordinal);

        foreach (var (name, kind, text) in await LatestLogRowsAsync())
        {
            var path = Path.Combine(Content, "articles", $"{name}.md");
            if (kind == "removed")
            {
                Assert.False(File.Exists(path), $"{name} is taken down in the log but its file is there");
            }
            else
            {
                Assert.True(File.Exists(path) && await File.ReadAllTextAsync(path) == text, $"{name}'s file is not the log's latest text");
            }
        }
    }

    private async Task<SiteProcess> StartAsync(string? crashAt)
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the sign-in cookie over plain HTTP on loopback
            ["Content:Path"] = Content,
            ["Data:Path"] = Data,
            ["DataProtection:KeysPath"] = Path.Combine(_root, "keys"),
            ["RateLimiting:SignIn:PermitLimit"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (crashAt is not null)
        {
            settings[CrashPoint.Variable] = crashAt;
        }

        _site = new SiteProcess("sqlite", _port, settings);
        _site.Start();
        await Eventually.MatchesAsync(() => GetAsync(_site, "/healthz"), h => h.Status == HttpStatusCode.OK,
            $"the site reports healthy ({_site.Output})", TimeSpan.FromSeconds(60));
        return _site;
    }

    /// <summary>
    /// The article's outside edits once the site has seen its file: a file the staff database has never held is
    /// recorded once, in the background after the site is healthy, as found in the folder. Counted before that,
    /// the first sight would be taken for an edit made during the crash.
    /// </summary>
    private static Task<int> FirstSeenAsync(SiteProcess site, string slug) =>
        Eventually.MatchesAsync(() => OutsideEditsAsync(site, slug), n => n >= 1,
            $"{slug}'s file is recorded when the site first sees it", TimeSpan.FromSeconds(60));

    private static async Task<int> OutsideEditsAsync(SiteProcess site, string slug)
    {
        using var reviewer = await PublishLogTests.Sites.SignedInAsync(site, Reviewer);
        var (_, history) = await reviewer.GetAsync($"/staff/articles/{slug}/history");
        return history.QuerySelectorAll($"tr[data-action='{RevisionActions.OutsideEdit}']").Length;
    }

    /// <summary>Each article's latest row in the publish log: its kind and text.</summary>
    private async Task<List<(string Name, string Kind, string? Text)>> LatestLogRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, DataOptions.SqliteFileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Name", "Kind", "Text" FROM "PublishLog" p
            WHERE "Kind" IN ('article', 'removed')
              AND "Seq" = (SELECT MAX("Seq") FROM "PublishLog" q WHERE q."Name" = p."Name" AND q."Kind" IN ('article', 'removed'))
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(SiteProcess site, string path)
    {
        try
        {
            using var response = await Reader.GetAsync(new Uri(site.Address, path));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, ex.Message);
        }
    }
}
