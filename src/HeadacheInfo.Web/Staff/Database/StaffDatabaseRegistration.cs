using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Database;

public static class StaffDatabaseRegistration
{
    /// <summary>The database alone, for the site and for <c>add-staff</c>: options, the context and its migrations at start.</summary>
    public static IServiceCollection AddStaffDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);

        // Each provider has its own context type, and so its own migrations.
        if (StaffDatabase.IsPostgres(configuration[$"{DatabaseOptions.Section}:Provider"]))
        {
            services.AddDbContext<StaffDbContext, PostgresStaffDbContext>((provider, options) =>
                options.UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString(StaffDatabase.ConnectionStringName)));
        }
        else
        {
            services.AddDbContext<StaffDbContext, SqliteStaffDbContext>((provider, options) =>
                options.UseSqlite($"Data Source={StaffDatabase.SqliteFile(provider)}"));
        }

        services.AddSingleton<StaffDatabaseReadiness>();
        services.AddHostedService<StaffDatabaseMigrator>();
        return services;
    }
}
