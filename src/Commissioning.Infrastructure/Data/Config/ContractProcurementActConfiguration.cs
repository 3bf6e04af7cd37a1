using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>
/// The contract's Procurement Act 2023 columns (Contract.ProcurementAct.cs), configured apart from the rest of the contract
/// (<see cref="ContractConfiguration"/>) so the two change independently; EF Core applies both to the one entity type.
/// </summary>
internal sealed class ContractProcurementActConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(c => c.ProcuredUnderProcurementAct);
        b.Property(c => c.IsLightTouchContract);
        b.Property(c => c.IsUserChoiceDirectAward);
        b.Property(c => c.EnteredIntoOn);
    }
}
