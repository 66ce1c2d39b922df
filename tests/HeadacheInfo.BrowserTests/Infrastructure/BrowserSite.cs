using HeadacheInfo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests.Infrastructure;

/// <summary>
/// The site on a real loopback port, serving a copy of the repository's articles plus a fixture article,
/// and one Chromium shared by every browser test.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime, IDisposable
{
    public const string FixtureArticle = "care-cards-and-table";

    private readonly HeadacheInfoFactory _site = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The site's clock: real time until a test moves it on (scheduled publishing, review dates).</summary>
    public ManualClock Clock { get; } = new();

    /// <summary>Runs one scheduled-publishing pass now, as the site's timer would within 30 seconds.</summary>
    public Task<int> RunScheduledAsync() =>
        _site.Services.GetRequiredService<HeadacheInfo.Web.Staff.Workflow.ScheduledPublisher>().RunDueAsync();

    /// <summary>Writes patients' usage totals to the database now, as the site's timer would within a minute.</summary>
    public Task<int> FlushInsightsAsync() =>
        _site.Services.GetRequiredService<HeadacheInfo.Web.Insights.InsightsFlush>().FlushAsync();

    public async Task InitializeAsync()
    {
        _site.Content.CopyShippedArticles();
        _site.Content.Write($"{FixtureArticle}.md", ArticleText.Valid("Care cards and a table", "getting-help", """
            ## Warning signs

            ::: emergency
            A sudden, very bad headache.
            :::

            ::: urgent
            Jaw pain when you chew.
            :::

            ::: info
            Most headaches are not serious.
            :::

            ## How they differ

            | Headache | Where it is | What it feels like | What brings it on |
            |---|---|---|---|
            | From the neck | One side, always the same side | Dull, steady ache | Neck movement or holding one position for a long time |
            | Migraine | Often one side, can swap | Throbbing | Often worse with activity |

            ## More

            Read [when to get urgent help](/articles/when-to-get-urgent-help).
            """));

        _site.WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        _site.WithSetting("Clinic:Name", "Riverside Physiotherapy");
        _site.WithSetting("Clinic:Phone", "0161 555 0100");
        _site.WithSetting("Clinic:BookingUrl", "https://riverside.example/book");
        _site.WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        _site.UseKestrel(0);
        _site.StartServer();
        BaseAddress = _site.ClientOptions.BaseAddress;

        if (!Chromium.IsInstalled && !Chromium.InCi)
        {
            return; // every browser test skips, saying why
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (cookies, storage) at the given size; dispose it with <c>await using</c>.</summary>
    /// <param name="javaScript">False for a browser with JavaScript turned off, as some people and some clinics' machines have.</param>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool javaScript = true)
    {
        Assert.True(_browser is not null, $"Chromium did not start from {Chromium.ExecutablePath}.");
        return await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
    }

    /// <summary>Adds a staff account to the running site's own database, as add-staff does.</summary>
    public Task AddStaffAsync(string email, string role) => HeadacheInfo.Tests.Staff.StaffSeeding.AddAsync(_site, email, role);

    /// <summary>The running site's content folder.</summary>
    public TemporaryContentFolder Content => _site.Content;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public void Dispose() => _site.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
