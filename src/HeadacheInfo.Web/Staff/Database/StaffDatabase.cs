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
/// done. If the database cannot be used, the site stops, saying which key to fix, with exit code 1. /healthz
/// answers 200 only once this is done (<see cref="HeadacheInfo.Web.Health.StaffDatabaseHealthCheck"/>), so only a
/// start that never became healthy can stop here: once an instance serves patients, nothing here is left to
/// fail, and a database that goes away later only makes staff pages say so.
/// </summary>
internal sealed partial class StaffDatabaseMigrator(
    IServiceProvider services, StaffDatabaseReadiness readiness, IHostApplicationLifetime lifetime, ILogger<StaffDatabaseMigrator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await StaffDatabase.MigrateAsync(services, stoppingToken);
            readiness.Succeeded();
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
}
