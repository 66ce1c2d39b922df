using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>Reads the log: with plain SQL on PostgreSQL (fast at a fresh instance's start), with EF Core on SQLite.</summary>
internal interface IPublishLogReader : IAsyncDisposable
{
    Task<long> LastSeqAsync(CancellationToken cancellationToken);

    Task<List<(string, string)>> AppliedHashesAsync(long position, CancellationToken cancellationToken);

    Task<List<PublishLogEntry>> NextBatchAsync(long after, CancellationToken cancellationToken);
}

internal sealed class PostgresPublishLog(NpgsqlConnection connection) : IPublishLogReader
{
    public static async Task<IPublishLogReader> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new PostgresPublishLog(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<long> LastSeqAsync(CancellationToken cancellationToken) => PublishLogReaders.LastSeqAsync(connection, cancellationToken);

    public Task<List<(string, string)>> AppliedHashesAsync(long position, CancellationToken cancellationToken) =>
        PublishLogReaders.AppliedHashesAsync(connection, position, cancellationToken);

    public Task<List<PublishLogEntry>> NextBatchAsync(long after, CancellationToken cancellationToken) =>
        PublishLogReaders.NextBatchAsync(connection, after, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

internal sealed class SqlitePublishLog(IServiceScopeFactory scopes) : IPublishLogReader
{
    private readonly AsyncServiceScope _scope = scopes.CreateAsyncScope();

    private StaffDbContext Database => _scope.ServiceProvider.GetRequiredService<StaffDbContext>();

    public async Task<long> LastSeqAsync(CancellationToken cancellationToken) =>
        await Database.PublishLog.AsNoTracking().MaxAsync(r => (long?)r.Seq, cancellationToken) ?? 0;

    public async Task<List<(string, string)>> AppliedHashesAsync(long position, CancellationToken cancellationToken) =>
        [.. (await Database.PublishLog.AsNoTracking()
                .Where(r => r.Seq <= position && (r.Kind == PublishLogKinds.Article || r.Kind == PublishLogKinds.Removed))
                .Select(r => new { r.Seq, r.Name, r.Hash }).ToListAsync(cancellationToken))
            .GroupBy(r => r.Name).Select(g => g.MaxBy(r => r.Seq)!).Select(r => (r.Name, r.Hash))];

    public Task<List<PublishLogEntry>> NextBatchAsync(long after, CancellationToken cancellationToken)
    {
        // A fresh context each batch: the rows are read once and applied, never tracked.
        Database.ChangeTracker.Clear();
        return Database.PublishLog.AsNoTracking().Where(r => r.Seq > after).OrderBy(r => r.Seq).Take(PublishLogReaders.Batch).ToListAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

/// <summary>The publish log read with plain SQL, for <see cref="PostgresPublishLog"/>.</summary>
internal static class PublishLogReaders
{
    /// <summary>How many rows a batch reads: one walk of the folder per batch.</summary>
    public const int Batch = 500;

    internal static async Task<List<PublishLogEntry>> NextBatchAsync(NpgsqlConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """SELECT "Seq", "Kind", "Name", "Text", "Bytes", "Hash", "Origin" FROM "PublishLog" WHERE "Seq" > @after ORDER BY "Seq" LIMIT @batch""", connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("batch", Batch);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PublishLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PublishLogEntry
            {
                Seq = reader.GetInt64(0),
                Kind = reader.GetString(1),
                Name = reader.GetString(2),
                Text = reader.IsDBNull(3) ? null : reader.GetString(3),
                Bytes = reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4),
                Hash = reader.GetString(5),
                Origin = reader.GetString(6),
            });
        }

        return rows;
    }

    /// <summary>Each article's fingerprint at the last row this folder applied, to tell edits on this disk from the log's.</summary>
    internal static async Task<List<(string, string)>> AppliedHashesAsync(NpgsqlConnection connection, long position, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON ("Name") "Name", "Hash" FROM "PublishLog"
            WHERE "Seq" <= @position AND "Kind" IN ('article', 'removed') ORDER BY "Name", "Seq" DESC
            """, connection);
        command.Parameters.AddWithValue("position", position);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hashes = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return hashes;
    }

    internal static async Task<long> LastSeqAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(\"Seq\"), 0) FROM \"PublishLog\"", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
