using Commissioning.Domain.Governance;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class DecisionBodyConfiguration : IEntityTypeConfiguration<DecisionBody>
{
    public void Configure(EntityTypeBuilder<DecisionBody> b)
    {
        b.ToTable("DecisionBodies");
        b.Property(d => d.Name).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
        b.HasIndex(d => d.Name).IsUnique();
        b.Ignore(d => d.IsSinglePerson);
        AuditColumns.Configure(b);
    }
}
