using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.ToTable("ImportUploads");
        b.Property(u => u.FileName).HasMaxLength(ImportUpload.FileNameMaxLength).IsRequired();
        b.Property(u => u.Sha256).HasMaxLength(ImportUpload.HashLength).IsRequired();
        // At most ImportLimits' 10 MB (the page refuses more before it gets here): varbinary(max) on SQL Server.
        b.Property(u => u.Content).IsRequired();
        b.Property(u => u.UploadedById).HasMaxLength(450).IsRequired();
        b.Property(u => u.SheetName).HasMaxLength(200);
        b.Property(u => u.DryRunFingerprint).HasMaxLength(ImportUpload.HashLength);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(u => u.CommittedBatchId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.ReadOptions);
        // The clean-up on each save looks for old, uncommitted uploads.
        b.HasIndex(u => u.UploadedAtUtc);
    }
}
