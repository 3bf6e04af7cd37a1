using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class NegotiatedContinuationConfiguration : IEntityTypeConfiguration<NegotiatedContinuation>
{
    public void Configure(EntityTypeBuilder<NegotiatedContinuation> b)
    {
        b.Property(e => e.EndDateBefore).HasColumnName(nameof(NegotiatedContinuation.EndDateBefore));
        b.Property(e => e.NewEndDate).HasColumnName(nameof(ContractVariation.EndDateAfter));
        b.Ignore(e => e.Justification);
        b.Property(e => e.Status).HasColumnName("ContinuationStatus");
        b.Property(e => e.JustificationText).HasMaxLength(NegotiatedContinuation.JustificationMaxLength);
        b.Property(e => e.LegalRisk).HasMaxLength(NegotiatedContinuation.JustificationMaxLength);
        b.Property(e => e.JustificationApprovedBy).HasMaxLength(NegotiatedContinuation.ApproverMaxLength);
    }
}
