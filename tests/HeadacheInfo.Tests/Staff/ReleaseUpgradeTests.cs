using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Upgrades;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// An upgrade publishes nothing unreviewed: a new release whose shipped articles differ from the live ones
/// offers each difference for review, "from the new release", once; the live folder keeps its text until a
/// reviewer approves, and a clinic's own published edit is never offered back.
/// </summary>
public sealed class ReleaseUpgradeTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "upgrade-" + Guid.NewGuid().ToString("N"));

    private string Live => Path.Combine(_root, "live");

    private string Shipped => Path.Combine(_root, "shipped");

    private string Data => Path.Combine(_root, "data");

    /// <summary>The site as a clinic runs it after an upgrade: its own live folder and database, the release's articles beside the program.</summary>
    private sealed class UpgradedSite : HeadacheInfoFactory
    {
        public UpgradedSite(string live, string data, string shipped)
        {
            WithSetting("Content:Path", live);
            WithSetting("Data:Path", data);
            WithSetting("Content:ShippedPath", shipped);
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    private static void WriteArticle(string folder, string slug, string title, string body) =>
        WriteFile(Path.Combine(folder, "articles", slug + ".md"), ArticleText.SignedOff(slug, ArticleText.Valid(title, body: body)));

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<UpgradedSite> StartAsync()
    {
        var site = new UpgradedSite(Live, Data, Shipped);
        // Patients are served at once; the comparison runs beside the start, once the staff database is migrated.
        using (var health = await site.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await site.Services.GetRequiredService<ReleaseOffers>().FirstLook;
        return site;
    }

    private static async Task<string> PatientPageAsync(HeadacheInfoFactory site, string slug)
    {
        using var response = await site.GetAsync($"/articles/{slug}");
        return response.StatusCode == HttpStatusCode.OK ? (await HeadacheInfoFactory.ReadPageAsync(response)).Body!.TextContent : response.StatusCode.ToString();
    }

    /// <summary>An approval reaches patients with the next content snapshot, within a second or two.</summary>
    private static async Task ShowsAsync(HeadacheInfoFactory site, string slug, string words) =>
        await Eventually.MatchesAsync(() => PatientPageAsync(site, slug), page => page.Contains(words, StringComparison.Ordinal), $"/articles/{slug} showing \"{words}\"");

    [Fact]
    public async Task A_new_release_offers_a_changed_and_a_new_article_for_review_publishes_nothing_by_itself_and_offers_nothing_twice_or_back()
    {
        // The clinic's site, as the release before left it.
        WriteArticle(Live, "changed-by-release", "Neck posture", "## What it is\n\nOld words about posture.\n");
        WriteArticle(Live, "kept-by-clinic", "Pillows", "## What it is\n\nThe release's words about pillows.\n");
        // The new release: one article changed, one the same, one new (with a picture of its own).
        WriteArticle(Shipped, "changed-by-release", "Neck posture", "## What it is\n\nNew words about posture from the release.\n");
        WriteArticle(Shipped, "kept-by-clinic", "Pillows", "## What it is\n\nThe release's words about pillows.\n");
        WriteArticle(Shipped, "new-in-release", "Desk set-up", "## What it is\n\nWords about desks.\n\n![A desk seen from the side](/images/desk-side.png)\n");
        Directory.CreateDirectory(Path.Combine(Shipped, "images"));
        File.WriteAllBytes(Path.Combine(Shipped, "images", "desk-side.png"), Png);

        using (var site = await StartAsync())
        {
            using var reviewer = await StaffSeeding.SignedInAsync(site, "release-reviewer@clinic.example", StaffRoles.Reviewer);
            var (_, queue) = await reviewer.GetAsync("/staff/reviews");
            var offered = queue.QuerySelectorAll("li[data-from-release]").Select(li => li.GetAttribute("data-slug")).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["changed-by-release", "new-in-release"], offered);
            Assert.All(queue.QuerySelectorAll("li[data-from-release]"), li => Assert.Contains("from the new release", li.TextContent, StringComparison.Ordinal));

            // Nothing shipped is live yet: patients still read the clinic's text, and the new article is not there.
            Assert.Contains("Old words about posture.", await PatientPageAsync(site, "changed-by-release"), StringComparison.Ordinal);
            Assert.Equal(nameof(HttpStatusCode.NotFound), await PatientPageAsync(site, "new-in-release"));
            Assert.False(File.Exists(Path.Combine(Live, "images", "desk-side.png")));

            // The reviewer opens the new article from the queue: the same review page, saying where it came from, and approves it.
            var link = queue.QuerySelector("li[data-slug='new-in-release'] a")!.GetAttribute("href")!;
            var (_, review) = await reviewer.GetAsync(link);
            Assert.NotNull(review.QuerySelector("[data-from-release]"));
            Assert.NotNull(review.QuerySelector("button[value='approve']"));
            using (var approved = await reviewer.SubmitAsync(review, link, new Dictionary<string, string> { ["Comment"] = "Read it whole." }, "approve"))
            {
                var said = (await HeadacheInfoFactory.ReadPageAsync(approved)).QuerySelector("main")?.TextContent ?? string.Empty;
                Assert.True(approved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, approved.StatusCode + said);
                Assert.DoesNotContain("cannot", said, StringComparison.Ordinal);
            }

            await ShowsAsync(site, "new-in-release", "Words about desks.");
            Assert.True(File.Exists(Path.Combine(Live, "images", "desk-side.png")));
            // The changed one still waits: the clinic's text stays on the site.
            Assert.Contains("Old words about posture.", await PatientPageAsync(site, "changed-by-release"), StringComparison.Ordinal);

            // The clinic changes an article the release left alone, and publishes it.
            using var author = await StaffSeeding.SignedInAsync(site, "release-author@clinic.example", StaffRoles.Author);
            await WorkflowSteps.SendAsync(author, "kept-by-clinic", "## What it is\n\nOur own words about pillows.\n");
            await WorkflowSteps.DecideAsync(reviewer, "kept-by-clinic", "approve", "Good.");
            await ShowsAsync(site, "kept-by-clinic", "Our own words about pillows.");
        }

        // Restarted with the same release: the waiting change is there once, nothing else is offered, the clinic's edit stands.
        using (var site = await StartAsync())
        {
            using var reviewer = await StaffSeeding.SignedInAsync(site, "release-reviewer@clinic.example", StaffRoles.Reviewer);
            var (_, queue) = await reviewer.GetAsync("/staff/reviews");
            Assert.Equal(["changed-by-release"], queue.QuerySelectorAll("li[data-slug]").Select(li => li.GetAttribute("data-slug")));
            Assert.Equal(["changed-by-release"], queue.QuerySelectorAll("li[data-from-release]").Select(li => li.GetAttribute("data-slug")));
            Assert.Contains("Our own words about pillows.", await PatientPageAsync(site, "kept-by-clinic"), StringComparison.Ordinal);
            Assert.Contains("Old words about posture.", await PatientPageAsync(site, "changed-by-release"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_release_text_waits_beside_a_draft_a_member_of_staff_has_in_progress_and_is_offered_once_that_change_is_published()
    {
        WriteArticle(Live, "drafted-here", "Heat packs", "## What it is\n\nOld words about heat.\n");
        WriteArticle(Shipped, "drafted-here", "Heat packs", "## What it is\n\nThe release's new words about heat.\n");
        // The clinic's author has a draft in progress from before the upgrade: the old release, no shipped folder.
        using (var before = new UpgradedSite(Live, Data, Path.Combine(_root, "no-release")))
        {
            await before.Services.GetRequiredService<ReleaseOffers>().FirstLook;
            using var author = await StaffSeeding.SignedInAsync(before, "heat-author@clinic.example", StaffRoles.Author);
            Assert.Contains("Sent for review", await WorkflowSteps.SendAsync(author, "drafted-here", "## What it is\n\nOur draft about heat.\n"), StringComparison.Ordinal);
        }

        using var site = await StartAsync();
        using var reviewer = await StaffSeeding.SignedInAsync(site, "heat-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, dashboard) = await reviewer.GetAsync("/staff");
        // The author's change is the one waiting, untouched; the dashboard says the release's text waits for it.
        Assert.True(dashboard.QuerySelector("[data-work='to-review'] li[data-from-release]") is null, dashboard.QuerySelector("[data-work='to-review']")?.OuterHtml);
        Assert.NotNull(dashboard.QuerySelector("[data-work='to-review'] li[data-slug='drafted-here']"));
        Assert.NotNull(dashboard.QuerySelector("[data-release-waiting] li[data-slug='drafted-here']"));
        var (_, waitingQueue) = await reviewer.GetAsync("/staff/reviews");
        Assert.NotNull(waitingQueue.QuerySelector("li[data-slug='drafted-here']"));
        Assert.Null(waitingQueue.QuerySelector("li[data-from-release]"));

        // Once the author's change is published, the release's text is offered, based on what is live now.
        await WorkflowSteps.DecideAsync(reviewer, "drafted-here", "approve", "Fine.");
        await ShowsAsync(site, "drafted-here", "Our draft about heat.");
        await Eventually.MatchesAsync(async () => (await reviewer.GetAsync("/staff/reviews")).Page.QuerySelector("li[data-slug='drafted-here'][data-from-release]") is not null,
            offered => offered, "the release's text offered once the author's change is published");
        Assert.Contains("Our draft about heat.", await PatientPageAsync(site, "drafted-here"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Still held for a moment; the temporary folder is cleaned by the system anyway.
        }
    }
}
