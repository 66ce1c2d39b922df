using System.IO.Compression;
using System.Net;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

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

            return LoopbackAddresses().Select(uri => new RenderAddress(uri, uri.Authority)).FirstOrDefault();
        }
    }

    /// <summary>
    /// The addresses the server listens on, as this machine reaches them: a wildcard (<c>0.0.0.0</c>, <c>[::]</c>,
    /// <c>+</c>, <c>*</c>) on loopback, an address elsewhere not at all.
    /// </summary>
    public IEnumerable<Uri> LoopbackAddresses()
    {
        foreach (var listening in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var reached = listening.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
            if (Uri.TryCreate(reached, UriKind.Absolute, out var uri) && uri is { IsLoopback: true, AbsolutePath: "/", Scheme: "http" or "https" })
            {
                yield return uri;
            }
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
        // A rendered GET has no body; a limit to set keeps routing and [RequestSizeLimit] from warning at every
        // start that the server cannot apply theirs.
        features.Set<IHttpMaxRequestBodySizeFeature>(new RequestBodyLimit());
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
    private sealed class RequestBodyLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }

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
