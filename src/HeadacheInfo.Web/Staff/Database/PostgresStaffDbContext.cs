using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>For clinics that run several instances against one database.</summary>
public sealed class PostgresStaffDbContext(DbContextOptions<PostgresStaffDbContext> options) : StaffDbContext(options);
