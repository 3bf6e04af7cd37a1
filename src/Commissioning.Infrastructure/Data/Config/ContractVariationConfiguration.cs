using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ContractVariationConfiguration : IEntityTypeConfiguration<ContractVariation>
{
    public void Configure(EntityTypeBuilder<ContractVariation> b)
    {
        b.Property(e => e.EndDateBefore).HasColumnName(nameof(ContractVariation.EndDateBefore));
        b.Property(e => e.EndDateAfter).HasColumnName(nameof(ContractVariation.EndDateAfter));
        b.Ignore(e => e.ValueBefore);
        b.Ignore(e => e.ValueAfter);
        b.Ignore(e => e.ChangeNotice);
        b.Property(e => e.Changes).HasColumnName("VariationChanges");
        b.Property(e => e.Clause).HasMaxLength(ContractVariation.ClauseMaxLength);
        b.Property(e => e.ValueChangePercent).HasPrecision(18, 2);
        b.Property(e => e.TermChangePercent).HasPrecision(18, 2);
        b.Property(e => e.ChangeNoticeExplanation).HasMaxLength(ContractVariation.ExplanationMaxLength);
    }
}
