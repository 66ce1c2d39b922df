using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Insights;

internal static class InsightCountModel
{
    public const int MaxKeyLength = 200;

    public static void Configure(ModelBuilder builder) => builder.Entity<InsightCount>(count =>
    {
        count.ToTable("InsightCounts");
        count.Property(c => c.Kind).HasMaxLength(20);
        count.Property(c => c.Key).HasMaxLength(MaxKeyLength);
        // One row a day per thing counted: a flush adds to it. Also what retention deletes by (On first).
        count.HasIndex(c => new { c.On, c.Kind, c.Key }).IsUnique();
    });
}
