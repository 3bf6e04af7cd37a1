using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class FundingPlanConfiguration : IEntityTypeConfiguration<FundingPlan>
{
    public void Configure(EntityTypeBuilder<FundingPlan> b)
    {
        b.ToTable("FundingPlans");
        b.HasOne<Contract>().WithMany().HasForeignKey(f => f.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.ContractId, f.FinancialYearStart }).IsUnique();
        b.Ignore(f => f.Year);
        b.Ignore(f => f.Total);
        b.OwnsMany(f => f.Lines, o =>
        {
            o.ToTable("FundingPlanLines");
            o.WithOwner().HasForeignKey("FundingPlanId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(l => l.CostCentre).HasMaxLength(FundingLine.CostCentreMaxLength);
            o.Ignore(l => l.Amount);
        });
        b.Navigation(f => f.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        AuditColumns.Configure(b);
    }
}
