using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.Property(x => x.ImportedById).HasMaxLength(450).IsRequired();
        b.Property(x => x.ImportedByName).HasMaxLength(256).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(ImportUpload.FileNameMaxLength).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(ImportUpload.HashLength).IsRequired();
    }
}
