using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Publishing;

internal static class PublishLogModel
{
    public static void Configure(ModelBuilder builder) => builder.Entity<PublishLogEntry>(entry =>
    {
        entry.ToTable("PublishLog");
        entry.HasKey(e => e.Seq);
        entry.Property(e => e.Seq).ValueGeneratedOnAdd();
        entry.Property(e => e.Kind).HasMaxLength(20);
        entry.Property(e => e.Name).HasMaxLength(200);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.Property(e => e.Origin).HasMaxLength(200);
        entry.HasIndex(e => new { e.Name, e.Seq });
    });
}
