using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Staff.Upgrades;

/// <summary>
/// After an upgrade, offers each shipped article that differs from the live one as a change waiting for review
/// (see <see cref="ReleaseTextOffers.OfferFromReleaseAsync"/>); nothing shipped is ever written to the live folder.
/// In the background, once the staff database is migrated: patients and <c>/healthz</c> never wait for it. It
/// looks again with each content snapshot, so a release text that waited for a member of staff's change is
/// offered once that change is published; a failure (the database away) is tried again a few seconds later.
/// </summary>
internal sealed partial class ReleaseOfferer(
    IOptions<ContentOptions> content, ContentStore store, IServiceScopeFactory scopes, StaffDatabaseReadiness readiness, PublishChannel channel,
    ReleaseOffers offers, TimeProvider time, ILogger<ReleaseOfferer> logger)
    : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private int _retrying;
    private int _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (content.Value.ShippedFullPath() is not { } shipped)
        {
            offers.Looked([]);
            return Task.CompletedTask;
        }

        _subscription = ChangeToken.OnChange(store.GetChangeToken, () => _ = LookAsync(shipped));
        _ = LookAsync(shipped);
        return Task.CompletedTask;
    }

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

    private async Task LookAsync(string shipped)
    {
        try
        {
            await _one.WaitAsync(_stopping.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            await readiness.Ready;
            if (channel.Shared)
            {
                // Until the folder has caught up with the log, its files are old versions, not the live ones.
                await channel.CaughtUp;
            }

            var waiting = new List<string>();
            var articles = Path.Combine(shipped, ContentLoader.ArticlesFolder);
            var pictures = Path.Combine(shipped, ArticlesRegistration.ContentImagesFolder);
            foreach (var file in Directory.EnumerateFiles(articles, "*" + ContentLoader.ArticleExtension).Order(StringComparer.Ordinal))
            {
                var slug = Path.GetFileNameWithoutExtension(file);
                if (_stopping.IsCancellationRequested || !Slug.IsValid(slug))
                {
                    continue;
                }

                var text = await File.ReadAllTextAsync(file, _stopping.Token);
                await using var scope = scopes.CreateAsyncScope();
                switch (await scope.ServiceProvider.GetRequiredService<ReleaseTextOffers>().OfferFromReleaseAsync(slug, text, pictures))
                {
                    case ReleaseOffer.Offered:
                        LogOffered(slug);
                        break;
                    case ReleaseOffer.Waiting:
                        waiting.Add(slug);
                        break;
                }
            }

            offers.Looked(waiting);
        }
#pragma warning disable CA1031 // The release can be offered at the next look; nothing here may stop the site.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            LogFailed(ex.Message);
            if (Interlocked.Exchange(ref _retrying, 1) == 0)
            {
                _ = RetryAsync(shipped);
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task RetryAsync(string shipped)
    {
        try
        {
            await Task.Delay(OutsideEditRecorder.RetryAfter, time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Interlocked.Exchange(ref _retrying, 0);
        await LookAsync(shipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offered {Slug:l} from the new release for review")]
    private partial void LogOffered(string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compare the new release's articles with the live ones: {Reason}")]
    private partial void LogFailed(string reason);
}
