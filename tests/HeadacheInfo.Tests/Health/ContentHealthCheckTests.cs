using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Tests.Health;

/// <summary>What /healthz says about the content, for each state the live reload can be in.</summary>
public sealed class ContentHealthCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ContentSnapshot Loaded = ContentSnapshot.Empty with { Version = 3 };
    private static readonly ReloadStatus Idle = new(null, null, null);

    [Fact]
    public void Loaded_content_with_no_reload_running_is_healthy() =>
        Assert.Equal(HealthStatus.Healthy, ContentHealthCheck.Evaluate(Loaded, Idle, Now).Status);

    [Fact]
    public void A_reload_that_is_running_for_a_moment_is_healthy() =>
        Assert.Equal(HealthStatus.Healthy, ContentHealthCheck.Evaluate(Loaded, Idle with { RunningSince = Now.AddSeconds(-2) }, Now).Status);

    [Fact]
    public void A_reload_stuck_for_longer_than_the_limit_is_unhealthy_and_says_so()
    {
        var result = ContentHealthCheck.Evaluate(Loaded, Idle with { RunningSince = Now - ContentHealthCheck.StuckAfter - TimeSpan.FromSeconds(1) }, Now);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("stuck", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_last_reload_is_unhealthy_and_names_the_failure()
    {
        var result = ContentHealthCheck.Evaluate(Loaded, new ReloadStatus(null, Now, "IOException: the disk went away"), Now);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("the disk went away", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_loaded_yet_is_starting() =>
        Assert.Equal("starting", ContentHealthCheck.Evaluate(ContentSnapshot.Empty, Idle, Now).Data["status"]);
}
