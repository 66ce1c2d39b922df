using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HeadacheInfo.Web.Staff.Database;

// For 'dotnet ef migrations add NAME --context SqliteStaffDbContext --output-dir Migrations/Sqlite
// --namespace HeadacheInfo.Web.Staff.Database.Migrations.Sqlite' (and the same for Postgres): the tools make a context
// without starting the site. Nothing connects. The namespace is the one the migrations had when they lived under
// Staff/Database, kept so the model snapshot stays the one EF finds.

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
