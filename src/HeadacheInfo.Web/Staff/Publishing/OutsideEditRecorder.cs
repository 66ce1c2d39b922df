using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// With each content snapshot, records the files changed outside the app (an editor, git) as revisions by
/// "outside the app", so an article's history has no gaps. In the background: patients never wait for it,
/// and a database that is down only delays it to the next change.
/// </summary>
internal sealed partial class OutsideEditRecorder(
    ContentStore store, IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, PublishChannel channel, ILogger<OutsideEditRecorder> logger)
    : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(store.GetChangeToken, () => _ = RecordAsync());
        _ = RecordAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _one.Dispose();
    }

    private async Task RecordAsync()
    {
        await _one.WaitAsync();
        try
        {
            await readiness.Ready;
            if (channel.Enabled)
            {
                // Until the folder has caught up with the log, its files are old versions, not edits.
                await channel.CaughtUp;
            }

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArticleWorkflow>().RecordOutsideEditsAsync();
        }
#pragma warning disable CA1031 // The history can catch up at the next change; nothing here may stop the site.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex.Message);
        }
        finally
        {
            _one.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record content changes made outside the app: {Reason}")]
    private partial void LogFailed(string reason);
}
