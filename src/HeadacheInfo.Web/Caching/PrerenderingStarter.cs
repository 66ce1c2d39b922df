using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The one service that builds the snapshot's parts again on a clock: the pages once the site is running (the
/// pipeline exists only then), and every part each new day, since review dates make some of them (pages saying
/// "overdue", the dashboard's facts) depend on the date, whether or not pages are pre-rendered. At start it
/// also warms what the first readers need (see <see cref="StartupWarmUp"/>).
/// </summary>
internal sealed partial class PrerenderingStarter(
    ContentStore store, PageRenderer renderer, StartupWarmUp warmUp, EndpointDataSource endpoints, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<PrerenderingStarter> logger)
    : BackgroundService
{
    /// <summary>A path no page answers: the status page a reader sees for it is warmed too.</summary>
    private const string NoSuchPage = "/no-such-page";

    // As browsers ask: plain (as wrk and most bots do), and compressed.
    private static readonly KeyValuePair<string, string>[][] HeaderSets =
    [
        [], [KeyValuePair.Create(HeaderNames.AcceptEncoding, "gzip, deflate, br")], [KeyValuePair.Create(HeaderNames.AcceptEncoding, "gzip")],
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (TaskCanceledException)
            {
                warmUp.Finished();
                return;
            }
        }

        try
        {
            // At start only pages need building again, and only when they are pre-rendered at all.
            if (renderer.Address is not null)
            {
                await store.RebuildAsync(stoppingToken);
            }

            await renderer.WarmAsync(store.Current, ReaderPaths(store.Current), HeaderSets, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Warming only makes the first requests faster; a page that fails here fails for its reader too, and is logged then.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWarmUpFailed(ex);
        }
        finally
        {
            warmUp.Finished();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            try
            {
                await Task.Delay(midnight - now, time, stoppingToken);
                await store.RebuildAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One address for each page any reader may open (the staff area's pages wait for their first user: they may
    /// need the staff database), an article standing for every article.
    /// </summary>
    private IEnumerable<string> ReaderPaths(ContentSnapshot snapshot)
    {
        var pages = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(e => e.Metadata.GetMetadata<ISuppressLinkGenerationMetadata>() is not { SuppressLinkGeneration: true })
            .Select(e => e.RoutePattern);
        foreach (var pattern in pages)
        {
            var template = "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
            if (pattern.Parameters.Count == 0)
            {
                yield return template;
            }
            else if (pattern.Parameters is [{ Name: "slug" }] && snapshot.Articles.FirstOrDefault() is { } article)
            {
                yield return template.Replace("{slug}", article.Slug, StringComparison.Ordinal);
            }
        }

        yield return NoSuchPage;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the site at start failed; the first readers may wait longer")]
    private partial void LogWarmUpFailed(Exception exception);
}
