using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class SavedImportMappingConfiguration : IEntityTypeConfiguration<SavedImportMapping>
{
    public void Configure(EntityTypeBuilder<SavedImportMapping> b)
    {
        b.ToTable("SavedImportMappings");
        b.Property(m => m.Name).HasMaxLength(SavedImportMapping.NameMaxLength).IsRequired();
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.ColumnsJson).IsRequired();
        b.Property(m => m.SavedById).HasMaxLength(450).IsRequired();
    }
}
