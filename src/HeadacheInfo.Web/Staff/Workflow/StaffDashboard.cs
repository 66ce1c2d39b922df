using System.Collections.Immutable;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The state of every article file: worked out once per content snapshot, with the checker's own checks.</summary>
public sealed record StaffDashboard(ImmutableArray<DashboardRow> Rows, DateOnly Today)
{
    public int Count(string status) => Rows.Count(r => r.Status == status);

    public int CountReview(string review) => Rows.Count(r => r.Review == review);

    public int AwaitingSignOff => Rows.Count(r => r.AwaitingSignOff);
}

/// <summary>
/// Builds the dashboard with each snapshot. The checks an article needs on its own (reading grade, help
/// lines, images) are kept while the article is unchanged; links are checked against the new snapshot.
/// </summary>
internal sealed class StaffDashboardPart(IOptions<ContentOptions> content, IOptions<ClinicOptions> clinic, TimeProvider time) : ISnapshotPart
{
    /// <summary>
    /// Started with the snapshot and built beside it: only staff read the dashboard, so neither readers nor an
    /// instance catching up with thousands of articles wait for its checks.
    /// </summary>
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(new StaffDashboardBuild(BuildAfterAsync(snapshot, previous.Part<StaffDashboardBuild>()?.Built)));

    /// <summary>
    /// One build at a time, each after the one before, keeping its checks of unchanged articles: builds started side
    /// by side, each checking every article afresh, would starve the reloads that follow one another.
    /// </summary>
    private async Task<StaffDashboard> BuildAfterAsync(ContentSnapshot snapshot, Task<StaffDashboard>? earlier)
    {
        StaffDashboard? before = null;
        if (earlier is not null)
        {
            try
            {
                before = await earlier;
            }
#pragma warning disable CA1031 // A build that failed leaves nothing to keep; this one checks every article afresh.
            catch (Exception)
#pragma warning restore CA1031
            {
                before = null;
            }
        }

        return await Task.Run(() => Build(snapshot, before));
    }

    /// <summary>The snapshot's dashboard: the one built with it, or, for a snapshot made before the staff area existed, one built now.</summary>
    public static Task<StaffDashboard> ForAsync(ContentSnapshot snapshot, IServiceProvider services) =>
        snapshot.Part<StaffDashboardBuild>()?.Built ??
        Task.FromResult(ActivatorUtilities.CreateInstance<StaffDashboardPart>(services).Build(snapshot, null));

    /// <param name="before">The previous snapshot's dashboard, whose checks of unchanged articles are kept.</param>
    public StaffDashboard Build(ContentSnapshot snapshot, StaffDashboard? before)
    {
        var today = time.UtcToday();
        var root = content.Value.FullPath;
        var kept = before is not null && before.Today == today ? before : null;
        var earlier = kept is null ? null : Cache.Of(kept);
        var all = snapshot.Articles.Concat(snapshot.Drafts).ToList();
        var bySlug = all.ToDictionary(a => a.Slug, StringComparer.Ordinal);

        // Each article is checked on its own side by side: on a catch-up of thousands, the checks are most of a load.
        var rows = all.AsParallel().AsOrdered().Select(article =>
        {
            var onItsOwn = earlier?.GetValueOrDefault(article) ?? ContentChecker.CheckOnItsOwn(article, root, today, clinic.Value);
            var check = ContentChecker.CheckArticle(article, bySlug.GetValueOrDefault, onItsOwn);
            var meta = article.FrontMatter;
            return new DashboardRow(article.Slug, article.File, article.Title, article.Category,
                meta.Draft ? DashboardRow.Draft : DashboardRow.Published, ReviewState(meta.NextReview, today),
                meta.LastReviewed, meta.NextReview, check.Grade, check.Findings, meta.ClinicallySignedOff) { OnItsOwn = onItsOwn, Article = article };
        })
        .ToList()
        .Concat(ContentChecker.LeftOut(snapshot).Select(file => new DashboardRow(
            Path.GetFileNameWithoutExtension(file.File), file.File, null, null, DashboardRow.LeftOut, DashboardRow.ReviewOk,
            null, null, null, file.Findings)))
        // Articles patients read without a clinician's sign-off first, then overdue reviews, then due soon, then the rest.
        .OrderBy(r => r.AwaitingSignOff ? 0 : 1)
        .ThenBy(r => r.Review switch { DashboardRow.ReviewOverdue => 0, DashboardRow.ReviewDueSoon => 1, _ => 2 })
        .ThenBy(r => r.File, StringComparer.Ordinal);
        return new StaffDashboard([.. rows], today);
    }

    private static string ReviewState(DateOnly nextReview, DateOnly today) =>
        nextReview < today ? DashboardRow.ReviewOverdue
        : nextReview <= today.AddDays(ContentChecker.ReviewDueSoonDays) ? DashboardRow.ReviewDueSoon
        : DashboardRow.ReviewOk;

    private static class Cache
    {
        public static Dictionary<Article, FileCheck> Of(StaffDashboard previous) =>
            previous.Rows
                .Where(r => r.Article is not null && r.OnItsOwn is not null)
                .ToDictionary(r => r.Article!, r => r.OnItsOwn!, new SameArticle());

        /// <summary>The same Article object: a reload keeps it for every file that did not change.</summary>
        private sealed class SameArticle : IEqualityComparer<Article>
        {
            public bool Equals(Article? x, Article? y) => ReferenceEquals(x, y);

            public int GetHashCode(Article obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
