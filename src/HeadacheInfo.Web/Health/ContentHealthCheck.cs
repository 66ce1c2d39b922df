using HeadacheInfo.Web.Caching;
using HeadacheInfo.Web.Articles;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Web.Health;

/// <summary>
/// The content snapshot's health: loaded, and the live reload neither failing nor stuck. At start it answers once
/// the site is warm (<see cref="StartupWarmUp"/>), so a reader sent on "healthy" is answered at full speed.
/// </summary>
public sealed class ContentHealthCheck(ContentStore store, StartupWarmUp warmUp, TimeProvider time) : IHealthCheck
{
    public const string Name = "content";
    public const string StatusKey = "status";
    public const string ArticlesKey = "articles";
    public const string ProblemsKey = "problems";
    public const string VersionKey = "contentVersion";

    /// <summary>A reload of thousands of files takes a few seconds; one running this long is stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!warmUp.Done.IsCompleted)
        {
            try
            {
                await warmUp.Done.WaitAsync(StuckAfter, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Warming that takes this long is stuck like a reload would be; say what the content is, not nothing.
            }
        }

        return Evaluate(store.Current, store.Status, time.GetUtcNow());
    }

    public static HealthCheckResult Evaluate(ContentSnapshot snapshot, ReloadStatus status, DateTimeOffset now)
    {
        if (status.RunningSince is { } since && now - since > StuckAfter)
        {
            return Result(HealthStatus.Unhealthy, "unhealthy", snapshot,
                $"the content reload has been running for {(int)(now - since).TotalSeconds} s and is stuck; content changes are not being picked up");
        }

        if (status.LastFailure is { } failure)
        {
            return Result(HealthStatus.Unhealthy, "unhealthy", snapshot,
                $"the last content reload failed ({failure}); the content loaded before it is still served");
        }

        return snapshot.Version > 0
            ? Result(HealthStatus.Healthy, "healthy", snapshot, null)
            : Result(HealthStatus.Unhealthy, "starting", snapshot, "the content has not been loaded yet");
    }

    private static HealthCheckResult Result(HealthStatus health, string status, ContentSnapshot snapshot, string? reason) =>
        new(health, reason, data: new Dictionary<string, object>
        {
            [StatusKey] = status,
            [ArticlesKey] = snapshot.Articles.Length,
            [ProblemsKey] = snapshot.Problems.Length,
            [VersionKey] = snapshot.Version,
        });
}
