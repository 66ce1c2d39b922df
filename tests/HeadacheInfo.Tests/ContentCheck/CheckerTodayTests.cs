using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.ContentCheck;

/// <summary>The checker's "today" is the UTC date, as everywhere else on the site, whatever the machine's time zone.</summary>
public sealed class CheckerTodayTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    /// <summary>A clock whose local zone is far from UTC: at 23:30 UTC it is already tomorrow in Kiritimati (UTC+14).</summary>
    private sealed class FarFromUtc(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone { get; } =
            TimeZoneInfo.CreateCustomTimeZone("Line Islands", TimeSpan.FromHours(14), "Line Islands", "Line Islands");
    }

    [Fact]
    public void An_article_due_for_review_today_in_UTC_is_not_called_overdue_where_the_local_date_is_already_tomorrow()
    {
        _content.Write("due-today.md", ArticleText.Valid("Due today").Replace("next_review: 2027-01-15", "next_review: 2026-11-24", StringComparison.Ordinal));
        var checker = new ContentChecker(
            new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System),
            new FarFromUtc(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero)),
            new ClinicOptions());

        var findings = checker.Check(_content.Root).Files.Single(f => f.File == "articles/due-today.md").Findings;

        Assert.DoesNotContain(findings, f => f.Message.Contains("overdue", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("due", StringComparison.Ordinal));
    }
}
