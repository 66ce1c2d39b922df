using System.Diagnostics;
using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Npgsql;

namespace HeadacheInfo.Tests.Hosting;

/// <summary>
/// Two real site processes, each with its own content folder, and one PostgreSQL database: published changes
/// travel through the database's publish log, not a shared folder.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class PublishLogTests(PublishLogTests.Sites sites) : IClassFixture<PublishLogTests.Sites>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    public sealed class Sites(PostgresCluster cluster) : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "log-" + Guid.NewGuid().ToString("N"));

        public PostgresCluster Cluster => cluster;

        public string ConnectionString { get; private set; } = string.Empty;

        public string Seed => Path.Combine(_root, "seed");

        public SiteProcess A { get; private set; } = null!;

        public SiteProcess B { get; private set; } = null!;

        public string FolderOf(SiteProcess site) => Path.Combine(_root, site.Name);

        public string[] DatabaseArguments => ["--Database:Provider=Postgres", $"--ConnectionStrings:Staff={ConnectionString}"];

        public async Task InitializeAsync()
        {
            if (PostgresCluster.SkipReason is not null)
            {
                return;
            }

            ConnectionString = await cluster.CreateDatabaseAsync();
            var seed = new TemporaryContentFolderAt(Seed);
            foreach (var slug in new[] { "approved-on-a", "taken-down-on-a", "picture-host", "edited-on-b", "edited-on-both", "while-b-was-down", "while-db-was-down", "missed-notification",
                "import-after-approval", "import-after-take-down", "after-a-bad-row", "position-behind", "position-beyond", "edited-while-db-was-down",
                "deleted-on-a", "broken-on-b", "after-broken-on-b" })
            {
                seed.WriteArticle(slug, $"Article {slug.Replace('-', ' ')}");
            }

            // A seed with its own settings and a category of its own: import-content carries them into the log.
            seed.WriteArticle("desk-posture", "Desk posture", category: "work-and-posture");
            await File.WriteAllTextAsync(Path.Combine(Seed, Web.Staff.SiteSettings.SiteSettings.FileName), new Web.Staff.SiteSettings.SiteSettings
            {
                Categories = [.. Web.Articles.ArticleCategory.Shipped, new("work-and-posture", "Work and posture", "Desks, screens and driving.")],
            }.ToJson());

            Directory.CreateDirectory(Path.Combine(Seed, "images"));
            await File.WriteAllTextAsync(Path.Combine(Seed, "images", "seed-diagram.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><circle cx='5' cy='5' r='4'/></svg>");

            var (imported, output) = await SiteProcess.RunCommandAsync(["import-content", Seed, .. DatabaseArguments]);
            Assert.True(imported == 0, output);
            foreach (var (email, role) in new[] { ("author@clinic.example", StaffRoles.Author), ("reviewer@clinic.example", StaffRoles.Reviewer), ("admin@clinic.example", StaffRoles.Admin), ("category-admin@clinic.example", StaffRoles.Admin) })
            {
                var (added, said) = await SiteProcess.RunCommandAsync(
                    ["add-staff", "--email", email, "--name", email.Split('@')[0], "--role", role, "--password-stdin", .. DatabaseArguments], StaffSeeding.Password);
                Assert.True(added == 0, said);
            }

            A = Site("a");
            B = Site("b");
            A.Start();
            B.Start();
            await HealthyAsync(A);
            await HealthyAsync(B);
        }

        private SiteProcess Site(string name)
        {
            var folder = Path.Combine(_root, name);
            Directory.CreateDirectory(Path.Combine(folder, "articles"));
            return new SiteProcess(name, PostgresCluster.FreePort(), new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", // the sign-in cookie over plain HTTP on loopback
                ["Content:Path"] = folder,
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Staff"] = ConnectionString,
                ["DataProtection:KeysPath"] = Path.Combine(_root, "keys"),
                ["Publishing:Instance"] = $"instance-{name}",
                ["Publishing:PollSeconds"] = "1",
                ["RateLimiting:SignIn:PermitLimit"] = "10000",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        }

        public static async Task<StaffClient> SignedInAsync(SiteProcess site, string email)
        {
            var client = new StaffClient(site.Address);
            using var signedIn = await client.SignInAsync(email, StaffSeeding.Password);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in on {site.Name} answered {signedIn.StatusCode}");
            return client;
        }

        public async Task DisposeAsync()
        {
            if (A is not null)
            {
                await A.DisposeAsync();
            }

            if (B is not null)
            {
                await B.DisposeAsync();
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
    }

    private static readonly HttpClient Reader = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(SiteProcess site, string path)
    {
        try
        {
            using var response = await Reader.GetAsync(new Uri(site.Address, path));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.Message);
        }
        catch (TaskCanceledException ex)
        {
            // A starting instance's /healthz answers once it is warm, which on a busy machine can outlast one try.
            return (0, ex.Message);
        }
    }

    private static Task<(HttpStatusCode Status, string Body)> HealthyAsync(SiteProcess site, TimeSpan? limit = null) =>
        Eventually.MatchesAsync(() => GetAsync(site, "/healthz"), h => h.Status == HttpStatusCode.OK,
            $"{site.Name} reports healthy ({site.Output})", limit ?? TimeSpan.FromSeconds(60));

    private static Task<(HttpStatusCode Status, string Body)> ServesAsync(SiteProcess site, string slug, string words, TimeSpan? limit = null) =>
        Eventually.MatchesAsync(() => GetAsync(site, $"/articles/{slug}"), page => page.Status == HttpStatusCode.OK && page.Body.Contains(words, StringComparison.Ordinal),
            $"{site.Name} serves /articles/{slug} with '{words}'", limit ?? Soon);

    /// <summary>The author sends new words on A and the reviewer approves them on A, each from the page before.</summary>
    private static async Task ApproveOnAsync(SiteProcess site, string slug, string words)
    {
        using var author = await Sites.SignedInAsync(site, "author@clinic.example");
        using var reviewer = await Sites.SignedInAsync(site, "reviewer@clinic.example");
        await WorkflowSteps.SendAsync(author, slug, $"## Changed\n\n{words}\n");
        await WorkflowSteps.DecideAsync(reviewer, slug, "approve", "Clear and accurate.");
    }

    /// <summary>The reviewer takes the article off the site from its history, as a member of staff clicks it.</summary>
    private static async Task TakeDownOnAsync(SiteProcess site, string slug, string reason)
    {
        using var reviewer = await Sites.SignedInAsync(site, "reviewer@clinic.example");
        var (_, history) = await reviewer.GetAsync($"/staff/articles/{slug}/history");
        var (_, step) = await reviewer.GetAsync(history.QuerySelector("a[data-take-down]")!.GetAttribute("href")!);
        (await reviewer.SubmitAsync(step, $"/staff/articles/{slug}/history",
            new Dictionary<string, string> { ["Reason"] = reason }, button: "unpublish")).Dispose();
    }

    [PostgresFact]
    public async Task An_approval_on_one_instance_is_served_by_the_other_within_two_seconds()
    {
        await ServesAsync(sites.B, "approved-on-a", "Article approved on a", TimeSpan.FromSeconds(10));

        await ApproveOnAsync(sites.A, "approved-on-a", "Words approved on instance A.");

        await ServesAsync(sites.A, "approved-on-a", "Words approved on instance A.");
        await ServesAsync(sites.B, "approved-on-a", "Words approved on instance A.");
        Assert.Contains("Words approved on instance A.", await File.ReadAllTextAsync(Path.Combine(sites.FolderOf(sites.B), "articles", "approved-on-a.md")), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_sign_off_of_the_symptom_check_on_one_instance_shows_on_the_other_s_pages()
    {
        const string Signed = "data-clinical-review=\"signed-off\"";
        foreach (var path in new[] { "/symptom-check/how-it-works", "/symptom-check" })
        {
            var before = await GetAsync(sites.B, path);
            Assert.Contains("data-clinical-review=\"pending\"", before.Body, StringComparison.Ordinal);
        }

        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        var (_, page) = await reviewer.GetAsync("/staff/symptom-check");
        using var signed = await reviewer.SubmitAsync(page, "/staff/symptom-check", new Dictionary<string, string>(), button: "sign-off-check");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        foreach (var path in new[] { "/symptom-check/how-it-works", "/symptom-check", "/", "/headache-diary" })
        {
            Assert.Contains(Signed, (await GetAsync(sites.A, path)).Body, StringComparison.Ordinal);
            await Eventually.MatchesAsync(() => GetAsync(sites.B, path), answer => answer.Body.Contains(Signed, StringComparison.Ordinal),
                $"{sites.B.Name} says {path} is signed off", TimeSpan.FromSeconds(10));
        }
    }

    [PostgresFact]
    public async Task Site_settings_and_synonyms_saved_on_one_instance_show_on_the_other_s_pages()
    {
        using var admin = new StaffClient(sites.A.Address);
        await StaffSeeding.SignInAsAdminAsync(admin, "admin@clinic.example");
        var (_, form) = await admin.GetAsync("/staff/site-settings");
        using var saved = await admin.SubmitAsync(form, "/staff/site-settings",
            new Dictionary<string, string> { ["ClinicName"] = "Twin Rivers Clinic", ["AccentColour"] = "#2b4d1d", ["Phone"] = "0161 555 0177" },
            button: "save-settings");
        var answer = await HeadacheInfoFactory.ReadPageAsync(saved);
        Assert.True(answer.QuerySelector("[data-settings-problem]") is null, answer.QuerySelector("[data-settings-problem]")?.TextContent);
        using var synonyms = await admin.SubmitAsync(answer, "/staff/site-settings",
            new Dictionary<string, string> { ["Synonyms"] = "crash, collision" }, button: "save-synonyms");
        Assert.Equal(HttpStatusCode.OK, synonyms.StatusCode);

        Assert.Contains("Twin Rivers Clinic", (await GetAsync(sites.A, "/")).Body, StringComparison.Ordinal);
        var home = await Eventually.MatchesAsync(() => GetAsync(sites.B, "/"), page => page.Body.Contains("Twin Rivers Clinic", StringComparison.Ordinal),
            $"{sites.B.Name} shows the clinic name saved on A", TimeSpan.FromSeconds(10));
        Assert.Contains("0161 555 0177", home.Body, StringComparison.Ordinal);
        Assert.Contains("/theme.css?v=", home.Body, StringComparison.Ordinal);
        Assert.Contains("crash, collision", await File.ReadAllTextAsync(Path.Combine(sites.FolderOf(sites.B), "synonyms.txt")), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_category_from_the_seed_renamed_on_one_instance_shows_its_new_name_on_the_other_and_its_article_keeps_its_address()
    {
        foreach (var site in new[] { sites.A, sites.B })
        {
            var listed = await GetAsync(site, "/articles");
            Assert.Contains("Work and posture", listed.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(site, "/articles/desk-posture")).Status);
        }

        using var admin = new StaffClient(sites.A.Address);
        await StaffSeeding.SignInAsAdminAsync(admin, "category-admin@clinic.example");
        var (_, page) = await admin.GetAsync("/staff/site-settings");
        var name = page.QuerySelector("[data-categories] fieldset[data-category='work-and-posture'] [name$='.Name']")!.GetAttribute("name")!;
        using var saved = await admin.SubmitAsync(page, "/staff/site-settings", new Dictionary<string, string> { [name] = "At work" }, button: "save-categories");
        var answer = await HeadacheInfoFactory.ReadPageAsync(saved);
        Assert.True(answer.QuerySelector("[data-settings-problem]") is null, answer.QuerySelector("[data-settings-problem]")?.TextContent);

        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/articles"), list => list.Body.Contains("At work", StringComparison.Ordinal),
            $"{sites.B.Name} shows the category renamed on A", TimeSpan.FromSeconds(10));
        var article = await GetAsync(sites.B, "/articles/desk-posture");
        Assert.Equal(HttpStatusCode.OK, article.Status);
        Assert.Contains("At work", article.Body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_take_down_on_one_instance_gives_404_on_the_other()
    {
        await ServesAsync(sites.B, "taken-down-on-a", "Article taken down on a", TimeSpan.FromSeconds(10));
        await TakeDownOnAsync(sites.A, "taken-down-on-a", "Replaced by a newer article.");

        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/articles/taken-down-on-a"), page => page.Status == HttpStatusCode.NotFound,
            "B answers 404 for the article taken down on A", Soon);
    }

    [PostgresFact]
    public async Task A_new_article_and_a_picture_approved_on_one_instance_appear_on_the_other()
    {
        using var author = await Sites.SignedInAsync(sites.A, "author@clinic.example");
        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "Brand new on A",
            ["Summary"] = "A short summary of a new article.",
            ["Category"] = "signs",
            ["References"] = "NHS. Headaches. nhs.uk",
            ["Author"] = "Physiotherapy content team",
            ["Body"] = "## What it is\n\nA new article written on instance A.\n",
        };
        (await author.SubmitAsync("/staff/articles/new", fields, button: "submit-for-review")).Dispose();
        await WorkflowSteps.DecideAsync(reviewer, "brand-new-on-a", "approve", "Good.");
        await ServesAsync(sites.B, "brand-new-on-a", "A new article written on instance A.");

        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var url = "/staff/articles/picture-host/edit";
        var (_, editor) = await author.GetAsync(url);
        using var uploaded = await author.SubmitAsync(editor, url,
            new Dictionary<string, string> { ["Body"] = "## A stretch\n\nTurn your head slowly.\n", ["PictureAlt"] = "A person turning their head slowly" },
            button: "upload-picture", files: new Dictionary<string, (string, byte[])> { ["Picture"] = ("turn-slowly.png", png) });
        var withPicture = await HeadacheInfoFactory.ReadPageAsync(uploaded);
        (await author.SubmitAsync(withPicture, url, new Dictionary<string, string>(), button: "submit-for-review")).Dispose();
        await WorkflowSteps.DecideAsync(reviewer, "picture-host", "approve", "Clear picture.");

        await ServesAsync(sites.B, "picture-host", "/images/turn-slowly.png");
        // The site keeps an uploaded picture re-encoded, without its metadata: B serves exactly the bytes A kept.
        using var picture = await Reader.GetAsync(new Uri(sites.B.Address, "/images/turn-slowly.png"));
        using var onA = await Reader.GetAsync(new Uri(sites.A.Address, "/images/turn-slowly.png"));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(await onA.Content.ReadAsByteArrayAsync(), await picture.Content.ReadAsByteArrayAsync());
    }

    [PostgresFact]
    public async Task An_edit_on_one_instance_s_disk_reaches_the_other_and_its_history_names_the_instance()
    {
        await ServesAsync(sites.B, "edited-on-b", "Article edited on b", TimeSpan.FromSeconds(10));
        var file = Path.Combine(sites.FolderOf(sites.B), "articles", "edited-on-b.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Article edited on b", "Article edited on b with a text editor", StringComparison.Ordinal));

        await ServesAsync(sites.A, "edited-on-b", "Article edited on b with a text editor", TimeSpan.FromSeconds(5));
        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        var (_, history) = await reviewer.GetAsync("/staff/articles/edited-on-b/history");
        Assert.Contains("instance-b", history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(RevisionActions.OutsideTheApp, history.Body!.TextContent, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_file_deleted_by_hand_on_one_instance_is_taken_off_the_other_and_the_history_says_so()
    {
        await ServesAsync(sites.A, "deleted-on-a", "Article deleted on a", TimeSpan.FromSeconds(10));
        await ServesAsync(sites.B, "deleted-on-a", "Article deleted on a", TimeSpan.FromSeconds(10));

        File.Delete(Path.Combine(sites.FolderOf(sites.A), "articles", "deleted-on-a.md"));

        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/articles/deleted-on-a"), page => page.Status == HttpStatusCode.NotFound,
            "b stops serving the article deleted on a", TimeSpan.FromSeconds(10));
        using var reviewer = await Sites.SignedInAsync(sites.B, "reviewer@clinic.example");
        var (_, history) = await reviewer.GetAsync("/staff/articles/deleted-on-a/history");
        Assert.Contains(RevisionActions.OutsideTheApp, history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("deleted", history.Body!.TextContent, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_hand_edit_that_cannot_be_read_is_not_sent_every_instance_keeps_the_approved_text_and_the_dashboard_names_the_problem()
    {
        await ServesAsync(sites.A, "broken-on-b", "Article broken on b", TimeSpan.FromSeconds(10));
        await ServesAsync(sites.B, "after-broken-on-b", "Article after broken on b", TimeSpan.FromSeconds(10));
        var folder = Path.Combine(sites.FolderOf(sites.B), "articles");
        using var reviewer = await Sites.SignedInAsync(sites.B, "reviewer@clinic.example");

        await File.WriteAllTextAsync(Path.Combine(folder, "broken-on-b.md"), Staff.HostileTextInStaffTests.BrokenFrontMatter);
        var problem = await Eventually.MatchesAsync(
            async () => (await reviewer.GetAsync("/staff")).Page.QuerySelector("[data-content-problems] [data-file='articles/broken-on-b.md']")?.TextContent,
            text => text is not null, "b's dashboard names the file it cannot read", TimeSpan.FromSeconds(10));
        Assert.Contains("line", problem, StringComparison.Ordinal);

        // A good edit after it: the log is applied in order, so once it reaches a, so has anything b sent before it.
        var after = Path.Combine(folder, "after-broken-on-b.md");
        await File.WriteAllTextAsync(after, (await File.ReadAllTextAsync(after)).Replace("Article after broken on b", "Article after broken on b, edited", StringComparison.Ordinal));
        await ServesAsync(sites.A, "after-broken-on-b", "Article after broken on b, edited", TimeSpan.FromSeconds(10));

        await ServesAsync(sites.A, "broken-on-b", "Article broken on b");
    }

    [PostgresFact]
    public async Task Two_disk_edits_at_once_end_with_the_same_text_on_both_instances_and_both_in_the_history()
    {
        await ServesAsync(sites.B, "edited-on-both", "Article edited on both", TimeSpan.FromSeconds(10));
        var onA = Path.Combine(sites.FolderOf(sites.A), "articles", "edited-on-both.md");
        var onB = Path.Combine(sites.FolderOf(sites.B), "articles", "edited-on-both.md");
        var original = await File.ReadAllTextAsync(onA);
        await Task.WhenAll(
            File.WriteAllTextAsync(onA, original.Replace("Article edited on both", "Article edited on both, version from A", StringComparison.Ordinal)),
            File.WriteAllTextAsync(onB, original.Replace("Article edited on both", "Article edited on both, version from B", StringComparison.Ordinal)));

        var settled = await Eventually.MatchesAsync(async () => (A: await GetAsync(sites.A, "/articles/edited-on-both"), B: await GetAsync(sites.B, "/articles/edited-on-both")),
            pages => File.ReadAllText(onA) == File.ReadAllText(onB) && File.ReadAllText(onA).Contains("version from", StringComparison.Ordinal)
                && pages.A.Body.Contains(Winner(onA), StringComparison.Ordinal) && pages.B.Body.Contains(Winner(onA), StringComparison.Ordinal),
            "both instances serve the same text", TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, settled.A.Status);

        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        var history = await Eventually.MatchesAsync(async () => (await reviewer.GetAsync("/staff/articles/edited-on-both/history")).Page.Body!.TextContent,
            text => text.Contains("instance-a", StringComparison.Ordinal) && text.Contains("instance-b", StringComparison.Ordinal),
            "the history holds both edits", TimeSpan.FromSeconds(10));
        Assert.Contains("instance-a", history, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task An_instance_started_after_approvals_serves_them_all_before_it_reports_healthy()
    {
        await sites.B.StopAsync();
        await ApproveOnAsync(sites.A, "while-b-was-down", "First approval while B was down.");
        await ApproveOnAsync(sites.A, "approved-on-a", "Second approval while B was down.");

        sites.B.Start();
        await HealthyAsync(sites.B);
        // The first healthy answer already means caught up: no waiting after it.
        Assert.Contains("First approval while B was down.", (await GetAsync(sites.B, "/articles/while-b-was-down")).Body, StringComparison.Ordinal);
        Assert.Contains("Second approval while B was down.", (await GetAsync(sites.B, "/articles/approved-on-a")).Body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task With_the_database_stopped_patients_keep_reading_an_approval_fails_clearly_and_the_next_one_reaches_both()
    {
        using var author = await Sites.SignedInAsync(sites.A, "author@clinic.example");
        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        await WorkflowSteps.SendAsync(author, "while-db-was-down", "## Changed\n\nWritten before the database stopped.\n");
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        var link = dashboard.QuerySelector("[data-work='to-review'] li[data-slug='while-db-was-down'] a")!.GetAttribute("href")!;
        var (_, review) = await reviewer.GetAsync(link);

        await sites.Cluster.StopAsync();
        try
        {
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < TimeSpan.FromSeconds(10))
            {
                foreach (var site in new[] { sites.A, sites.B })
                {
                    var page = await GetAsync(site, "/articles/approved-on-a");
                    Assert.True(page.Status == HttpStatusCode.OK, $"{site.Name} answered {page.Status} while the database was down");
                }

                await Task.Delay(200);
            }

            var health = await Eventually.MatchesAsync(() => GetAsync(sites.B, "/healthz"), h => h.Body.Contains("\"publishing\":\"disconnected\"", StringComparison.Ordinal),
                "B says publishing is disconnected");
            Assert.Equal(HttpStatusCode.OK, health.Status);

            using var attempt = await reviewer.SubmitAsync(review, link, new Dictionary<string, string> { ["Comment"] = "My careful comment, kept." }, "approve");
            var said = await HeadacheInfoFactory.ReadPageAsync(attempt);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, attempt.StatusCode);
            Assert.Contains("cannot be reached", said.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("My careful comment, kept.", said.QuerySelector("[data-kept-field='Comment']")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await sites.Cluster.StartAsync();
        }

        await Eventually.MatchesAsync(() => GetAsync(sites.A, "/healthz"), h => h.Body.Contains("\"publishing\":\"live\"", StringComparison.Ordinal), "A is live again");
        await WorkflowSteps.DecideAsync(reviewer, "while-db-was-down", "approve", "Approved once the database was back.");
        await ServesAsync(sites.A, "while-db-was-down", "Written before the database stopped.");
        await ServesAsync(sites.B, "while-db-was-down", "Written before the database stopped.");
    }

    [PostgresFact]
    public async Task A_notification_that_never_arrives_is_made_up_by_the_poll()
    {
        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/healthz"), h => h.Body.Contains("\"publishing\":\"live\"", StringComparison.Ordinal), "B is listening", TimeSpan.FromSeconds(30));
        await using (var connection = new NpgsqlConnection(sites.ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'headacheinfo-listen-instance-b'", connection);
            Assert.Equal(1L, (long)(await kill.ExecuteScalarAsync())!);
        }

        await ApproveOnAsync(sites.A, "missed-notification", "Brought by the poll.");

        await ServesAsync(sites.B, "missed-notification", "Brought by the poll.", TimeSpan.FromSeconds(10));
        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/healthz"), h => h.Body.Contains("\"publishing\":\"live\"", StringComparison.Ordinal), "B listens again");
    }

    [PostgresFact]
    public async Task Import_twice_adds_rows_once_and_an_export_matches_the_folder_imported()
    {
        var fresh = await sites.Cluster.CreateDatabaseAsync();
        string[] database = ["--Database:Provider=Postgres", $"--ConnectionStrings:Staff={fresh}"];
        var (first, said) = await SiteProcess.RunCommandAsync(["import-content", sites.Seed, .. database]);
        Assert.True(first == 0, said);
        var rows = await CountRowsAsync(fresh);
        // One row for each article and each picture in the seed folder, and one for its settings file.
        Assert.Equal(Directory.GetFiles(Path.Combine(sites.Seed, "articles")).Length + Directory.GetFiles(Path.Combine(sites.Seed, "images")).Length + 1, rows);

        var (second, again) = await SiteProcess.RunCommandAsync(["import-content", sites.Seed, .. database]);
        Assert.True(second == 0, again);
        Assert.Equal(rows, await CountRowsAsync(fresh));

        var export = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exported, output) = await SiteProcess.RunCommandAsync(["export-content", export, .. database]);
            Assert.True(exported == 0, output);
            var diff = Process.Start(new ProcessStartInfo("diff", ["-r", sites.Seed, export]) { RedirectStandardOutput = true })!;
            var differences = await diff.StandardOutput.ReadToEndAsync();
            await diff.WaitForExitAsync();
            Assert.True(diff.ExitCode == 0, differences);
        }
        finally
        {
            Directory.Delete(export, recursive: true);
        }

        Assert.Equal(2, (await SiteProcess.RunCommandAsync(["import-content"])).ExitCode);
        Assert.Equal(2, (await SiteProcess.RunCommandAsync(["export-content", "--Database:Provider=Postgres"])).ExitCode);
    }

    [PostgresFact]
    public async Task Importing_an_older_copy_again_keeps_what_clinicians_approved_and_took_down()
    {
        await ApproveOnAsync(sites.A, "import-after-approval", "Words a second clinician approved.");
        await TakeDownOnAsync(sites.A, "import-after-take-down", "No longer accurate.");

        await ServesAsync(sites.B, "import-after-approval", "Words a second clinician approved.");
        await Eventually.MatchesAsync(() => GetAsync(sites.B, "/articles/import-after-take-down"), page => page.Status == HttpStatusCode.NotFound, "B has it taken down", Soon);
        var rows = await CountRowsAsync(sites.ConnectionString);

        var (exit, said) = await SiteProcess.RunCommandAsync(["import-content", sites.Seed, .. sites.DatabaseArguments]);

        Assert.True(exit == 0, said);
        Assert.Contains("Kept as published: articles/import-after-approval.md", said, StringComparison.Ordinal);
        Assert.Contains("Kept as published: articles/import-after-take-down.md", said, StringComparison.Ordinal);
        Assert.Equal(rows, await CountRowsAsync(sites.ConnectionString));
        foreach (var site in new[] { sites.A, sites.B })
        {
            Assert.Contains("Words a second clinician approved.", (await GetAsync(site, "/articles/import-after-approval")).Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(site, "/articles/import-after-take-down")).Status);
        }
    }

    [PostgresFact]
    public async Task Import_refuses_a_picture_that_is_a_link_to_a_file_outside_the_folder()
    {
        var fresh = await sites.Cluster.CreateDatabaseAsync();
        var folder = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "linked-" + Guid.NewGuid().ToString("N"));
        try
        {
            new TemporaryContentFolderAt(folder).WriteArticle("an-article", "An article");
            Directory.CreateDirectory(Path.Combine(folder, "images"));
            var secret = Path.Combine(folder, "..", Path.GetFileName(folder) + "-secret.txt");
            await File.WriteAllTextAsync(secret, "SECRET-API-KEY=hunter2");
            File.CreateSymbolicLink(Path.Combine(folder, "images", "leak.png"), secret);

            var (exit, said) = await SiteProcess.RunCommandAsync(["import-content", folder, "--Database:Provider=Postgres", $"--ConnectionStrings:Staff={fresh}"]);

            Assert.Equal(1, exit);
            Assert.Contains("Not imported: images/leak.png: the picture is a link", said, StringComparison.Ordinal);
            await using var connection = new NpgsqlConnection(fresh);
            await connection.OpenAsync();
            await using var pictures = new NpgsqlCommand("""SELECT count(*) FROM "PublishLog" WHERE "Kind" = 'picture'""", connection);
            Assert.Equal(0L, (long)(await pictures.ExecuteScalarAsync())!);
            File.Delete(secret);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Export_replaces_a_link_rather_than_writing_through_it_and_removes_an_article_taken_down()
    {
        var fresh = await sites.Cluster.CreateDatabaseAsync();
        string[] database = ["--Database:Provider=Postgres", $"--ConnectionStrings:Staff={fresh}"];
        Assert.Equal(0, (await SiteProcess.RunCommandAsync(["import-content", sites.Seed, .. database])).ExitCode);
        await using (var connection = new NpgsqlConnection(fresh))
        {
            await connection.OpenAsync();
            await using var takeDown = new NpgsqlCommand(
                """INSERT INTO "PublishLog" ("Kind", "Name", "Hash", "Origin", "At") VALUES ('removed', 'picture-host', '', 'test', now())""", connection);
            await takeDown.ExecuteNonQueryAsync();
        }

        var export = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "export-" + Guid.NewGuid().ToString("N"));
        var victim = export + "-victim.txt";
        try
        {
            Directory.CreateDirectory(Path.Combine(export, "articles"));
            await File.WriteAllTextAsync(victim, "not yours");
            File.CreateSymbolicLink(Path.Combine(export, "articles", "approved-on-a.md"), victim);
            await File.WriteAllTextAsync(Path.Combine(export, "articles", "picture-host.md"), "an old export");

            var (exit, said) = await SiteProcess.RunCommandAsync(["export-content", export, .. database]);

            Assert.True(exit == 0, said);
            Assert.Equal("not yours", await File.ReadAllTextAsync(victim));
            var written = new FileInfo(Path.Combine(export, "articles", "approved-on-a.md"));
            Assert.Null(written.LinkTarget);
            Assert.Contains("Article approved on a", await File.ReadAllTextAsync(written.FullName), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(export, "articles", "picture-host.md")));
        }
        finally
        {
            Directory.Delete(export, recursive: true);
            File.Delete(victim);
        }
    }

    [PostgresFact]
    public async Task A_row_no_instance_can_apply_is_passed_over_and_the_next_approval_still_reaches_both()
    {
        await using (var connection = new NpgsqlConnection(sites.ConnectionString))
        {
            await connection.OpenAsync();
            await using var hostile = new NpgsqlCommand(
                """
                INSERT INTO "PublishLog" ("Kind", "Name", "Bytes", "Hash", "Origin", "At") VALUES ('picture', '../../evil.png', '504e47', 'x', 'x', now());
                SELECT pg_notify('headacheinfo_publish_log', '');
                """, connection);
            await hostile.ExecuteNonQueryAsync();
        }

        await ApproveOnAsync(sites.A, "after-a-bad-row", "Published after a bad row.");

        await ServesAsync(sites.A, "after-a-bad-row", "Published after a bad row.");
        await ServesAsync(sites.B, "after-a-bad-row", "Published after a bad row.");
        Assert.Contains("\"publishing\":\"live\"", (await GetAsync(sites.B, "/healthz")).Body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sites.FolderOf(sites.B), "..", "evil.png")));
    }

    [PostgresFact]
    public async Task A_folder_ahead_of_its_position_file_records_no_edit_and_loses_no_approval()
    {
        await ApproveOnAsync(sites.A, "position-behind", "First approved version.");
        await ServesAsync(sites.B, "position-behind", "First approved version.");
        var position = Path.Combine(sites.FolderOf(sites.B), ".publish-log-position");
        var before = await File.ReadAllTextAsync(position);
        await ApproveOnAsync(sites.A, "position-behind", "Second approved version.");
        await ServesAsync(sites.B, "position-behind", "Second approved version.");
        await sites.B.StopAsync();
        await ApproveOnAsync(sites.A, "position-behind", "Third approved version.");
        // As a backup restored with its position file older than its articles would leave it.
        await File.WriteAllTextAsync(position, before);

        sites.B.Start();
        await HealthyAsync(sites.B);

        await ServesAsync(sites.B, "position-behind", "Third approved version.");
        await ServesAsync(sites.A, "position-behind", "Third approved version.");
        using var reviewer = await Sites.SignedInAsync(sites.A, "reviewer@clinic.example");
        var (_, history) = await reviewer.GetAsync("/staff/articles/position-behind/history");
        Assert.DoesNotContain(RevisionActions.OutsideTheApp, history.Body!.TextContent, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_position_file_beyond_the_log_is_applied_from_the_start_again()
    {
        await sites.B.StopAsync();
        await File.WriteAllTextAsync(Path.Combine(sites.FolderOf(sites.B), ".publish-log-position"), "999999");
        await ApproveOnAsync(sites.A, "position-beyond", "Approved while B's position was wrong.");

        sites.B.Start();
        await HealthyAsync(sites.B);

        Assert.Contains("Approved while B's position was wrong.", (await GetAsync(sites.B, "/articles/position-beyond")).Body, StringComparison.Ordinal);
        await ApproveOnAsync(sites.A, "position-beyond", "And the next one too.");
        await ServesAsync(sites.B, "position-beyond", "And the next one too.");
    }

    [PostgresFact]
    public async Task An_edit_on_disk_made_while_the_database_was_down_reaches_the_other_instance_when_it_returns()
    {
        await ServesAsync(sites.A, "edited-while-db-was-down", "Article edited while db was down", TimeSpan.FromSeconds(10));
        var file = Path.Combine(sites.FolderOf(sites.B), "articles", "edited-while-db-was-down.md");
        await sites.Cluster.StopAsync();
        try
        {
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Article edited while db was down", "Edited on B during the outage", StringComparison.Ordinal));
            await ServesAsync(sites.B, "edited-while-db-was-down", "Edited on B during the outage", TimeSpan.FromSeconds(5));
        }
        finally
        {
            await sites.Cluster.StartAsync();
        }

        await ServesAsync(sites.A, "edited-while-db-was-down", "Edited on B during the outage", TimeSpan.FromSeconds(30));
    }

    /// <summary>Which edit a file holds now: the words the page must show.</summary>
    private static string Winner(string file) =>
        File.ReadAllText(file).Contains("version from A", StringComparison.Ordinal) ? "version from A" : "version from B";

    private static async Task<long> CountRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "PublishLog" """, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A content folder at a given place, written as the tests' own are.</summary>
    private sealed class TemporaryContentFolderAt(string root)
    {
        public void WriteArticle(string slug, string title, string category = "signs")
        {
            Directory.CreateDirectory(Path.Combine(root, "articles"));
            File.WriteAllText(Path.Combine(root, "articles", slug + ".md"), ArticleText.SignedOff(slug, ArticleText.Valid(title, category)));
        }
    }
}
