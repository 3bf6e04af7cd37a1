using Commissioning.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
