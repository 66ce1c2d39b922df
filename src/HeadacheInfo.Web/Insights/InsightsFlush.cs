using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Insights;

/// <summary>
/// Moves the totals counted in memory into the staff database every <see cref="InsightsOptions.FlushSeconds"/>
/// and when the site stops, then deletes totals older than <see cref="InsightsRetention.Months"/> months. A
/// database that is down only delays it: the totals go back into memory and the next pass tries again.
/// </summary>
public sealed partial class InsightsFlush(
    UsageCounter counter, IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, TimeProvider time,
    IOptions<InsightsOptions> options, ILogger<InsightsFlush> logger) : BackgroundService
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>One pass, now: what the timer does, and what tests call to run one when they choose.</summary>
    /// <returns>How many daily totals were written.</returns>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await readiness.Ready.WaitAsync(cancellationToken);
            var taken = counter.TakeAll();
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
                    try
                    {
                        await WriteAsync(database, taken, cancellationToken);
                    }
                    catch (DbUpdateException) when (attempt == 1)
                    {
                        // Another instance added the same day's total first (the unique index): now it is there, add to it.
                        continue;
                    }

                    await database.InsightCounts.Where(c => c.On < InsightsRetention.FirstDayKept(time.UtcToday()))
                        .ExecuteDeleteAsync(cancellationToken);
                    return taken.Count;
                }
            }
            catch
            {
                counter.PutBack(taken);
                throw;
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private static async Task WriteAsync(StaffDbContext database, IReadOnlyList<(UsageCounter.Counted What, int Count)> taken, CancellationToken cancellationToken)
    {
        if (taken.Count == 0)
        {
            return;
        }

        // All or nothing: a failure part-way puts every total back, so none is written twice. Added in the
        // database itself (Count = Count + n), so two instances flushing the same total at once both count.
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (what, count) in taken)
        {
            var added = await database.InsightCounts.Where(c => c.On == what.On && c.Kind == what.Kind && c.Key == what.Key)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + count), cancellationToken);
            if (added == 0)
            {
                database.InsightCounts.Add(new InsightCount { On = what.On, Kind = what.Kind, Key = what.Key, Count = count });
            }
        }

        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping: StopAsync flushes once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!counter.IsEmpty)
        {
            await PassAsync(cancellationToken);
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A database that is down only delays the totals to the next pass; nothing here may stop the site.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFlushFailed(ex.Message);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _one.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patients' usage totals could not be saved; they stay in memory and the next pass tries again: {Reason}")]
    private partial void LogFlushFailed(string reason);
}
