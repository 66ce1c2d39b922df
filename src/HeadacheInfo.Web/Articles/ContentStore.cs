using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/>. Readers take whatever snapshot is current, with no lock;
/// a reload builds a whole new snapshot first and then swaps the reference.
/// </summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IOptions<ContentOptions> options,
    TimeProvider time,
    ILogger<ContentStore> logger)
{
    /// <summary>How long a changed file must go unwritten before it is read, so a slow save is never served half done.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    private readonly Lock _reloadLock = new();
    private readonly ParsedFileCache _parsed = new();
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private ReloadStatus _status = new(null, null, null);

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Whether a reload is running now, and how the last one ended: what the health check reports.</summary>
    public ReloadStatus Status => Volatile.Read(ref _status);

    /// <summary>Raised after a new snapshot is swapped in, on the thread that loaded it.</summary>
    public event EventHandler? SnapshotChanged;

    /// <param name="settle">Leave files written to within this time for a later reload (see <see cref="ContentLoader.Load"/>).</param>
    public ContentSnapshot Reload(TimeSpan settle = default)
    {
        // One reload at a time, so versions only go up and a slow reload never overwrites a newer one.
        lock (_reloadLock)
        {
            Volatile.Write(ref _status, _status with { RunningSince = time.GetUtcNow() });
            try
            {
                var settings = options.Value;
                var next = loader.Load(settings.FullPath, settings.ShowDrafts, _current.Version + 1, _parsed, settle);
                foreach (var problem in next.Problems)
                {
                    LogProblem(problem.Location, problem.Reason);
                }

                LogLoaded(next.Articles.Length, next.Problems.Length, next.Version, settings.FullPath);
                Volatile.Write(ref _current, next);
                Volatile.Write(ref _status, new ReloadStatus(null, null, null));
                SnapshotChanged?.Invoke(this, EventArgs.Empty);
                return next;
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _status, new ReloadStatus(null, time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}"));
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left out {Location:l}: {Reason:l}")]
    private partial void LogProblem(string location, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Loaded {ArticleCount} articles with {ProblemCount} problems (content version {Version}) from {ContentPath:l}")]
    private partial void LogLoaded(int articleCount, int problemCount, long version, string contentPath);
}

/// <summary>
/// The reload's state: <paramref name="RunningSince"/> while one runs; <paramref name="LastFailure"/> when the
/// last one failed (the previous snapshot is still served).
/// </summary>
public sealed record ReloadStatus(DateTimeOffset? RunningSince, DateTimeOffset? LastFailedAt, string? LastFailure);
