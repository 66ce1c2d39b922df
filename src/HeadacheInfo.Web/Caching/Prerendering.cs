using System.Collections.Frozen;
using System.IO.Compression;
using System.Net;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
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
/// of the ordinary path. Swapped in with the snapshot: never a page from two versions.
/// </summary>
public sealed record PrerenderedPages(FrozenDictionary<string, PrerenderedPage> ByPath, DateOnly BuiltOn, string Scheme)
{
    public static PrerenderedPages None { get; } = new(FrozenDictionary<string, PrerenderedPage>.Empty, DateOnly.MinValue, string.Empty);
}

/// <summary>Renders content pages into memory by running a synthetic GET through the rest of the pipeline.</summary>
public static class Prerendering
{
    /// <summary>Whether this request is one the pre-renderer made (it must not use or fill the output cache).</summary>
    public static bool IsRendering(HttpContext context) => context.Features.Get<RenderingFeature>() is not null;

    /// <summary>
    /// The early middleware: a GET or HEAD for a pre-rendered page is answered from memory with its
    /// precomputed headers; anything else goes on. Placed after the per-request snapshot is pinned and before
    /// the security headers, which the captured headers already carry.
    /// </summary>
    public static WebApplication UsePrerenderedPages(this WebApplication app)
    {
        app.UseMiddleware<PrerenderedPagesMiddleware>();
        return app;
    }

    internal sealed record RenderingFeature;
}

/// <summary>Holds the rest of the pipeline once it exists, so pages can be rendered outside a real request.</summary>
internal sealed class PageRenderer(IServiceScopeFactory scopes, AbsoluteUrls urls, IOptions<SiteOptions> site, TimeProvider time)
{
    private static readonly string[] DroppedHeaders =
    [
        HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.ETag, HeaderNames.LastModified,
        HeaderNames.Vary, HeaderNames.ContentEncoding, HeaderNames.SetCookie,
    ];

    private RequestDelegate? _pipeline;

    public bool Ready => Volatile.Read(ref _pipeline) is not null;

    public void Attach(RequestDelegate pipeline) => Volatile.Write(ref _pipeline, pipeline);

    public DateOnly Today => time.UtcToday();

    /// <summary>Pages are rendered only when the site's address is fixed: otherwise each names its reader's host.</summary>
    public Uri? BaseUrl => urls.IsFixed && Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl : null;

    public PrerenderedPage? Render(string path, ContentSnapshot snapshot, Article? article, string relatedKey) =>
        RenderAsync(path, snapshot, article, relatedKey).GetAwaiter().GetResult();

    private async Task<PrerenderedPage?> RenderAsync(string path, ContentSnapshot snapshot, Article? article, string relatedKey)
    {
        if (Volatile.Read(ref _pipeline) is not { } pipeline || BaseUrl is not { } baseUrl)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        using var response = new CapturedResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = baseUrl.Scheme,
            PathBase = baseUrl.AbsolutePath.TrimEnd('/'),
            Path = path,
            Protocol = "HTTP/1.1",
            Headers = new HeaderDictionary { [HeaderNames.Host] = baseUrl.Authority },
        });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set(new Prerendering.RenderingFeature());
        var context = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
        ContentStore.Pin(context, snapshot);

        await pipeline(context);
        await response.StartAsync();
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

            public override void Flush() => response.StartAsync().GetAwaiter().GetResult();

            public override Task FlushAsync(CancellationToken cancellationToken) => response.StartAsync(cancellationToken);

            public override void Write(byte[] buffer, int offset, int count)
            {
                response.StartAsync().GetAwaiter().GetResult();
                response.Body.Write(buffer, offset, count);
            }

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
    public object Build(ContentSnapshot snapshot, ContentSnapshot previous)
    {
        if (!renderer.Ready || renderer.BaseUrl is not { } baseUrl)
        {
            return PrerenderedPages.None;
        }

        var today = renderer.Today;
        var earlier = previous.Part<PrerenderedPages>() is { } pages && pages.BuiltOn == today ? pages : PrerenderedPages.None;
        var rendered = new Dictionary<string, PrerenderedPage>(StringComparer.Ordinal);
        foreach (var pattern in ContentPagePatterns())
        {
            if (pattern.Parameters.Count == 0)
            {
                var path = "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
                Add(path, null, string.Empty);
            }
            else if (pattern.Parameters is [{ Name: "slug" }])
            {
                foreach (var article in snapshot.Articles)
                {
                    var path = "/" + pattern.RawText!.TrimStart('/').Replace("{slug}", article.Slug, StringComparison.Ordinal);
                    Add(path, article, RelatedKey(snapshot, article));
                }
            }
        }

        return new PrerenderedPages(rendered.ToFrozenDictionary(StringComparer.Ordinal), today, baseUrl.Scheme);

        void Add(string path, Article? article, string relatedKey)
        {
            // An article's page shows the article and the titles of its related articles, nothing else from the content.
            if (article is not null && earlier.ByPath.TryGetValue(path, out var kept) &&
                ReferenceEquals(kept.Article, article) && kept.RelatedKey == relatedKey)
            {
                rendered[path] = kept;
            }
            else if (renderer.Render(path, snapshot, article, relatedKey) is { } page)
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
internal sealed class PrerenderedPagesMiddleware
{
    private readonly RequestDelegate _next;
    private readonly TimeProvider _time;

    public PrerenderedPagesMiddleware(RequestDelegate next, PageRenderer renderer, TimeProvider time)
    {
        _next = next;
        _time = time;
        renderer.Attach(next);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue ||
            context.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
            ContentStore.For(context) is not { } snapshot ||
            snapshot.Part<PrerenderedPages>() is not { } pages ||
            !pages.ByPath.TryGetValue(request.Path.Value ?? string.Empty, out var page) ||
            pages.Scheme != request.Scheme ||
            pages.BuiltOn != _time.UtcToday())
        {
            return _next(context);
        }

        var validators = snapshot.Part<PageValidators>() ?? PageValidators.Of(snapshot);
        var response = context.Response;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }

        var etag = new EntityTagHeaderValue($"\"{validators.Tag}\"");
        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = validators.LastModified;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        var conditions = request.GetTypedHeaders();
        var notModified = conditions.IfNoneMatch is { Count: > 0 } ifNoneMatch
            ? ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : conditions.IfModifiedSince is { } since && since <= _time.GetUtcNow() && validators.LastModified <= since;
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
/// "overdue", the dashboard's facts) depend on the date, whether or not pages are pre-rendered.
/// </summary>
internal sealed class PrerenderingStarter(ContentStore store, PageRenderer renderer, IHostApplicationLifetime lifetime, TimeProvider time)
    : BackgroundService
{
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
                return;
            }
        }

        // At start only pages need building again, and only when they are pre-rendered at all.
        var rebuild = renderer.BaseUrl is not null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (rebuild)
            {
                await Task.Run(store.Rebuild, stoppingToken);
            }

            rebuild = true;
            var now = time.GetUtcNow();
            var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            try
            {
                await Task.Delay(midnight - now, time, stoppingToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }
}
