using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
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
    /// <summary>How many times each page is asked for through the server at start: past the runtime's thirty calls.</summary>
    private const int SelfRequestRounds = 40;

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

            var paths = ReaderPaths(store.Current).ToList();
            await renderer.WarmAsync(store.Current, paths, HeaderSets, stoppingToken);
            await ThroughTheServerAsync(paths, stoppingToken);
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
    /// The same pages, many times, as real requests over loopback: the runtime compiles a method at full speed
    /// only after some thirty calls, and the server's own code (connections, headers) runs only for real ones. Done
    /// before "healthy", the first readers meet compiled code rather than share the machine with the compiler.
    /// </summary>
    private async Task ThroughTheServerAsync(List<string> paths, CancellationToken stoppingToken)
    {
        if (renderer.LoopbackAddresses().FirstOrDefault(uri => uri.Scheme == Uri.UriSchemeHttp) is not { } address)
        {
            return;
        }

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(5),
        };
        // The host readers ask for, so the pre-rendered pages answer as they will for them. Those pages, answered
        // from memory, are what readers mostly get and cost next to nothing to ask for again; rendering the others
        // forty times would make a start on a busy machine slow (they were run once in process already).
        var host = renderer.Address?.BaseUrl.Authority ?? address.Authority;
        var pages = store.Current.Part<PrerenderedPages>()?.ByPath;
        var hot = paths.Where(path => pages?.ContainsKey(path) == true).DefaultIfEmpty(paths[0]).ToList();
        for (var round = 0; round < SelfRequestRounds; round++)
        {
            foreach (var path in hot)
            {
                foreach (var headers in HeaderSets)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Host = host;
                    request.Headers.Add(StartupWarmUp.Header, warmUp.Token);
                    foreach (var (name, value) in headers)
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    using var response = await client.SendAsync(request, stoppingToken);
                    await response.Content.CopyToAsync(Stream.Null, stoppingToken);
                }
            }
        }
    }

    /// <summary>
    /// One address for each page any reader may open (the staff area's pages wait for their first user: they may
    /// need the staff database), an article standing for every article.
    /// </summary>
    private IEnumerable<string> ReaderPaths(ContentSnapshot snapshot)
    {
        var pages = PageRoutes.Addressed(endpoints)
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern);
        foreach (var pattern in pages)
        {
            if (PageRoutes.PathOf(pattern, snapshot.Articles.FirstOrDefault()?.Slug) is { } path)
            {
                yield return path;
            }
        }

        yield return NoSuchPage;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the site at start failed; the first readers may wait longer")]
    private partial void LogWarmUpFailed(Exception exception);
}
