using System.Collections.Concurrent;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Web.Insights;

/// <summary>
/// What patients' requests add to: a total per day and thing counted, in memory only. A request never waits
/// for a database; <see cref="InsightsFlush"/> moves the totals to the staff database in the background.
/// </summary>
public sealed class UsageCounter(TimeProvider time)
{
    /// <summary>One daily total's identity.</summary>
    public readonly record struct Counted(DateOnly On, string Kind, string Key);

    /// <summary>
    /// How many different totals memory holds at most, while the database is down or someone searches for a
    /// million different things: past it, new things are not counted (the ones already held still are).
    /// </summary>
    public const int MaxHeld = 50_000;

    // A total taken out by a flush is sealed: a request that found it just before then sees a negative number
    // and counts again in a fresh one, so no count is lost or flushed twice, and counting takes no lock.
    private const long Sealed = long.MinValue / 2;

    private sealed class Tally
    {
        public long Value;
    }

    private readonly ConcurrentDictionary<Counted, Tally> _counts = new();
    private int _held;

    /// <summary>A content page was shown, by its path.</summary>
    public void PageRead(string path)
    {
        if (path.Length <= InsightCountModel.MaxKeyLength)
        {
            Add(InsightKind.PageRead, path);
        }
    }

    /// <summary>A search, kept only after scrubbing (<see cref="SearchScrubber"/>); with no results, counted as not found too.</summary>
    public void Searched(string search, bool foundNothing)
    {
        if (SearchScrubber.Scrub(search) is not { } scrubbed)
        {
            return;
        }

        Add(InsightKind.Search, scrubbed);
        if (foundNothing)
        {
            Add(InsightKind.SearchNotFound, scrubbed);
        }
    }

    /// <summary>A symptom-check result was shown: only its outcome, never the answers.</summary>
    public void CheckResult(TriageOutcome outcome) => Add(InsightKind.CheckResult, outcome.Key);

    /// <summary>Whether anything waits to be flushed.</summary>
    public bool IsEmpty => _counts.IsEmpty;

    /// <summary>Takes every total out, for a flush; each one is taken exactly once, however many requests are counting.</summary>
    public IReadOnlyList<(Counted What, int Count)> TakeAll()
    {
        var taken = new List<(Counted, int)>();
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var tally))
            {
                Interlocked.Decrement(ref _held);
                var count = Interlocked.Exchange(ref tally.Value, Sealed);
                if (count > 0)
                {
                    taken.Add((key, (int)Math.Min(count, int.MaxValue)));
                }
            }
        }

        return taken;
    }

    /// <summary>Puts totals back after a flush that failed, added to whatever was counted meanwhile.</summary>
    public void PutBack(IEnumerable<(Counted What, int Count)> totals)
    {
        foreach (var (what, count) in totals)
        {
            Add(what, count, always: true);
        }
    }

    private void Add(string kind, string key) => Add(new Counted(time.UtcToday(), kind, key), 1, always: false);

    private void Add(Counted what, long by, bool always)
    {
        while (true)
        {
            if (!_counts.TryGetValue(what, out var tally))
            {
                if (!always && Volatile.Read(ref _held) >= MaxHeld)
                {
                    return;
                }

                var fresh = new Tally();
                tally = _counts.GetOrAdd(what, fresh);
                if (ReferenceEquals(tally, fresh))
                {
                    Interlocked.Increment(ref _held);
                }
            }

            if (Interlocked.Add(ref tally.Value, by) > 0)
            {
                return;
            }

            // Sealed by a flush between the look-up and the add: count again in the next one.
        }
    }
}
