using HeadacheInfo.Web.Staff.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Web.Health;

/// <summary>
/// "Healthy" waits for the staff database to be brought up to date, so a start that cannot use it stops before it
/// is ever healthy, and one that became healthy has nothing left that could stop it (an outage later only makes
/// staff pages, and with PostgreSQL the publishing state, say so).
/// </summary>
public sealed class StaffDatabaseHealthCheck(StaffDatabaseReadiness readiness, TimeProvider time) : IHealthCheck
{
    public const string Name = "staffDatabase";
    public const string StateKey = "state";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Ready.IsCompleted)
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

        return readiness.Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy(data: new Dictionary<string, object> { [StateKey] = "ready" })
            : HealthCheckResult.Unhealthy("The staff database is still being brought up to date.",
                data: new Dictionary<string, object> { [StateKey] = "starting" });
    }
}
