using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>
/// Lifecycle events: one table for every kind (discriminator column "EventKind"). Columns that mean the
/// same in two kinds (the end date before and after) are shared rather than repeated per kind.
/// Events are never edited nor deleted, so they carry no version: the contract's version guards the change.
/// </summary>
internal sealed class ContractEventConfiguration : IEntityTypeConfiguration<ContractEvent>
{
    public const string KindColumn = "EventKind";

    public void Configure(EntityTypeBuilder<ContractEvent> b)
    {
        b.ToTable("ContractEvents");
        b.Ignore(e => e.Kind);
        b.Ignore(e => e.RecordedBy);
        b.HasDiscriminator<string>(KindColumn)
            .HasValue<ExtensionExercised>(nameof(ContractEventKind.ExtensionExercised))
            .HasValue<ContractVariation>(nameof(ContractEventKind.Variation))
            .HasValue<NegotiatedContinuation>(nameof(ContractEventKind.NegotiatedContinuation))
            .HasValue<ContractTermination>(nameof(ContractEventKind.Termination));
        b.Property<string>(KindColumn).HasMaxLength(40);

        b.HasOne<Contract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContractDecision>().WithMany().HasForeignKey(e => e.AuthorisingDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ContractId, e.EventDate });

        b.Property(e => e.Reason).HasMaxLength(ContractEvent.ReasonMaxLength).IsRequired();
        b.Property(e => e.AuthorisingDecision).HasMaxLength(ContractEvent.DecisionMaxLength);
        b.Property(e => e.RecordedById).HasMaxLength(450).IsRequired();
        b.Property(e => e.RecordedByName).HasMaxLength(256).IsRequired();
    }
}
