using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// Reads the symptom check's sign-off from the audit log with each snapshot, so the pages rendered with it (and
/// their ETag) say signed-off or pending together. Patients never wait for the staff database: until it is up to
/// date, or while it cannot be read, the last reading stands (pending at first), and
/// <see cref="CheckSignOffLoader"/> builds the snapshot again once it is ready.
/// </summary>
public sealed partial class CheckSignOffPart(
    IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, IOptions<ClinicOptions> clinic, ILogger<CheckSignOffPart> logger)
    : ISnapshotPart
{
    private readonly Lazy<string> _fingerprint = new(() => CheckFingerprint.Current(clinic.Value));

    /// <summary>The check's fingerprint in this build: the data does not change while the site runs.</summary>
    public string Fingerprint => _fingerprint.Value;

    public async ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken)
    {
        var earlier = previous.Part<CheckSignOff>() ?? CheckSignOff.Pending(Fingerprint);
        if (!readiness.Ready.IsCompletedSuccessfully)
        {
            return earlier;
        }

        try
        {
            return await ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database is down or busy: what was read last is still what was signed.
            LogReadFailed(ex.GetBaseException().Message);
            return earlier;
        }
    }

    /// <summary>The sign-off as the audit log has it now.</summary>
    public async Task<CheckSignOff> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        // By Id, the order rows were added (the log is append-only): SQLite stores the time as ticks.
        var rows = await database.AuditEvents.AsNoTracking()
            .Where(e => e.Event == CheckSignOff.AuditEvent)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Actor, e.At, e.Detail })
            .ToListAsync(cancellationToken);
        return CheckSignOff.From(Fingerprint, rows.Select(r => (r.Actor, r.At, r.Detail)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the symptom check's sign-off; the last reading stands: {Reason}")]
    private partial void LogReadFailed(string reason);
}

/// <summary>
/// Builds the snapshot again once the staff database is ready, if the one served was built before it could be
/// read: a sign-off given before a restart then shows without waiting for the next change.
/// </summary>
internal sealed class CheckSignOffLoader(ContentStore store, StaffDatabaseReadiness readiness, CheckSignOffPart part) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            var signed = await part.ReadAsync(stoppingToken);
            // Wait for the first load: it reads the sign-off itself if it starts from now on.
            while (store.Current.Version == 0)
            {
                var changed = new TaskCompletionSource();
                using (store.GetChangeToken().RegisterChangeCallback(_ => changed.TrySetResult(), null))
                {
                    if (store.Current.Version == 0)
                    {
                        await changed.Task.WaitAsync(stoppingToken);
                    }
                }
            }

            if (store.Current.Part<CheckSignOff>() != signed)
            {
                await store.RebuildAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The database could not be used (the site is stopping for it) or read: the pages stay pending.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
