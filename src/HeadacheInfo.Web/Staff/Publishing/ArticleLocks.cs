using System.Collections.Concurrent;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// One lock per article within this instance, so two actions on one article run one after the other. The
/// state row's concurrency token does the same between instances.
/// </summary>
public sealed class ArticleLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> HoldAsync(string slug)
    {
        var gate = _locks.GetOrAdd(slug, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
