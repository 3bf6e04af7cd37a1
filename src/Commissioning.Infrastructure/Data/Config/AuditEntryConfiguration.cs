namespace Commissioning.Infrastructure.Data.Config;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        b.Property(e => e.Action).HasMaxLength(40).IsRequired();
        b.Property(e => e.ChangedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.ChangedById).HasMaxLength(450);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
