using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Web.Health;

/// <summary>
/// "Healthy" waits for the staff database to be brought up to date, so a start that cannot use it stops before it
/// is ever healthy, and one that became healthy has nothing left that could stop it. Later outages leave it
/// healthy (patients are served from the folder) and the body says "degraded".
/// </summary>
public sealed class StaffDatabaseHealthCheck(StaffDatabaseReadiness readiness, TimeProvider time) : IHealthCheck
{
    public const string Name = "staffDatabase";
    public const string StateKey = "state";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Ready.IsCompleted && readiness.Unavailable is null)
        {
            try
            {
                await readiness.Ready.WaitAsync(ContentHealthCheck.StuckAfter, time, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or StaffDatabaseUnavailableException)
            {
                // Said below.
            }
        }

        if (readiness.Unavailable is { } unavailable)
        {
            return HealthCheckResult.Healthy(
                "The staff database cannot be reached; it is tried again. Patients are served. " + unavailable.GetBaseException().Message,
                new Dictionary<string, object> { [StateKey] = "unavailable" });
        }

        return readiness.Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy(data: new Dictionary<string, object> { [StateKey] = "ready" })
            : HealthCheckResult.Unhealthy("The staff database is still being brought up to date.",
                data: new Dictionary<string, object> { [StateKey] = "starting" });
    }
}

/// <summary>Whether /healthz has answered 200 in this process: from then on nothing the database does may stop it.</summary>
public sealed class HealthHistory
{
    private int _healthy;

    public bool HasBeenHealthy => Volatile.Read(ref _healthy) == 1;

    internal void Healthy() => Volatile.Write(ref _healthy, 1);
}
