using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The staff database: the provider chosen by <c>Database:Provider</c>, brought up to date at start.</summary>
public static class StaffDatabase
{
    public const string ConnectionStringName = "Staff";

    public static bool IsPostgres(string? provider) => string.Equals(provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQLite file: in <c>Data:Path</c>, else in a folder <c>data</c> beside the content folder.</summary>
    public static string SqliteFile(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<DataOptions>>().Value.Path;
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath.TrimEnd(Path.DirectorySeparatorChar)) ?? ".", DataOptions.DefaultFolderName)
            : Path.GetFullPath(configured);
        return Path.Combine(folder, DataOptions.SqliteFileName);
    }

    /// <summary>Brings the database up to date (creating it if need be) and makes sure the roles exist.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var postgres = IsPostgres(database.Provider);
        try
        {
            var file = postgres ? null : SqliteFile(scope.ServiceProvider);
            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffDatabase).FullName!);
            var created = file is not null && StaffDataFolder.Prepare(file, logger);

            var context = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            await context.Database.MigrateAsync(cancellationToken);
            if (created)
            {
                // EF Core sets write-ahead logging when it creates the file itself; this one was made beforehand
                // (private from the first moment), so set it here, once: readers then never wait for a writer.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = 'wal';", cancellationToken);
            }

            if (file is not null)
            {
                StaffDataFolder.CloseUpDatabase(file, logger);
            }
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in StaffRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var key = postgres ? "ConnectionStrings:Staff" : "Data:Path";
            throw new StaffDatabaseUnavailableException(
                $"The staff database could not be opened or brought up to date; check {key} " +
                $"(Database:Provider is {database.Provider}). The reason: {ex.GetBaseException().Message}", ex);
        }
    }
}

/// <summary>
/// Applies migrations at start (both providers), beside the site's own start rather than before it: bringing
/// EF Core up takes seconds, and patients must not wait for the staff area. Staff requests wait until it is
/// done. If the database cannot be used before the site first became healthy, the site stops, saying which key
/// to fix, with exit code 1. Once it serves patients it never stops for the staff database: it says so, staff
/// get the outage page, /healthz reports it, and it tries again until the database is back.
/// </summary>
internal sealed partial class StaffDatabaseMigrator(
    IServiceProvider services, StaffDatabaseReadiness readiness, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<StaffDatabaseMigrator> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether /healthz has said the site is ready: past that, a missing staff database is an outage, not a bad start.
    /// (Healthy waits for this migrator, so this is a second guard, for a health check answered some other way.)
    /// </summary>
    private bool ServingPatients => services.GetService<HeadacheInfo.Web.Health.HealthHistory>()?.HasBeenHealthy == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        try
        {
            await Task.Yield();
            while (true)
            {
                try
                {
                    await StaffDatabase.MigrateAsync(services, stoppingToken);
                    if (readiness.Unavailable is not null)
                    {
                        LogBack();
                    }

                    readiness.Succeeded();
                    return;
                }
                catch (StaffDatabaseUnavailableException ex) when (ServingPatients)
                {
                    readiness.Retrying(ex);
                    LogRetrying(ex.Message, (int)wait.TotalSeconds);
                    await Task.Delay(wait, time, stoppingToken);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
                }
            }
        }
        catch (StaffDatabaseUnavailableException ex)
        {
            readiness.Failed(ex);
            // The message names the key to fix; a stack trace would only hide it. Written like every other
            // failed start, to the console whatever the logging settings say.
            LogCannotStart(ex.Message);
            using (var console = (IDisposable)HeadacheInfo.Web.Logging.LoggingRegistration.CreateStartupLogger())
            {
                ((Serilog.ILogger)console).Fatal("HeadacheInfo could not start: {Reason}", ex.Message);
            }

            Environment.ExitCode = 1;
            // Stop once the host has finished starting: stopping it half-started would bury this message
            // under a cancellation.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            readiness.Failed(new OperationCanceledException("the site is stopping"));
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "HeadacheInfo could not start: {Reason:l}")]
    private partial void LogCannotStart(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "The staff database went away while it was being brought up to date; patients are still served, the staff area answers " +
        "'cannot be reached', and it is tried again in {Seconds} s: {Reason:l}")]
    private partial void LogRetrying(string reason, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The staff database is back and up to date; the staff area is open again.")]
    private partial void LogBack();
}
