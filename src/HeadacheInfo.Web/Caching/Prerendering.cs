using System.Collections.Frozen;
using System.IO.Compression;
using System.Net;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>One content page, rendered once: its headers and its bytes, plain, Brotli and gzip.</summary>
public sealed record PrerenderedPage(
    KeyValuePair<string, string>[] Headers, byte[] Identity, byte[] Brotli, byte[] Gzip, Article? Article, string RelatedKey);

/// <summary>
/// Every content page of one snapshot (home, article list, each article, how-it-works, sitemap.xml,
/// robots.txt), rendered through the site's own pipeline with the snapshot, so its headers are exactly those
/// of the ordinary path. Swapped in with the snapshot: never a page from two versions. <paramref name="OnlyHost"/>
/// is the one Host they may answer when the site's address is not fixed (they name it); null when it is.
/// </summary>
public sealed record PrerenderedPages(FrozenDictionary<string, PrerenderedPage> ByPath, DateOnly BuiltOn, string Scheme, string? OnlyHost = null)
{
    public static PrerenderedPages None { get; } = new(FrozenDictionary<string, PrerenderedPage>.Empty, DateOnly.MinValue, string.Empty);

    /// <summary>Whether these pages are the ones this request would be rendered: same scheme, host and day.</summary>
    public bool Answer(HttpRequest request, DateOnly today) =>
        Scheme == request.Scheme && BuiltOn == today &&
        (OnlyHost is null || string.Equals(OnlyHost, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Renders content pages into memory by running a synthetic GET through the rest of the pipeline.</summary>
public static class Prerendering
{
    /// <summary>Whether this request is one the pre-renderer made (it must not use or fill the output cache).</summary>
    public static bool IsRendering(HttpContext context) => context.Features.Get<RenderingFeature>() is not null;

    /// <summary>
    /// The early middleware: a GET or HEAD for a pre-rendered page is answered from memory with its
    /// precomputed headers; anything else goes on. The pipeline from here on is handed to the renderer.
    /// </summary>
    public static WebApplication UsePrerenderedPages(this WebApplication app)
    {
        var renderer = app.Services.GetRequiredService<PageRenderer>();
        var urls = app.Services.GetRequiredService<AbsoluteUrls>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(rest =>
        {
            // Pages are rendered through what follows this step, and answered here in place of it: so it goes after
            // what every real request needs (the pinned snapshot) and before what the page's headers already carry.
            RequestDelegate answer = new PrerenderedPagesMiddleware(rest, urls, time).InvokeAsync;
            renderer.Attach(answer, rest);
            return answer;
        });
        return app;
    }

    internal sealed record RenderingFeature;
}

/// <summary>Where pages are rendered for: the base address they name, and the one Host they answer unless it is fixed.</summary>
internal sealed record RenderAddress(Uri BaseUrl, string? OnlyHost);

/// <summary>Holds the pipeline once it exists, so requests can be run through it outside a real one.</summary>
internal sealed class PageRenderer(
    IServiceScopeFactory scopes, AbsoluteUrls urls, IOptions<SiteOptions> site, IServer server, IHostEnvironment environment, TimeProvider time)
{
    private static readonly string[] DroppedHeaders =
    [
        HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.ETag, HeaderNames.LastModified,
        HeaderNames.Vary, HeaderNames.ContentEncoding, HeaderNames.SetCookie,
    ];

    private Pipeline? _pipeline;

    public bool Ready => Volatile.Read(ref _pipeline) is not null;

    /// <param name="entry">The pipeline from the pre-rendered pages on, as a request meets it.</param>
    /// <param name="rest">What follows the pre-rendered pages: what a page is rendered through.</param>
    public void Attach(RequestDelegate entry, RequestDelegate rest) => Volatile.Write(ref _pipeline, new Pipeline(entry, rest));

    public DateOnly Today => time.UtcToday();

    /// <summary>
    /// Where pages are rendered for, if anywhere. <c>Site:BaseUrl</c> fixes it for every request. Without it a page
    /// names its reader's Host, which must never decide what others are served; so only in Development, for the
    /// loopback address the server listens on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), answering only requests that name it.
    /// </summary>
    public RenderAddress? Address
    {
        get
        {
            if (urls.IsFixed)
            {
                return Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var baseUrl) ? new RenderAddress(baseUrl, null) : null;
            }

            if (!environment.IsDevelopment())
            {
                return null;
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return listening
                .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
                .Where(uri => uri is { IsLoopback: true, AbsolutePath: "/", Scheme: "http" or "https" })
                .Select(uri => new RenderAddress(uri!, uri!.Authority))
                .FirstOrDefault();
        }
    }

    public async Task<PrerenderedPage?> RenderAsync(
        string path, ContentSnapshot snapshot, Article? article, string relatedKey, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _pipeline) is not { } pipeline || Address is not { } address)
        {
            return null;
        }

        using var response = await SendAsync(pipeline.Rest, address.BaseUrl, path, snapshot, rendering: true, [], cancellationToken);
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return null;
        }

        var headers = response.Headers
            .Where(h => !DroppedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()))
            .ToArray();
        var body = response.Body.ToArray();
        return new PrerenderedPage(headers, body, Compress(body, brotli: true), Compress(body, brotli: false), article, relatedKey);
    }

    /// <summary>
    /// Runs a GET for each path through the whole pipeline from the pre-rendered pages on, as a reader's would
    /// go, each with each set of headers, and throws the answers away: what the first readers need is then compiled.
    /// </summary>
    public async Task WarmAsync(
        ContentSnapshot snapshot, IEnumerable<string> paths, IReadOnlyList<KeyValuePair<string, string>[]> headerSets, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _pipeline) is not { } pipeline)
        {
            return;
        }

        var baseUrl = Address?.BaseUrl ?? new Uri("http://localhost");
        foreach (var path in paths)
        {
            foreach (var headers in headerSets)
            {
                using var response = await SendAsync(pipeline.Entry, baseUrl, path, snapshot, rendering: false, headers, cancellationToken);
            }
        }
    }

    private async Task<CapturedResponse> SendAsync(
        RequestDelegate pipeline, Uri baseUrl, string path, ContentSnapshot snapshot, bool rendering,
        KeyValuePair<string, string>[] extraHeaders, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var response = new CapturedResponse();
        var headers = new HeaderDictionary { [HeaderNames.Host] = baseUrl.Authority };
        foreach (var (name, value) in extraHeaders)
        {
            headers[name] = value;
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = baseUrl.Scheme,
            PathBase = baseUrl.AbsolutePath.TrimEnd('/'),
            Path = path,
            Protocol = "HTTP/1.1",
            Headers = headers,
        });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        var context = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
        if (rendering)
        {
            features.Set(new Prerendering.RenderingFeature());
        }

        ContentStore.Pin(context, snapshot);
        try
        {
            await pipeline(context);
            await response.StartAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private sealed record Pipeline(RequestDelegate Entry, RequestDelegate Rest);

    private static byte[] Compress(byte[] body, bool brotli)
    {
        using var output = new MemoryStream();
        using (Stream compressor = brotli
            ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>A response held in memory, firing OnStarting callbacks as a server would (the security headers use them).</summary>
    private sealed class CapturedResponse : IHttpResponseFeature, IHttpResponseBodyFeature, IDisposable
    {
        private readonly List<(Func<object, Task> Callback, object State)> _onStarting = [];
        private readonly BodyStream _stream;

        public CapturedResponse() => _stream = new BodyStream(this);

        public MemoryStream Body { get; } = new();

        public int StatusCode { get; set; } = StatusCodes.Status200OK;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        Stream IHttpResponseFeature.Body { get => _stream; set => throw new NotSupportedException(); }

        public bool HasStarted { get; private set; }

        public Stream Stream => _stream;

        public System.IO.Pipelines.PipeWriter Writer => field ??= System.IO.Pipelines.PipeWriter.Create(_stream);

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (HasStarted)
            {
                return;
            }

            // Callbacks run last registered first, as on a real server.
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                await _onStarting[i].Callback(_onStarting[i].State);
            }

            HasStarted = true;
        }

        public Task CompleteAsync() => StartAsync();

        public void Dispose()
        {
            _stream.Dispose();
            Body.Dispose();
        }

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        private sealed class BodyStream(CapturedResponse response) : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => response.Body.Length;

            public override long Position { get => response.Body.Position; set => throw new NotSupportedException(); }

            // As on the real server (AllowSynchronousIO is off): a page that writes synchronously fails here as it would there.
            public override void Flush() => throw SynchronousIO();

            public override Task FlushAsync(CancellationToken cancellationToken) => response.StartAsync(cancellationToken);

            public override void Write(byte[] buffer, int offset, int count) => throw SynchronousIO();

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                await response.StartAsync(cancellationToken);
                await response.Body.WriteAsync(buffer, cancellationToken);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            private static InvalidOperationException SynchronousIO() =>
                new("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
        }
    }
}

/// <summary>
/// Renders every content page for a new snapshot, reusing an article's page when neither it, its related
/// articles nor the date have changed. Pages are found from the endpoints marked <see cref="ContentPageAttribute"/>:
/// one without parameters is one page; one with a <c>slug</c> is one page per article.
/// </summary>
internal sealed class PrerenderedPagesPart(PageRenderer renderer, EndpointDataSource endpoints) : ISnapshotPart
{
    public async ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken)
    {
        if (!renderer.Ready || renderer.Address is not { } address)
        {
            return PrerenderedPages.None;
        }

        var today = renderer.Today;
        var earlier = previous.Part<PrerenderedPages>() is { } pages && pages.BuiltOn == today && pages.OnlyHost == address.OnlyHost
            ? pages : PrerenderedPages.None;
        var rendered = new Dictionary<string, PrerenderedPage>(StringComparer.Ordinal);
        foreach (var pattern in ContentPagePatterns())
        {
            if (pattern.Parameters.Count == 0)
            {
                var path = "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
                await AddAsync(path, null, string.Empty);
            }
            else if (pattern.Parameters is [{ Name: "slug" }])
            {
                foreach (var article in snapshot.Articles)
                {
                    var path = "/" + pattern.RawText!.TrimStart('/').Replace("{slug}", article.Slug, StringComparison.Ordinal);
                    await AddAsync(path, article, RelatedKey(snapshot, article));
                }
            }
        }

        return new PrerenderedPages(rendered.ToFrozenDictionary(StringComparer.Ordinal), today, address.BaseUrl.Scheme, address.OnlyHost);

        async Task AddAsync(string path, Article? article, string relatedKey)
        {
            // An article's page shows the article and the titles of its related articles, nothing else from the content.
            if (article is not null && earlier.ByPath.TryGetValue(path, out var kept) &&
                ReferenceEquals(kept.Article, article) && kept.RelatedKey == relatedKey)
            {
                rendered[path] = kept;
            }
            else if (await renderer.RenderAsync(path, snapshot, article, relatedKey, cancellationToken) is { } page)
            {
                rendered[path] = page;
            }
        }
    }

    private IEnumerable<RoutePattern> ContentPagePatterns() =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ContentPageAttribute>() is not null)
            // A page's other spellings (such as /Index for /) are not links anyone is given.
            .Where(e => e.Metadata.GetMetadata<ISuppressLinkGenerationMetadata>() is not { SuppressLinkGeneration: true })
            .Select(e => e.RoutePattern);

    private static string RelatedKey(ContentSnapshot snapshot, Article article) =>
        string.Join('\n', snapshot.RelatedTo(article).Select(a => $"{a.Slug}\t{a.Title}"));
}

/// <summary>Answers GET and HEAD for pre-rendered pages from memory, with 304 and the encoding the reader takes.</summary>
internal sealed class PrerenderedPagesMiddleware(RequestDelegate next, AbsoluteUrls urls, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue ||
            context.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
            ContentStore.For(context) is not { } snapshot ||
            snapshot.Part<PrerenderedPages>() is not { } pages ||
            !pages.ByPath.TryGetValue(request.Path.Value ?? string.Empty, out var page) ||
            !pages.Answer(request, time.UtcToday()))
        {
            return next(context);
        }

        var (etag, lastModified) = ConditionalGetMiddleware.ValidatorsFor(snapshot, request, urls);
        var response = context.Response;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }

        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = lastModified;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        var conditions = request.GetTypedHeaders();
        var notModified = conditions.IfNoneMatch is { Count: > 0 } ifNoneMatch
            ? ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : conditions.IfModifiedSince is { } since && since <= time.GetUtcNow() && lastModified <= since;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var accepts = request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (page.Brotli, "br")
            : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (page.Gzip, "gzip")
            : (page.Identity, null);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}

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

/// <summary>
/// Whether what the first readers need is ready: the pages rendered and the code they run compiled. The health
/// check waits for it, so that "healthy" means fast, and a load balancer sends readers only then.
/// </summary>
public sealed class StartupWarmUp
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    internal void Finished() => _done.TrySetResult();
}
