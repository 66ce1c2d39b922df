using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff;

/// <summary>The staff database: the provider chosen by <c>Database:Provider</c>, brought up to date at start.</summary>
public static class StaffDatabase
{
    public const string ConnectionStringName = "Staff";

    /// <summary>The database alone, for the site and for <c>add-staff</c>: options, the context and its migrations at start.</summary>
    public static IServiceCollection AddStaffDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);

        // Each provider has its own context type, and so its own migrations.
        if (IsPostgres(configuration[$"{DatabaseOptions.Section}:Provider"]))
        {
            services.AddDbContext<StaffDbContext, PostgresStaffDbContext>((provider, options) =>
                options.UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)));
        }
        else
        {
            services.AddDbContext<StaffDbContext, SqliteStaffDbContext>((provider, options) =>
                options.UseSqlite($"Data Source={SqliteFile(provider)}"));
        }

        services.AddHostedService<StaffDatabaseMigrator>();
        return services;
    }

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
            if (!postgres)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(SqliteFile(scope.ServiceProvider))!);
            }

            var context = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            await context.Database.MigrateAsync(cancellationToken);
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

/// <summary>The database cannot be reached or migrated: the site stops at start with this message, naming the key.</summary>
public sealed class StaffDatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Applies migrations before the site takes requests (both providers).</summary>
internal sealed class StaffDatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => StaffDatabase.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
