using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// Applies the publish log to this instance's content folder, in order, each file whole or not at all: the one
/// writer of published changes, on SQLite as on PostgreSQL. With PostgreSQL it learns of new rows through LISTEN
/// on a connection of its own; with SQLite the action that committed them wakes it. Either way it checks the log's last number every
/// <c>Publishing:PollSeconds</c> in case a notification was missed or the connection dropped. The last row applied
/// is kept in the folder itself (<see cref="PositionFile"/>), written after the files, so an instance started late
/// catches up from where it stopped; it reports healthy only once it has.
/// </summary>
internal sealed partial class PublishLogApplier(
    PublishChannel channel,
    IOptions<PublishingOptions> options,
    IOptions<ContentOptions> content,
    IConfiguration configuration,
    StaffDatabaseReadiness readiness,
    IArticleFileStore files,
    ContentImages images,
    ArticleLocks locks,
    IServiceScopeFactory scopes,
    ContentStore store,
    ILogger<PublishLogApplier> logger) : BackgroundService
{
    public const string PositionFile = ".publish-log-position";

    private string PositionPath => Path.Combine(content.Value.FullPath, PositionFile);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not waiting for the migrations first: the log is read with plain SQL, and bringing EF Core up takes a
        // second or two a fresh instance spends catching up instead. A log table not there yet waits for them.
        // With SQLite the log is read with EF Core, once the migrations are done (they take a moment on one file).
        var shared = channel.Shared;
        if (!shared && !await MigratedAsync(stoppingToken))
        {
            return;
        }

        var connectionString = configuration.GetConnectionString(StaffDatabase.ConnectionStringName)!;
        var position = ReadPosition();
        var started = false;
        var listening = shared ? ListenAsync(connectionString, stoppingToken) : Task.CompletedTask;
        channel.Live = !shared || channel.Live;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var log = shared ? await PostgresPublishLog.OpenAsync(connectionString, stoppingToken) : (IPublishLogReader)new SqlitePublishLog(scopes);
                if (!started)
                {
                    if (position > 0 && position > await log.LastSeqAsync(stoppingToken))
                    {
                        // Further than the log goes (a database restored from a backup, a hand-edited file): the whole
                        // log is applied again; texts it holds are not taken for edits on this disk.
                        LogPositionBeyondLog(position);
                        position = 0;
                    }

                    channel.Start(position, await log.AppliedHashesAsync(position, stoppingToken));
                    started = true;
                }

                while (await log.NextBatchAsync(channel.LastApplied, stoppingToken) is { Count: > 0 } rows)
                {
                    // One walk of the folder per batch: a walk per row made a fresh instance's catch-up minutes long.
                    var folder = files.Located();
                    foreach (var row in rows)
                    {
                        await ApplyAsync(row, folder);
                    }

                    WritePosition(channel.LastApplied);
                    if (channel.CaughtUp.IsCompleted)
                    {
                        // Shown at once: the files were written whole, so nothing needs the folder watcher's wait to settle.
                        await store.ReloadAsync(TimeSpan.Zero, stoppingToken);
                    }
                }

                if (!channel.CaughtUp.IsCompleted)
                {
                    // Loaded now, not after the folder watcher's pause: healthy must mean serving what was caught up.
                    await store.ReloadAsync(TimeSpan.Zero, stoppingToken);
                    channel.FirstCatchUpDone();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
            {
                if (!await MigratedAsync(stoppingToken))
                {
                    break;
                }

                continue;
            }
#pragma warning disable CA1031 // The database or the disk failing must never stop the site; the next look tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (DatabaseOutagePage.IsOutage(ex))
                {
                    channel.Live = false;
                }

                LogApplyFailed(ex.GetBaseException().Message);
                if (!channel.CaughtUp.IsCompleted && DatabaseOutagePage.IsOutage(ex))
                {
                    // The database went away before the first catch-up: serve what this folder has, saying
                    // "disconnected", rather than keep patients from it; the log is applied when it returns.
                    await store.ReloadAsync(TimeSpan.Zero, stoppingToken);
                    channel.FirstCatchUpDone();
                }
            }

            try
            {
                await channel.WaitForWakeAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await listening;
    }

    /// <summary>Waits for the migrations; false when they failed (the site is stopping) or the site stops.</summary>
    private async Task<bool> MigratedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            return true;
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return false; // the site is stopping because the database could not be used
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Keeps a connection listening; each notification, and each reconnection, wakes the applier.</summary>
    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = $"headacheinfo-listen-{channel.Instance}",
            Pooling = false,
            KeepAlive = 5,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, _) => channel.Wake();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PublishChannel.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                channel.Live = true;
                channel.Wake(); // rows written while it was not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A lost connection is expected (a restart, a network drop): the poll covers the gap.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                channel.Live = false;
                LogListenLost(ex.GetBaseException().Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        channel.Live = false;
    }

    private async Task ApplyAsync(PublishLogEntry row, IArticleFileStore folder)
    {
        switch (row.Kind)
        {
            case PublishLogKinds.Picture when row.Bytes is { } bytes && PictureRules.IsValidName(row.Name):
                if (images.Read(row.Name) is not { } there || !there.AsSpan().SequenceEqual(bytes))
                {
                    images.Remove(row.Name);
                    images.Write(row.Name, bytes);
                }

                channel.Applied(row);
                return;
            case PublishLogKinds.Article or PublishLogKinds.Removed when Slug.IsValid(row.Name):
                using (await locks.HoldAsync(row.Name))
                {
                    var foundHere = channel.WasFoundHere(row.Seq);
                    var here = folder.Read(row.Name).Text;
                    var hereHash = here is null ? string.Empty : ArticleFile.ContentHash(here);
                    if (here is not null && channel.AppliedHash(row.Name) is { } applied && hereHash != applied && hereHash != row.Hash
                        && !await LoggedAsync(row.Name, hereHash))
                    {
                        // Changed on this disk since the log last wrote it, and not recorded yet: into the log it
                        // goes first, after this row, so it is kept in the history and wins everywhere.
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<IFolderEditRecorder>().RecordOutsideEditAsync(row.Name, here);
                    }

                    if (row.Kind == PublishLogKinds.Removed)
                    {
                        folder.Delete(row.Name);
                    }
                    else if (hereHash != row.Hash && !foundHere)
                    {
                        folder.Write(row.Name, row.Text ?? string.Empty);
                        CrashPoint.Reached(CrashPoint.AfterFileWrite);
                    }

                    channel.Applied(row);
                }

                return;
            case PublishLogKinds.SiteSettings or PublishLogKinds.Synonyms when row.Text is { } whole:
                // A whole file beside the articles, read by the reload after this batch.
                var path = Path.Combine(content.Value.FullPath,
                    row.Kind == PublishLogKinds.SiteSettings ? SiteSettings.SiteSettings.FileName : Search.SearchSynonyms.FileName);
                if (!File.Exists(path) || File.ReadAllText(path) != whole)
                {
                    AtomicFile.WriteAllText(path, whole, overwrite: true);
                }

                channel.Applied(row);
                return;
            case PublishLogKinds.CheckSignedOff:
                // Nothing to write: the reload after this batch reads the sign-off from the audit log.
                channel.Applied(row);
                return;
            default:
                // A kind this version does not know, or a name it would not serve: passed over, never a stop.
                channel.Applied(row);
                return;
        }
    }

    /// <summary>
    /// Whether the log has ever held this text for the article: then the file on this disk is a version the log
    /// wrote (this folder is behind or ahead of its position file, as after a restore), not an edit made here.
    /// </summary>
    private async Task<bool> LoggedAsync(string slug, string hash)
    {
        // Read with EF Core, as the edit is then recorded: only once the migrations are done.
        await readiness.Ready;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().PublishLog.AsNoTracking()
            .AnyAsync(r => r.Name == slug && r.Kind == PublishLogKinds.Article && r.Hash == hash);
    }

    private long ReadPosition()
    {
        try
        {
            return File.Exists(PositionPath) && long.TryParse(File.ReadAllText(PositionPath).Trim(), out var position) && position > 0 ? position : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void WritePosition(long position) =>
        AtomicFile.WriteAllText(PositionPath, position.ToString(System.Globalization.CultureInfo.InvariantCulture), overwrite: true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This folder's publish log position {Position} is beyond the log's last row; applying the whole log again")]
    private partial void LogPositionBeyondLog(long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply the publish log; trying again shortly: {Reason}")]
    private partial void LogApplyFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the publish log's notifications; the poll covers the gap until it reconnects: {Reason}")]
    private partial void LogListenLost(string reason);
}
