using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/>. Readers take whatever snapshot is current, with no lock;
/// a reload builds a whole new snapshot, and everything derived from it (<see cref="ISnapshotPart"/>),
/// first and then swaps the reference. A request reads one snapshot from start to end (<see cref="For"/>).
/// </summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IOptions<ContentOptions> options,
    IEnumerable<ISnapshotPart> parts,
    TimeProvider time,
    ILogger<ContentStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly ParsedFileCache _parsed = new();
    private readonly ISnapshotPart[] _parts = [.. parts];
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private ReloadStatus _status = new(null, null, null);
    private CancellationTokenSource _changed = new();
    private long _loadsStarted;
    private long _lastWholeLoad;

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Whether a reload is running now, and how the last one ended: what the health check reports.</summary>
    public ReloadStatus Status => Volatile.Read(ref _status);

    /// <summary>The snapshot this request reads: the one pinned when it arrived (see <see cref="Pin"/>), else the current one.</summary>
    public static ContentSnapshot For(HttpContext context) =>
        context.Features.Get<PinnedSnapshot>()?.Snapshot ?? context.RequestServices.GetRequiredService<ContentStore>().Current;

    /// <summary>Pins a snapshot to a request, so every part of its answer comes from one version of the content.</summary>
    public static void Pin(HttpContext context, ContentSnapshot snapshot) => context.Features.Set(new PinnedSnapshot(snapshot));

    /// <summary>How many loads of the folder have begun: note it when a change is seen, to ask <see cref="LoadedSince"/> later.</summary>
    public long LoadsStarted => Interlocked.Read(ref _loadsStarted);

    /// <summary>
    /// Whether a load that began after <paramref name="loadsStarted"/> has read every file, leaving none to settle:
    /// then a change seen before that is already served, and reloading for it again would only cost time.
    /// </summary>
    public bool LoadedSince(long loadsStarted) => Interlocked.Read(ref _lastWholeLoad) > loadsStarted;

    /// <summary>Fires once when the current snapshot is replaced; ask again for the next change.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <param name="settle">Leave files written to within this time for a later reload (see <see cref="ContentLoader.Load"/>).</param>
    public async Task<ContentSnapshot> ReloadAsync(TimeSpan settle = default, CancellationToken cancellationToken = default)
    {
        // One reload at a time, so versions only go up and a slow reload never overwrites a newer one.
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref _status, _status with { RunningSince = time.GetUtcNow() });
            var number = Interlocked.Increment(ref _loadsStarted);
            try
            {
                var settings = options.Value;
                var loaded = loader.Load(settings.FullPath, settings.ShowDrafts, _current.Version + 1, _parsed, settle, _current.CategoryList);
                foreach (var problem in loaded.Problems)
                {
                    LogProblem(problem.Location, problem.Reason);
                }

                var next = await BuildPartsAsync(loaded, _current, cancellationToken);
                LogLoaded(next.Articles.Length, next.Problems.Length, next.Version, settings.FullPath);
                Swap(next);
                if (next.SettlesAt is null)
                {
                    Interlocked.Exchange(ref _lastWholeLoad, number);
                }

                return next;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping is not a failure: the snapshot being served stays, and so does what the last reload said.
                Volatile.Write(ref _status, _status with { RunningSince = null });
                throw;
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _status, new ReloadStatus(null, time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}"));
                throw;
            }
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>
    /// Builds the derived parts again for the content already loaded, as a new version: for a part that
    /// could not be built before (pages need the running site) or that depends on the date.
    /// </summary>
    public async Task<ContentSnapshot> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            var next = await BuildPartsAsync(current with { Version = current.Version + 1, Parts = ImmutableDictionary<Type, object>.Empty }, current, cancellationToken);
            Swap(next);
            return next;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Everything derived from a snapshot is built here, in order, each part seeing those before it.</summary>
    private async Task<ContentSnapshot> BuildPartsAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken)
    {
        foreach (var part in _parts)
        {
            snapshot = snapshot.With(await part.BuildAsync(snapshot, previous, cancellationToken));
        }

        return snapshot;
    }

    private void Swap(ContentSnapshot next)
    {
        Volatile.Write(ref _current, next);
        Volatile.Write(ref _status, new ReloadStatus(null, null, null));
        var changed = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        changed.Cancel();
        changed.Dispose();
    }

    public void Dispose()
    {
        _changed.Dispose();
        _reloadGate.Dispose();
    }

    private sealed record PinnedSnapshot(ContentSnapshot Snapshot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left out {Location:l}: {Reason:l}")]
    private partial void LogProblem(string location, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Loaded {ArticleCount} articles with {ProblemCount} problems (content version {Version}) from {ContentPath:l}")]
    private partial void LogLoaded(int articleCount, int problemCount, long version, string contentPath);
}
