using System.IO.Compression;
using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Mirror;

/// <summary>
/// With Site:StaticMirrorPath set, every reader page the site pre-renders is written there as a file nginx can serve
/// (with a .gz beside it), with the pictures, the stylesheet, sitemap.xml and robots.txt, on each new snapshot; an
/// article taken down leaves the mirror.
/// </summary>
public sealed class StaticMirrorTests(StaticMirrorTests.Site site) : IClassFixture<StaticMirrorTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Site:BaseUrl", "https://headacheinfo.example");
            WithSetting("Site:StaticMirrorPath", Mirror);
            Content.WriteArticle("neck-pain", "Neck pain");
            Content.WriteArticle("exercise", "Exercise", "treatment");
            Content.WriteArticle("taken-down", "Taken down soon");
            Directory.CreateDirectory(Path.Combine(Content.Root, "images"));
            File.WriteAllText(Path.Combine(Content.Root, "images", "neck-diagram.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><circle cx='5' cy='5' r='4'/></svg>");
            // The clinic's own colour and logo, as the site settings page saves them.
            File.WriteAllText(Path.Combine(Content.Root, "images", "clinic-logo-0a1b2c3d4e.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 10'><rect width='40' height='10'/></svg>");
            File.WriteAllText(Path.Combine(Content.Root, Web.Staff.SiteSettings.SiteSettings.FileName),
                new Web.Staff.SiteSettings.SiteSettings { ClinicName = "Mirror Clinic", AccentColour = "#1d4d2b", Logo = "clinic-logo-0a1b2c3d4e.svg" }.ToJson());
        }

        public string Mirror => Content.Root + ".mirror";

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(Mirror))
            {
                Directory.Delete(Mirror, recursive: true);
            }
        }
    }

    private string InMirror(string relative) => Path.Combine(site.Mirror, relative);

    private async Task<string> MirroredAsync(string relative, Func<string, bool>? ready = null)
    {
        _ = site.CreateClient();
        return await Eventually.MatchesAsync(
            () => Task.FromResult(File.Exists(InMirror(relative)) ? File.ReadAllText(InMirror(relative)) : string.Empty),
            text => text.Length > 0 && (ready?.Invoke(text) ?? true), $"{relative} in the mirror");
    }

    private async Task<string> FromTheSiteAsync(string url)
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://headacheinfo.example") });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/articles", "articles/index.html")]
    [InlineData("/articles/neck-pain", "articles/neck-pain/index.html")]
    [InlineData("/symptom-check/how-it-works", "symptom-check/how-it-works/index.html")]
    [InlineData("/sitemap.xml", "sitemap.xml")]
    [InlineData("/robots.txt", "robots.txt")]
    public async Task Each_reader_page_is_in_the_mirror_as_the_site_sends_it_with_a_gz_beside_it(string url, string file)
    {
        var mirrored = await MirroredAsync(file);

        Assert.Equal(await FromTheSiteAsync(url), mirrored);
        await using var gz = new GZipStream(File.OpenRead(InMirror(file + ".gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        Assert.Equal(mirrored, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_page_with_the_clinic_s_own_colour_and_logo_links_a_theme_and_a_logo_the_mirror_holds()
    {
        var home = await MirroredAsync("index.html");

        var theme = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/theme\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(theme);
        Assert.Equal(await FromTheSiteAsync(theme.Replace("&amp;", "&", StringComparison.Ordinal)), await MirroredAsync("theme.css"));
        Assert.Contains("--accent: #1d4d2b", await MirroredAsync("theme.css"), StringComparison.Ordinal);
        Assert.True(File.Exists(InMirror("theme.css.gz")));
        Assert.Contains("src=\"/images/clinic-logo-0a1b2c3d4e.svg\"", home, StringComparison.Ordinal);
        Assert.True(File.Exists(InMirror("images/clinic-logo-0a1b2c3d4e.svg")));
    }

    [Fact]
    public async Task The_pictures_and_the_stylesheet_the_pages_link_to_are_in_the_mirror()
    {
        var home = await MirroredAsync("index.html");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/[^\"?]+)").Groups[1].Value;

        Assert.NotEmpty(stylesheet);
        Assert.True(File.Exists(InMirror(stylesheet.TrimStart('/'))), $"{stylesheet} is not in the mirror");
        Assert.True(File.Exists(InMirror(stylesheet.TrimStart('/') + ".gz")));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(site.Content.Root, "images", "neck-diagram.svg")),
            await MirroredAsync("images/neck-diagram.svg"));
    }

    [Fact]
    public async Task Pages_that_are_not_the_same_for_everyone_are_not_in_the_mirror()
    {
        await MirroredAsync("index.html");

        Assert.False(Directory.Exists(InMirror("staff")));
        Assert.False(Directory.Exists(InMirror("search")));
        Assert.False(File.Exists(InMirror("symptom-check/index.html")));
        Assert.False(File.Exists(InMirror("healthz")));
    }

    [Fact]
    public async Task An_edit_replaces_the_page_and_an_article_taken_down_leaves_the_mirror()
    {
        await MirroredAsync("articles/taken-down/index.html");
        await MirroredAsync("articles/exercise/index.html");

        site.Content.WriteArticle("exercise", "Exercise, revised", "treatment");
        site.Content.Delete("taken-down.md");

        await MirroredAsync("articles/exercise/index.html", html => html.Contains("Exercise, revised", StringComparison.Ordinal));
        await MirroredAsync("articles/index.html", html => !html.Contains("Taken down soon", StringComparison.Ordinal));
        await Eventually.MatchesAsync(() => Task.FromResult(Directory.Exists(InMirror("articles/taken-down"))), gone => !gone,
            "the taken-down article's folder to leave the mirror");
        Assert.DoesNotContain("/articles/taken-down", await MirroredAsync("sitemap.xml"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(site.Mirror, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_mirror_is_readable_by_nginx_which_runs_as_another_user()
    {
        await MirroredAsync("articles/neck-pain/index.html");

        var other = UnixFileMode.OtherRead;
        Assert.True(File.GetUnixFileMode(InMirror("articles/neck-pain/index.html")).HasFlag(other));
        Assert.True(File.GetUnixFileMode(InMirror("articles/neck-pain")).HasFlag(other | UnixFileMode.OtherExecute));
        Assert.True(File.GetUnixFileMode(site.Mirror).HasFlag(other | UnixFileMode.OtherExecute));
    }

    [Fact]
    public async Task A_second_instance_may_not_write_the_same_mirror()
    {
        await MirroredAsync("index.html");

        var (exitCode, output) = await StaticMirrorSettingTests.RunSiteAsync(site.Mirror, "https://headacheinfo.example");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Site:StaticMirrorPath", output, StringComparison.Ordinal);
        Assert.Contains("is in use by another running instance", output, StringComparison.Ordinal);
        Assert.True(File.Exists(InMirror("index.html")), "the first instance's mirror is left as it was");
    }
}

/// <summary>A mirror setting that cannot work stops the start, naming the key, as an operator sees it.</summary>
public sealed class StaticMirrorSettingTests
{
    [Theory]
    [InlineData("relative/mirror", "https://headacheinfo.example", "is not an absolute path")]
    [InlineData(null, "", "needs Site:BaseUrl")]
    [InlineData("/proc/headacheinfo-mirror", "https://headacheinfo.example", "cannot be written")]
    public async Task A_mirror_setting_that_cannot_work_stops_the_start_naming_the_key(string? path, string baseUrl, string reason)
    {
        var folder = Path.Combine(Path.GetTempPath(), "headacheinfo-mirror-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await RunSiteAsync(path ?? folder, baseUrl);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Site:StaticMirrorPath: ", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_holding_other_files_is_refused_so_the_mirror_never_removes_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "headacheinfo-mirror-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the clinic's own file");
        try
        {
            var (exitCode, output) = await RunSiteAsync(folder, "https://headacheinfo.example");

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Site:StaticMirrorPath: ", output, StringComparison.Ordinal);
            Assert.Contains("holds files the site did not write", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the built site with this mirror setting and the shipped content, to its end (a start that fails).</summary>
    internal static async Task<(int ExitCode, string Output)> RunSiteAsync(string mirror, string baseUrl)
    {
        var start = new System.Diagnostics.ProcessStartInfo(SiteProcess.Dotnet, [SiteProcess.SiteDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Content__Path"] = RepositoryFolders.Content;
        start.Environment["Data__Path"] = Path.Combine(Path.GetTempPath(), "headacheinfo-mirror-data-" + Guid.NewGuid().ToString("N"));
        if (baseUrl.Length > 0)
        {
            start.Environment["Site__BaseUrl"] = baseUrl;
        }

        start.Environment["Site__StaticMirrorPath"] = mirror;
        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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
}
