namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// 503 until this instance has caught up with the log at start; after that healthy whatever the database does,
/// since patients are served from the folder: whether the channel is live is said, not failed.
/// </summary>
public sealed class PublishingHealthCheck(PublishChannel channel) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public const string Name = "publishing";
    public const string StateKey = "publishing";
    public const string LastAppliedKey = "lastApplied";
    public const string InstanceKey = "instance";

    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            [StateKey] = channel.Live ? "live" : "disconnected",
            [LastAppliedKey] = channel.LastApplied,
            [InstanceKey] = channel.Instance,
        };
        return Task.FromResult(channel.CaughtUp.IsCompletedSuccessfully
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(data: data)
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy(
                "this instance has not yet caught up with the publish log in the database", data: data));
    }
}
