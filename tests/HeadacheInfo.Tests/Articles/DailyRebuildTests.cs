using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// What the content snapshot derives from the date (the dashboard's "overdue") is built again when a new day
/// starts, with or without <c>Site:BaseUrl</c>: a site left running never shows yesterday's answer.
/// </summary>
public sealed class DailyRebuildTests(DailyRebuildTests.Site site) : IClassFixture<DailyRebuildTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        // The evening of the day the article is due for review (ArticleText's next_review).
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 15, 23, 0, 0, TimeSpan.Zero));

        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("due-today", "Due for review today");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task The_dashboard_says_overdue_once_midnight_passes_on_a_site_without_a_fixed_address()
    {
        await StaffSeeding.AddAsync(site, "daily-author@clinic.example", StaffRoles.Author);
        using var author = new StaffClient(site);
        (await author.SignInAsync("daily-author@clinic.example", StaffSeeding.Password)).Dispose();

        async Task<string?> ReviewShownAsync()
        {
            var (_, dashboard) = await author.GetAsync("/staff");
            return dashboard.QuerySelector("tr[data-slug='due-today']")?.GetAttribute("data-review");
        }

        Assert.Equal("due-soon", await ReviewShownAsync());

        site.Clock.Advance(TimeSpan.FromHours(2));

        await Eventually.MatchesAsync(ReviewShownAsync, review => review == "overdue", "the dashboard to say overdue the next day");
    }
}
