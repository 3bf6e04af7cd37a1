using Commissioning.Domain.Common;

namespace Commissioning.Infrastructure.Data.Config;

internal static class AuditColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : AuditedAggregate
    {
        b.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.CreatedById).HasMaxLength(450);
        b.Property(e => e.UpdatedById).HasMaxLength(450);
        // SQLite has no rowversion: the application sets a new token on every save (AuditTrail).
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}
