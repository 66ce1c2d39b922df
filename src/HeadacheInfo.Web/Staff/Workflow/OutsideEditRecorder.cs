using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// With each content snapshot, records the files changed outside the app (an editor, git) as revisions by
/// "outside the app", so an article's history has no gaps. In the background: patients never wait for it,
/// and a database that is down only delays it: it is tried again every few seconds until it is recorded, so an
/// edit made during an outage reaches the history (and, with PostgreSQL, the other instances) when it returns.
/// </summary>
internal sealed partial class OutsideEditRecorder(
    ContentStore store, IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, PublishChannel channel, TimeProvider time,
    ILogger<OutsideEditRecorder> logger)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private int _retrying;
    private int _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(store.GetChangeToken, () => _ = RecordAsync());
        _ = RecordAsync();
        return Task.CompletedTask;
    }

    // A host may be stopped after it was disposed (a test's factory is): the first of the two stops the retries.
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Interlocked.Exchange(ref _stopped, 1) == 0 ? _stopping.CancelAsync() : Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stopping.Cancel();
        }

        _stopping.Dispose();
        _one.Dispose();
    }

    private async Task RecordAsync()
    {
        await _one.WaitAsync();
        try
        {
            await readiness.Ready;
            // Until the folder has caught up with the log, its files are old versions, not edits.
            await channel.CaughtUp;

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutsideEdits>().RecordOutsideEditsAsync();
        }
#pragma warning disable CA1031 // The history can catch up at the next change; nothing here may stop the site.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex.Message);
            if (Interlocked.Exchange(ref _retrying, 1) == 0)
            {
                _ = RetryAsync();
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task RetryAsync()
    {
        try
        {
            await Task.Delay(RetryAfter, time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Interlocked.Exchange(ref _retrying, 0);
        await RecordAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record content changes made outside the app: {Reason}")]
    private partial void LogFailed(string reason);
}
