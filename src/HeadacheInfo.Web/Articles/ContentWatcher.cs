using System.Threading.Channels;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Loads the content at start, then reloads it whenever anything under the content folder changes.
/// Changes are debounced: an editor saving a file often fires several events, and a burst of them gives
/// one reload once the folder has been quiet for a moment. A file still being saved is read again once it settles.
/// A change some other load has already read (the publish log's applier loads as it writes) needs no reload.
/// </summary>
internal sealed partial class ContentWatcher(
    ContentStore store,
    IOptions<ContentOptions> options,
    ContentWatcherTimings timings,
    IEnumerable<IContentCatchUp> catchUps,
    TimeProvider time,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumRetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>The store's load count when the latest change was seen.</summary>
    private long _seenAt;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Load before the server takes requests, so the first reader never sees an empty site. Files are read
        // as they are: one still being written fires another change when it is done.
        await ReloadSafelyAsync(TimeSpan.Zero, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // PhysicalFileProvider honours DOTNET_USE_POLLING_FILE_WATCHER, for network folders where file
        // system events do not arrive; active polling makes its change tokens call us back.
        using var files = new PhysicalFileProvider(options.Value.FullPath);
        files.UseActivePolling = files.UsePollingFileWatcher;

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        using var watch = ChangeToken.OnChange(() => files.Watch("**/*"), () =>
        {
            Interlocked.Exchange(ref _seenAt, store.LoadsStarted);
            changes.Writer.TryWrite(true);
        });

        try
        {
            // A catch-up writes thousands of files and loads them once when done; a reload meanwhile only slows it.
            await Task.WhenAll(catchUps.Select(c => c.CaughtUp)).WaitAsync(stoppingToken);
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                changes.Reader.TryRead(out _);
                await WaitForQuietAsync(changes.Reader, stoppingToken);
                if (store.LoadedSince(Interlocked.Read(ref _seenAt)))
                {
                    continue;
                }

                if (await ReloadSafelyAsync(timings.Settle, stoppingToken) is { } settlesAt)
                {
                    // Come back for the files still being saved once they have settled; a newer change may bring us back first.
                    _ = RetryAfterSettlingAsync(settlesAt, changes.Writer, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RetryAfterSettlingAsync(DateTimeOffset settlesAt, ChannelWriter<bool> changes, CancellationToken stoppingToken)
    {
        try
        {
            var wait = settlesAt - time.GetUtcNow();
            await Task.Delay(wait > MinimumRetryDelay ? wait : MinimumRetryDelay, time, stoppingToken);
            changes.TryWrite(true);
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }

    private async Task WaitForQuietAsync(ChannelReader<bool> changes, CancellationToken stoppingToken)
    {
        var waited = TimeSpan.Zero;
        while (waited < timings.MaxDelay)
        {
            await Task.Delay(timings.QuietPeriod, time, stoppingToken);
            waited += timings.QuietPeriod;
            if (!changes.TryRead(out _))
            {
                return;
            }
        }
    }

    /// <returns>When files still being saved will have settled and need another look; null when none are.</returns>
    private async Task<DateTimeOffset?> ReloadSafelyAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.ReloadAsync(settle, cancellationToken)).SettlesAt;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed reload must keep the last good snapshot serving, whatever went wrong.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReloadFailed(ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the content failed; the previous content is still served")]
    private partial void LogReloadFailed(Exception exception);
}
