using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>A contract decision and its governance route, one row per step.</summary>
internal sealed class ContractDecisionConfiguration : IEntityTypeConfiguration<ContractDecision>
{
    public void Configure(EntityTypeBuilder<ContractDecision> b)
    {
        b.ToTable("ContractDecisions");
        b.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(ContractDecision.TitleMaxLength).IsRequired();
        b.Property(d => d.DecisionReference).HasMaxLength(ContractDecision.ReferenceMaxLength);
        b.Property(d => d.ForwardPlanReference).HasMaxLength(ContractDecision.ReferenceMaxLength);
        b.Ignore(d => d.IsApproved);
        b.Ignore(d => d.ApprovedOn);
        b.HasIndex(d => d.ContractId);

        b.OwnsMany(d => d.Steps, o =>
        {
            o.ToTable("RouteSteps");
            o.WithOwner().HasForeignKey("ContractDecisionId");
            o.HasKey(s => s.Id);
            o.Property(s => s.Id).ValueGeneratedOnAdd();
            o.Property(s => s.BodyName).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
            o.Property(s => s.Minute).HasMaxLength(ContractDecision.MinuteMaxLength);
            o.Ignore(s => s.IsApprovalStep);
            o.Ignore(s => s.HasOutcome);
            o.HasOne<DecisionBody>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
            // The forward plan looks for pending approval steps by date.
            o.HasIndex(s => s.Date);
        });
        b.Navigation(d => d.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}
