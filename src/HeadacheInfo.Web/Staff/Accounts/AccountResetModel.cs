using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HeadacheInfo.Web.Staff.Accounts;

internal static class AccountResetModel
{
    public static void Configure(ModelBuilder builder) => builder.Entity<AccountReset>(reset =>
    {
        reset.ToTable("AccountResets");
        reset.Property(r => r.Kind).HasMaxLength(40);
        reset.Property(r => r.RequestedBy).HasMaxLength(256);
        reset.Property(r => r.ConfirmedBy).HasMaxLength(256);
        reset.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        reset.HasIndex(r => new { r.UserId, r.DoneAt });
    });

    /// <summary>SQLite cannot order or compare DateTimeOffset; ticks sort the same way.</summary>
    public static void StoreTimesAsTicks(ModelBuilder builder) => builder.Entity<AccountReset>(reset =>
    {
        var ticks = new DateTimeOffsetToBinaryConverter();
        reset.Property(r => r.RequestedAt).HasConversion(ticks);
        reset.Property(r => r.DoneAt).HasConversion(ticks);
        reset.Property(r => r.SeenAt).HasConversion(ticks);
    });
}
