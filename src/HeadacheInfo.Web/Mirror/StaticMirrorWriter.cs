using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Caching;
using HeadacheInfo.Web.ContentCheck;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Mirror;

/// <summary>
/// Keeps <c>Site:StaticMirrorPath</c> holding what readers get from this instance: on each new content snapshot,
/// its pre-rendered pages (each with a <c>.gz</c> beside it), the content's pictures and the site's own files
/// (the fingerprinted stylesheet, the icon). It reacts to the swap and never delays it; changes that come while
/// it writes are folded into one more pass. The folder is locked while the site runs: each instance keeps its own.
/// </summary>
internal sealed partial class StaticMirrorWriter(
    ContentStore store, IOptions<StaticMirrorOptions> options, IOptions<ContentOptions> content, IWebHostEnvironment environment,
    TimeProvider time, ILogger<StaticMirrorWriter> logger)
    : BackgroundService
{
    /// <summary>How long a failed write waits before it is tried again, unless the content changes first.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Files the site serves compressed; nginx sends their <c>.gz</c> to readers who take gzip.</summary>
    private static readonly string[] CompressedExtensions = [".css", ".html", ".xml", ".txt"];

    private readonly StaticMirror _mirror = new(options.Value.StaticMirrorPath!);
    private readonly SemaphoreSlim _changed = new(0);
    private IDisposable? _subscription;
    private FileStream? _lock;
    private long _swappedAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _mirror.Prepare();
        try
        {
            // An exclusive lock (flock) for as long as the site runs: two instances writing one folder would remove each other's pages.
            _lock = new FileStream(Path.Combine(_mirror.Root, StaticMirror.Marker), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new OptionsValidationException(StaticMirrorOptions.Key, typeof(StaticMirrorOptions),
                [$"{StaticMirrorOptions.Key}: '{_mirror.Root}' is in use by another running instance. Each instance keeps a mirror of its own: give this one another folder."]);
        }

        _subscription = ChangeToken.OnChange(store.GetChangeToken, () =>
        {
            Interlocked.Exchange(ref _swappedAt, time.GetTimestamp());
            _changed.Release();
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        long written = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            var snapshot = store.Current;
            var failed = false;
            if (snapshot.Version != written && snapshot.Part<PrerenderedPages>() is { ByPath.Count: > 0 } pages)
            {
                try
                {
                    var result = _mirror.Write(Entries(pages, snapshot.Part<Staff.SiteSettings.SiteSettings>()));
                    written = snapshot.Version;
                    var sinceSwap = time.GetElapsedTime(Interlocked.Read(ref _swappedAt)).TotalMilliseconds;
                    LogWritten(_mirror.Root, snapshot.Version, result.Written, result.Removed, result.Unchanged, sinceSwap);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failed = true;
                    LogFailed(ex, _mirror.Root, RetryAfter.TotalSeconds);
                }
            }

            try
            {
                if (failed)
                {
                    await _changed.WaitAsync(RetryAfter, stoppingToken);
                }
                else
                {
                    await _changed.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Every change so far is in the current snapshot: one pass covers them all.
            while (_changed.Wait(0, CancellationToken.None))
            {
            }
        }
    }

    /// <summary>
    /// Pictures and the site's files first, then each article's page, then the pages listing them: a page that
    /// links to a new file is written after it, and nothing it links to is removed before it is replaced.
    /// </summary>
    /// <param name="settings">The site settings the pages were rendered with: a page with the clinic's own colour links <c>/theme.css</c>.</param>
    private IEnumerable<MirrorEntry> Entries(PrerenderedPages pages, Staff.SiteSettings.SiteSettings? settings)
    {
        var pictures = new ContentImages(content.Value.FullPath);
        foreach (var (name, _) in pictures.List())
        {
            if (PictureRules.IsValidName(name))
            {
                foreach (var entry in FileEntries($"images/{name}", new Microsoft.Extensions.FileProviders.Physical.PhysicalFileInfo(new FileInfo(Path.Combine(pictures.Folder, name)))))
                {
                    yield return entry;
                }
            }
        }

        foreach (var (relative, file) in WebRootFiles(environment.WebRootFileProvider, string.Empty))
        {
            foreach (var entry in FileEntries(relative, file))
            {
                yield return entry;
            }
        }

        // The clinic's colours, written before the pages that link them, so a mirrored page never links a missing file.
        if (settings is not null && Staff.SiteSettings.SiteTheme.Href(settings) is not null)
        {
            var css = System.Text.Encoding.UTF8.GetBytes(Staff.SiteSettings.SiteTheme.Css(settings));
            var theme = Staff.SiteSettings.SiteTheme.Path.TrimStart('/');
            yield return new MirrorEntry(theme + ".gz", (theme + ".gz", settings.Fingerprint), () => StaticMirror.Gzip(css));
            yield return new MirrorEntry(theme, (theme, settings.Fingerprint), () => css);
        }

        foreach (var (path, page) in pages.ByPath.OrderBy(p => p.Value.Article is null).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var file = StaticMirror.FileFor(path);
            yield return new MirrorEntry(file + ".gz", new StaticMirror.Page(page, Compressed: true), () => page.Gzip);
            yield return new MirrorEntry(file, new StaticMirror.Page(page, Compressed: false), () => page.Identity);
        }
    }

    /// <summary>A file as it is on disk, and its <c>.gz</c> (first, so the plain file never names bytes gzip_static lacks).</summary>
    private static IEnumerable<MirrorEntry> FileEntries(string relative, IFileInfo file)
    {
        var stamp = new FileStamp(file.PhysicalPath ?? relative, file.Length, file.LastModified);
        byte[] Read()
        {
            using var stream = file.CreateReadStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        if (CompressedExtensions.Contains(Path.GetExtension(relative), StringComparer.OrdinalIgnoreCase))
        {
            yield return new MirrorEntry(relative + ".gz", stamp with { Compressed = true }, () => StaticMirror.Gzip(Read()));
        }

        yield return new MirrorEntry(relative, stamp, Read);
    }

    private static IEnumerable<(string Relative, IFileInfo File)> WebRootFiles(IFileProvider provider, string folder)
    {
        foreach (var item in provider.GetDirectoryContents(folder))
        {
            var relative = folder.Length == 0 ? item.Name : $"{folder}/{item.Name}";
            if (item.Name.StartsWith('.'))
            {
                continue;
            }

            if (item.IsDirectory)
            {
                foreach (var inner in WebRootFiles(provider, relative))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (relative, item);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
        _lock?.Dispose();
        _lock = null;
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _lock?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }

    /// <summary>A file as it was when copied: the same path, length and time mean the same bytes.</summary>
    private sealed record FileStamp(string Path, long Length, DateTimeOffset LastModified, bool Compressed = false);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Static mirror {MirrorPath:l} holds content version {Version}: {Written} files written, {Removed} removed, {Unchanged} unchanged, {Milliseconds:0} ms after the snapshot swap")]
    private partial void LogWritten(string mirrorPath, long version, int written, int removed, int unchanged, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Could not write the static mirror {MirrorPath:l} (Site:StaticMirrorPath); nginx serves the previous files, and the site tries again in {Seconds} s")]
    private partial void LogFailed(Exception exception, string mirrorPath, double seconds);
}
