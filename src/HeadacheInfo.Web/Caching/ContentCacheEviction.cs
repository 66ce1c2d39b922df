using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Caching;

/// <summary>Empties the page cache when the content changes, so memory holds only current pages.</summary>
internal sealed partial class ContentCacheEviction(ContentStore store, IOutputCacheStore cache, ILogger<ContentCacheEviction> logger)
    : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(store.GetChangeToken, () => _ = EvictAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task EvictAsync()
    {
        try
        {
            await cache.EvictByTagAsync(ContentPageAttribute.Tag, CancellationToken.None);
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
