using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.OutputCaching;

namespace HeadacheInfo.Web.Caching;

/// <summary>Empties the page cache when the content changes, so memory holds only current pages.</summary>
internal sealed partial class ContentCacheEviction(ContentStore store, IOutputCacheStore cache, ILogger<ContentCacheEviction> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.SnapshotChanged += OnSnapshotChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.SnapshotChanged -= OnSnapshotChanged;
        return Task.CompletedTask;
    }

    private async void OnSnapshotChanged(object? sender, EventArgs e)
    {
        try
        {
            await cache.EvictByTagAsync(PageCaching.ContentTag, CancellationToken.None);
        }
#pragma warning disable CA1031 // Eviction only frees memory: the cache key already carries the content version.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEvictionFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not empty the page cache after a content change")]
    private partial void LogEvictionFailed(Exception exception);
}
