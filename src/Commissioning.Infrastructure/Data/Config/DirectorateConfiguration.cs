using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> b)
    {
        b.ToTable("Directorates");
        b.Property(d => d.Name).HasMaxLength(Directorate.NameMaxLength).IsRequired();
        b.HasIndex(d => d.Name).IsUnique();
        AuditColumns.Configure(b);
    }
}
