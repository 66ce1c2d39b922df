namespace HeadacheInfo.Web.Articles;

/// <summary>
/// How the watcher waits, on the site's <see cref="TimeProvider"/>: for the folder to be quiet for
/// <see cref="QuietPeriod"/> (at most <see cref="MaxDelay"/> in a burst of changes), and for a changed file
/// to go unwritten for <see cref="Settle"/> before it is read.
/// </summary>
public sealed record ContentWatcherTimings(TimeSpan QuietPeriod, TimeSpan MaxDelay, TimeSpan Settle)
{
    public static ContentWatcherTimings Default { get; } =
        new(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500));
}
