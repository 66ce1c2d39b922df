using System.Net;
using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Staff.Accounts;

namespace HeadacheInfo.Tests.Backups;

/// <summary>
/// <c>backup</c> taken from a running site, <c>restore</c> into a new home, and the site on that home: the same
/// articles, accounts, history and published state, through the real server.
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly HttpClient Reader = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private static string NewFolder(string name) => Path.Combine(Path.GetTempPath(), "headacheinfo-tests", $"{name}-{Guid.NewGuid():N}");

    private static SiteProcess Site(string name, string home) =>
        new(name, PostgresCluster.FreePort(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the sign-in cookie over plain HTTP on loopback
            ["Site:Home"] = home,
            ["RateLimiting:SignIn:PermitLimit"] = "10000",
        });

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(SiteProcess site, string path)
    {
        try
        {
            using var response = await Reader.GetAsync(new Uri(site.Address, path));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Not answering yet (starting, or /healthz still waiting for the warm-up on a busy machine): asked again.
            return (0, ex.Message);
        }
    }

    private static Task<(HttpStatusCode Status, string Body)> ServesAsync(SiteProcess site, string path, string words) =>
        Eventually.MatchesAsync(() => GetAsync(site, path), page => page.Status == HttpStatusCode.OK && page.Body.Contains(words, StringComparison.Ordinal),
            $"{site.Name} serves {path} with '{words}' ({site.Output})", TimeSpan.FromSeconds(60));

    private static async Task<StaffClient> SignedInAsync(SiteProcess site, string email)
    {
        var client = new StaffClient(site.Address);
        using var signedIn = await client.SignInAsync(email, StaffSeeding.Password);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in on {site.Name} answered {signedIn.StatusCode}: {site.Output}");
        return client;
    }

    private static async Task<string[]> HistoryAsync(StaffClient reviewer, string slug)
    {
        var (_, history) = await reviewer.GetAsync($"/staff/articles/{slug}/history");
        return [.. history.QuerySelectorAll("tr[data-action]").Select(row => row.GetAttribute("data-action") + " " + row.TextContent.Trim())];
    }

    [Fact]
    public async Task A_backup_taken_while_the_site_runs_restores_into_a_new_home_with_the_same_articles_accounts_history_and_published_state()
    {
        var home = NewFolder("home");
        var restoredHome = NewFolder("restored");
        var backup = NewFolder("backup") + ".tar.gz";
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using var live = Site("live", home);
        await using var restored = Site("restored", restoredHome);
        try
        {
            foreach (var (email, role) in new[] { ("author@clinic.example", StaffRoles.Author), ("reviewer@clinic.example", StaffRoles.Reviewer) })
            {
                var (added, said) = await SiteProcess.RunCommandAsync(
                    ["add-staff", "--email", email, "--name", email.Split('@')[0], "--role", role, "--password-stdin", $"--Site:Home={home}"], StaffSeeding.Password);
                Assert.True(added == 0, said);
            }

            live.Start();
            await Eventually.MatchesAsync(() => GetAsync(live, "/healthz"), h => h.Status == HttpStatusCode.OK, $"live is healthy ({live.Output})", TimeSpan.FromSeconds(60));
            // A clinic's own article, written on the server, then changed through the four-eyes workflow.
            await File.WriteAllTextAsync(Path.Combine(home, "content", "articles", "our-clinic.md"), ArticleText.Valid("Our clinic"));
            await ServesAsync(live, "/articles/our-clinic", "Our clinic");
            using (var author = await SignedInAsync(live, "author@clinic.example"))
            using (var reviewer = await SignedInAsync(live, "reviewer@clinic.example"))
            {
                await Eventually.MatchesAsync(() => HistoryAsync(reviewer, "our-clinic"), rows => rows.Length > 0, "the outside edit is in the history");
                await WorkflowSteps.SendAsync(author, "our-clinic", "## Opening hours\n\nWe are open on Saturdays now.\n");
                await WorkflowSteps.DecideAsync(reviewer, "our-clinic", "approve", "Clear and accurate.");
            }

            await ServesAsync(live, "/articles/our-clinic", "We are open on Saturdays now.");
            string[] historyBefore;
            using (var reviewer = await SignedInAsync(live, "reviewer@clinic.example"))
            {
                historyBefore = await HistoryAsync(reviewer, "our-clinic");
            }

            var (_, articlesBefore) = await GetAsync(live, "/articles");

            // Taken while the site runs.
            var (backedUp, backupSaid) = await SiteProcess.RunCommandAsync(["backup", backup, $"--Site:Home={home}"]);
            Assert.True(backedUp == 0, backupSaid);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
            }

            await live.StopAsync();

            var (restoredExit, restoreSaid) = await SiteProcess.RunCommandAsync(["restore", backup, $"--Site:Home={restoredHome}"]);
            Assert.True(restoredExit == 0, restoreSaid);

            restored.Start();
            var (_, page) = await ServesAsync(restored, "/articles/our-clinic", "We are open on Saturdays now.");
            var (_, articlesAfter) = await GetAsync(restored, "/articles");
            Assert.Equal(Links(articlesBefore), Links(articlesAfter));
            using (var reviewer = await SignedInAsync(restored, "reviewer@clinic.example"))
            {
                Assert.Equal(historyBefore, await HistoryAsync(reviewer, "our-clinic"));
            }

            using var author2 = await SignedInAsync(restored, "author@clinic.example");
        }
        finally
        {
            await live.StopAsync();
            await restored.StopAsync();
            foreach (var folder in new[] { home, restoredHome })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            File.Delete(backup);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_home_that_is_not_empty_and_changes_nothing_in_it()
    {
        var home = NewFolder("home");
        Directory.CreateDirectory(Path.Combine(home, "content", "articles"));
        var kept = Path.Combine(home, "content", "articles", "kept.md");
        await File.WriteAllTextAsync(kept, ArticleText.Valid("Kept"));
        var backup = NewFolder("backup") + ".tar.gz";
        try
        {
            var (backedUp, said) = await SiteProcess.RunCommandAsync(["backup", backup, $"--Site:Home={home}", "--Database:Provider=Postgres", "--ConnectionStrings:Staff=Host=db.example;Database=clinic;Username=clinic"]);
            Assert.True(backedUp == 0, said);
            Assert.Contains("pg_dump", said, StringComparison.Ordinal);

            var (exit, output) = await SiteProcess.RunCommandAsync(["restore", backup, $"--Site:Home={home}"]);

            Assert.Equal(1, exit);
            Assert.Contains($"Site:Home: '{home}' is not empty", output, StringComparison.Ordinal);
            Assert.Equal(ArticleText.Valid("Kept"), await File.ReadAllTextAsync(kept));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
            File.Delete(backup);
        }
    }

    private static string[] Links(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("main a[href^='/articles/']").Select(a => a.GetAttribute("href")!).Order()];
}
