using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Hosting;

/// <summary>
/// The built site run as a clinic's server runs it (Production, its own process): live data in Site:Home, the
/// documented start command, HTTPS said plainly, and a start whose log has nothing alarming in it.
/// </summary>
public sealed partial class GoingLiveTests
{
    private static readonly HttpClient Reader = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The web project's own folder: wwwroot and appsettings.json, as a published folder has them.</summary>
    private static string WebProject => Path.Combine(RepositoryFolders.Root, "src", "HeadacheInfo.Web");

    private static string NewFolder(string name) => Path.Combine(Path.GetTempPath(), "headacheinfo-tests", $"{name}-{Guid.NewGuid():N}");

    private static SiteProcess Production(string home, int port, Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site:Home"] = home,
            ["Site:BaseUrl"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new SiteProcess("live", port, settings) { ContentRoot = WebProject };
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(SiteProcess site, string path, string? forwardedProto = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site.Address, path));
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }

            using var response = await Reader.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Not answering yet (starting, or /healthz still waiting for the warm-up on a busy machine): asked again.
            return (0, ex.Message);
        }
    }

    private static Task<(HttpStatusCode Status, string Body)> HealthyAsync(SiteProcess site) =>
        Eventually.MatchesAsync(() => GetAsync(site, "/healthz"), h => h.Status == HttpStatusCode.OK,
            $"{site.Name} reports healthy ({site.Output})", TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_first_start_on_an_empty_home_serves_the_shipped_articles_from_the_home_and_keeps_data_and_keys_there()
    {
        var home = NewFolder("home");
        Directory.CreateDirectory(Path.Combine(home, "content")); // empty, as an installer leaves it
        await using var site = Production(home, PostgresCluster.FreePort());
        try
        {
            site.Start();
            await HealthyAsync(site);

            var shipped = Directory.GetFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md").Select(Path.GetFileName).Order().ToArray();
            var live = Directory.GetFiles(Path.Combine(home, "content", "articles"), "*.md").Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(shipped, live);
            var slug = Path.GetFileNameWithoutExtension(shipped[0])!;
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(site, $"/articles/{slug}")).Status);

            // The staff database and the key ring live in the home too, for the site's user alone.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(site, "/staff/sign-in", forwardedProto: "https")).Status);
            Assert.True(File.Exists(Path.Combine(home, "data", "staff.db")), site.Output);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(home, "keys"), "*.xml"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(home, "data")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(home, "keys")));
            }
        }
        finally
        {
            await site.StopAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_home_the_site_cannot_write_stops_the_start_with_one_line_naming_Site_Home()
    {
        var (exitCode, output) = await RunAsync(Path.GetTempPath(), [SiteProcess.SiteDll],
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("Site__Home", "/proc/headacheinfo-cannot-be-here"), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Site:Home: the folder '/proc/headacheinfo-cannot-be-here' cannot be written", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_the_shipped_articles_folder_is_refused_as_the_live_content_naming_Content_Path()
    {
        var (exitCode, output) = await RunAsync(Path.GetTempPath(), [SiteProcess.SiteDll],
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("Content__Path", Path.Combine(AppContext.BaseDirectory, "shipped-content")),
            ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Content:Path:", output, StringComparison.Ordinal);
        Assert.Contains("never written in Production", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_start_with_a_relative_contentRoot_serves_the_site()
    {
        // As the README says, from the folder above the published one: dotnet out/HeadacheInfo.Web.dll --contentRoot out
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var content = NewFolder("content");
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        var start = new ProcessStartInfo(SiteProcess.Dotnet, [Path.Combine(build.Name, "HeadacheInfo.Web.dll"), "--contentRoot", build.Name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = build.Parent!.FullName,
            Environment = { ["Content__Path"] = content, ["Data__Path"] = content + ".data", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? address = null;
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                address = ListeningOn().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.True(address is not null, output.ToString());
            using var home = await Reader.GetAsync(new Uri(address + "/"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(content, recursive: true);
            if (Directory.Exists(content + ".data"))
            {
                Directory.Delete(content + ".data", recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_contentRoot_that_does_not_exist_stops_with_one_line_naming_the_folder()
    {
        var (exitCode, output) = await RunAsync(Path.GetTempPath(), [SiteProcess.SiteDll, "--contentRoot", "no-such-folder"],
            ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"--contentRoot: the folder '{Path.Combine(Path.GetTempPath(), "no-such-folder")}' does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correctly_configured_Production_start_logs_no_warnings_and_the_sign_in_page_over_plain_http_says_it_needs_HTTPS()
    {
        var home = NewFolder("home");
        await using var site = Production(home, PostgresCluster.FreePort(), new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        try
        {
            site.Start();
            await HealthyAsync(site);
            var (_, articles) = await GetAsync(site, "/articles");
            Assert.Contains("/articles/", articles, StringComparison.Ordinal);

            // Plain http, as on a LAN address before HTTPS: said plainly, with the guide.
            var (status, overHttp) = await GetAsync(site, "/staff/sign-in");
            Assert.Equal(HttpStatusCode.OK, status);
            var notice = new HtmlParser().ParseDocument(overHttp).QuerySelector("[data-needs-https]");
            Assert.NotNull(notice);
            Assert.Contains("needs HTTPS", notice.TextContent, StringComparison.Ordinal);
            // The notice's link works for someone who is not signed in: the HTTPS steps, not a sign-in page.
            var (guideStatus, guide) = await GetAsync(site, notice.QuerySelector("a")!.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, guideStatus);
            Assert.Contains("Staff sign-in needs HTTPS", guide, StringComparison.Ordinal);
            Assert.Contains("deploy/install.sh", guide, StringComparison.Ordinal);

            // Through a proxy that ends HTTPS (its forwarded scheme believed): nothing to say.
            var (_, overHttps) = await GetAsync(site, "/staff/sign-in", forwardedProto: "https");
            Assert.Null(new HtmlParser().ParseDocument(overHttps).QuerySelector("[data-needs-https]"));

            // The staff database is up to date (a staff page answered), the key ring written: the whole start is logged.
            Assert.DoesNotContain(" WRN]", site.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(" ERR]", site.Output, StringComparison.Ordinal);
        }
        finally
        {
            await site.StopAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Without_Site_BaseUrl_the_one_warning_names_the_setting_that_silences_it()
    {
        var home = NewFolder("home");
        var port = PostgresCluster.FreePort();
        await using var site = new SiteProcess("live", port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site:Home"] = home,
        }) { ContentRoot = WebProject };
        try
        {
            site.Start();
            await HealthyAsync(site);
            var warnings = site.Output.Split('\n').Where(line => line.Contains(" WRN]", StringComparison.Ordinal)).ToArray();
            Assert.Single(warnings);
            Assert.Contains("Set Site:BaseUrl", warnings[0], StringComparison.Ordinal);
        }
        finally
        {
            await site.StopAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    [PostgresFact]
    public async Task On_PostgreSQL_an_instance_that_became_healthy_keeps_serving_articles_when_the_database_stops()
    {
        // A server of its own, so stopping it leaves the other tests' alone.
        var own = new PostgresCluster();
        await own.InitializeAsync();
        var home = NewFolder("home");
        await using var site = Production(home, PostgresCluster.FreePort(), new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Staff"] = await own.CreateDatabaseAsync(),
        });
        try
        {
            site.Start();
            await HealthyAsync(site);
            var slug = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md").Order().First());

            await own.StopAsync();

            // Whatever was still finishing in the background meets a database that is gone: readers never notice.
            for (var i = 0; i < 20; i++)
            {
                var (status, _) = await GetAsync(site, $"/articles/{slug}");
                Assert.True(status == HttpStatusCode.OK, $"/articles/{slug} answered {status} with the database down: {site.Output}");
                Assert.False(site.HasExited, site.Output);
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            Assert.DoesNotContain("could not start", site.Output, StringComparison.Ordinal);

            // Said, not failed: still 200, since patients are served.
            var (healthStatus, health) = await Eventually.MatchesAsync(() => GetAsync(site, "/healthz"),
                h => h.Body.Contains("\"status\":\"degraded\"", StringComparison.Ordinal), $"/healthz says degraded ({site.Output})", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, healthStatus);
            Assert.Contains("\"publishing\":\"disconnected\"", health, StringComparison.Ordinal);
            Assert.False(site.HasExited, site.Output);
        }
        finally
        {
            await site.StopAsync();
            await own.DisposeAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string folder, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(SiteProcess.Dotnet, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
