using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/>. Readers take whatever snapshot is current, with no lock;
/// a reload builds a whole new snapshot first and then swaps the reference.
/// </summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IOptions<ContentOptions> options,
    ILogger<ContentStore> logger)
{
    private readonly Lock _reloadLock = new();
    private readonly ParsedFileCache _parsed = new();
    private ContentSnapshot _current = ContentSnapshot.Empty;

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new snapshot is swapped in, on the thread that loaded it.</summary>
    public event EventHandler? SnapshotChanged;

    public ContentSnapshot Reload()
    {
        // One reload at a time, so versions only go up and a slow reload never overwrites a newer one.
        lock (_reloadLock)
        {
            var settings = options.Value;
            var next = loader.Load(settings.FullPath, settings.ShowDrafts, _current.Version + 1, _parsed);
            foreach (var problem in next.Problems)
            {
                LogProblem(problem.Location, problem.Reason);
            }

            LogLoaded(next.Articles.Length, next.Problems.Length, next.Version, settings.FullPath);
            Volatile.Write(ref _current, next);
            SnapshotChanged?.Invoke(this, EventArgs.Empty);
            return next;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left out {Location:l}: {Reason:l}")]
    private partial void LogProblem(string location, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Loaded {ArticleCount} articles with {ProblemCount} problems (content version {Version}) from {ContentPath:l}")]
    private partial void LogLoaded(int articleCount, int problemCount, long version, string contentPath);
}
