using System.Collections.Concurrent;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// Where this instance stands with the publish log, the one path by which a publication reaches a content folder
/// on either database: whether the log is shared by several instances (PostgreSQL), the last row applied to this
/// instance's folder, whether the database channel is live, and the text each article
/// had at the last row applied, so an edit made on this disk can be told from one the log brought.
/// </summary>
public sealed class PublishChannel(IOptions<DatabaseOptions> database, IOptions<PublishingOptions> options) : IContentCatchUp, IDisposable
{
    public const string NotifyChannel = "headacheinfo_publish_log";

    /// <summary>Holds log writers one at a time, so rows commit in the order of their numbers and no reader skips one.</summary>
    public const long WriterLock = 0x4865616461636865;

    private readonly ConcurrentDictionary<string, string> _applied = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastApplied;

    /// <summary>Several instances share the log (PostgreSQL); with SQLite it is this instance's alone.</summary>
    public bool Shared { get; } = StaffDatabase.IsPostgres(database.Value.Provider);

    public string Instance => options.Value.InstanceName;

    public long LastApplied => Interlocked.Read(ref _lastApplied);

    public bool Live { get; internal set; }

    /// <summary>Done once the first catch-up at start has applied every row there was.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <summary>The fingerprint of an article as the last row applied here left it ("" when removed), if a row did.</summary>
    public string? AppliedHash(string slug) => _applied.TryGetValue(slug, out var hash) ? hash : null;

    /// <summary>The articles the rows applied here left in this folder.</summary>
    public IReadOnlyList<string> PublishedHere() => [.. _applied.Where(a => a.Value.Length > 0).Select(a => a.Key)];

    /// <summary>Rows this instance wrote for an edit it found in its own folder: the folder is their source.</summary>
    private readonly ConcurrentDictionary<long, bool> _foundHere = new();

    /// <summary>
    /// The row just committed records what this instance's folder already holds (an edit made outside the app), so
    /// the applier must not write it back: by then a person may have changed the file again, and writing the older
    /// text over it would undo their edit (or hide a file they broke behind the text it had before).
    /// </summary>
    internal void FoundHere(long seq) => _foundHere[seq] = true;

    internal bool WasFoundHere(long seq) => _foundHere.TryRemove(seq, out _);

    internal void Applied(PublishLogEntry row)
    {
        if (row.Kind is PublishLogKinds.Article or PublishLogKinds.Removed)
        {
            _applied[row.Name] = row.Hash;
        }

        Interlocked.Exchange(ref _lastApplied, row.Seq);
    }

    internal void Start(long position, IEnumerable<(string Slug, string Hash)> applied)
    {
        foreach (var (slug, hash) in applied)
        {
            _applied[slug] = hash;
        }

        Interlocked.Exchange(ref _lastApplied, position);
    }

    internal void FirstCatchUpDone() => _caughtUp.TrySetResult();

    public void Dispose() => _wake.Dispose();

    /// <summary>Asks the applier to look at the log now.</summary>
    public void Wake() => _wake.Release();

    internal Task<bool> WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>Waits, up to a few seconds, for this instance's folder to hold a row this instance just wrote.</summary>
    public async Task WaitForAppliedAsync(long seq, TimeSpan timeout)
    {
        Wake();
        var until = DateTime.UtcNow + timeout;
        while (LastApplied < seq && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Adds the rows for a change, in the action's own transaction: taken one writer at a time (PostgreSQL's
    /// advisory lock; SQLite has one writer anyway), and with PostgreSQL announced with NOTIFY, delivered when the
    /// transaction commits and never if it does not. With SQLite the action wakes this instance's applier itself
    /// once it has committed (<see cref="Wake"/>).
    /// </summary>
    /// <returns>The last row's number.</returns>
    internal static async Task<long> AppendAsync(StaffDbContext db, IReadOnlyList<PublishLogEntry> rows, CancellationToken cancellationToken = default)
    {
        var postgres = db is PostgresStaffDbContext;
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriterLock})", cancellationToken);
        }

        db.PublishLog.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{NotifyChannel}', '')", cancellationToken);
        }

        return rows.Count == 0 ? 0 : rows.Max(r => r.Seq);
    }

    /// <summary>The rows a published change makes: its pictures first, so a page never shows a picture not yet there.</summary>
    internal List<PublishLogEntry> RowsFor(PublishedChange change, DateTimeOffset at) =>
    [
        .. change.Pictures.Select(p => Row(PublishLogKinds.Picture, p.Name, null, p.Bytes, ArticleFile.ContentHash(Convert.ToBase64String(p.Bytes)), at)),
        change.Text is { } text
            ? Row(PublishLogKinds.Article, change.Slug, text, null, ArticleFile.ContentHash(text), at)
            : Row(PublishLogKinds.Removed, change.Slug, null, null, string.Empty, at),
    ];

    internal PublishLogEntry Row(string kind, string name, string? text, byte[]? bytes, string hash, DateTimeOffset at) =>
        new() { Kind = kind, Name = name, Text = text, Bytes = bytes, Hash = hash, Origin = Instance, At = at };

    /// <summary>The number of the latest row about an article (its text or its removal), or 0 when the log has none.</summary>
    internal static async Task<long> LatestSeqAsync(StaffDbContext db, string slug) =>
        await db.PublishLog.AsNoTracking().Where(r => r.Name == slug && (r.Kind == PublishLogKinds.Article || r.Kind == PublishLogKinds.Removed))
            .Select(r => (long?)r.Seq).MaxAsync() ?? 0;

    /// <summary>The latest row's fingerprint for an article, whoever wrote it; null when the log has none.</summary>
    internal static Task<string?> LatestHashAsync(StaffDbContext db, string slug) =>
        db.PublishLog.AsNoTracking().Where(r => r.Name == slug && (r.Kind == PublishLogKinds.Article || r.Kind == PublishLogKinds.Removed))
            .OrderByDescending(r => r.Seq).Select(r => r.Hash).FirstOrDefaultAsync();
}
