using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HeadacheInfo.Web.Staff.Database;

// For 'dotnet ef migrations add NAME --context SqliteStaffDbContext --output-dir Staff/Database/Migrations/Sqlite'
// (and the same for Postgres): the tools make a context without starting the site. Nothing connects.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStaffDbContext>
{
    public SqliteStaffDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStaffDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStaffDbContext>
{
    public PostgresStaffDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStaffDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
