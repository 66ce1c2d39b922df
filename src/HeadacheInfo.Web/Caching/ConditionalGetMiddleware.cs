using System.Security.Cryptography;
using System.Text;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Validators for content pages: an ETag from the content's fingerprint and the site's build, and
/// Last-Modified from when the content was loaded. A reader who already has a page that exists gets 304
/// and no body; a page that does not exist is never "not modified", whatever the request says.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, AbsoluteUrls urls, IHostEnvironment environment, TimeProvider time)
{
    // Browsers revalidate every time (cheap with the ETag); shared caches such as a CDN may keep a page a minute,
    // but only when every address on it comes from Site:BaseUrl rather than from the request's Host.
    private const string SharedPageCacheControl = "public, max-age=0, s-maxage=60";
    private const string PrivatePageCacheControl = "private, no-cache";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ContentPageAttribute.Applies(context))
        {
            await next(context);
            return;
        }

        var (etag, lastModified) = ValidatorsFor(ContentStore.For(context), context.Request, urls);
        void SetValidators(HttpResponse response)
        {
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            response.Headers.CacheControl = environment.IsDevelopment() ? "no-cache"
                : urls.IsFixed ? SharedPageCacheControl
                : PrivatePageCacheControl;
        }

        // Whether the page exists is known only once it answers. The validators go on a 200 as its first byte
        // is written, before the output cache around us copies the headers; a 304 replaces a 200 and nothing else.
        var notModified = NotModified.ReaderHasIt(context.Request.GetTypedHeaders(), etag, lastModified, time.GetUtcNow());
        var original = context.Response.Body;
        var body = new ValidatedBody(context.Response, original, SetValidators, notModified);
        context.Response.Body = body;
        try
        {
            await next(context);
            body.Decide();
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    /// <summary>The snapshot's validators; with the request's host folded in when the address is not fixed.</summary>
    internal static (EntityTagHeaderValue ETag, DateTimeOffset LastModified) ValidatorsFor(ContentSnapshot snapshot, HttpRequest request, AbsoluteUrls urls)
    {
        var validators = snapshot.Part<PageValidators>() ?? PageValidators.Of(snapshot);

        // A page that names the request's host must not validate a copy made for another host.
        var tag = urls.IsFixed ? validators.Tag : $"{validators.Tag}-{HostTag(urls.Root(request) ?? string.Empty)}";
        return (new EntityTagHeaderValue($"\"{tag}\""), validators.LastModified);
    }

    private static string HostTag(string root) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)).AsSpan(0, 4)).ToLowerInvariant();

    /// <summary>
    /// At the first write (or the end, if nothing is written): a 200 gets the validators, and when the reader
    /// already has it, becomes a 304 whose body goes nowhere. Anything else passes through untouched.
    /// </summary>
    private sealed class ValidatedBody(HttpResponse response, Stream inner, Action<HttpResponse> setValidators, bool readerHasIt) : Stream
    {
        private bool? _notModified;

        /// <returns>Whether the answer is 304, so nothing more is written.</returns>
        public bool Decide()
        {
            if (_notModified is null)
            {
                var ok = response.StatusCode == StatusCodes.Status200OK && !response.HasStarted;
                if (ok)
                {
                    setValidators(response);
                }

                _notModified = ok && readerHasIt;
                if (_notModified.Value)
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                }
            }

            return _notModified.Value;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            if (!Decide())
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Decide() ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!Decide())
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Decide() ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
