using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ImportedValueConfiguration : IEntityTypeConfiguration<ImportedValue>
{
    public void Configure(EntityTypeBuilder<ImportedValue> b)
    {
        b.ToTable("ImportedValues");
        b.HasOne<Contract>().WithMany().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(v => v.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Field).HasMaxLength(ImportedValue.FieldMaxLength).IsRequired();
        b.Property(v => v.Value).HasMaxLength(ImportedValue.ValueMaxLength);
        // One value per contract and field: what the last import wrote there.
        b.HasIndex(v => new { v.ContractId, v.Field }).IsUnique();
    }
}
