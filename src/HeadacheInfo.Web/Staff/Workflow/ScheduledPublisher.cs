using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// Publishes scheduled changes and takes down articles whose date has come: one pass at start (a site that was
/// down at the time catches up), then one every <see cref="Interval"/> on the site's <see cref="TimeProvider"/>,
/// so a change goes live within a minute of its time. Several instances may all run passes: the workflow lets
/// only the first to move an article's state row on do each one.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, TimeProvider time, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>One pass, now: what the timer does, and what tests call to run one deterministically.</summary>
    /// <returns>How many articles it published or took down.</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await readiness.Ready.WaitAsync(cancellationToken);
        await _one.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().RunDueAsync();
        }
        finally
        {
            _one.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A database that is down only delays publishing to the next pass; nothing here may stop the site.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogPassFailed(ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping.
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _one.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing could not run; the next pass tries again: {Reason}")]
    private partial void LogPassFailed(string reason);
}
