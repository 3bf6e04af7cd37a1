using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class LeadProviderContractConfiguration : IEntityTypeConfiguration<LeadProviderContract>
{
    public void Configure(EntityTypeBuilder<LeadProviderContract> b)
    {
        b.Ignore(c => c.LeadProviderId);
        b.OwnsMany(c => c.SubContracts, o =>
        {
            o.ToTable("ContractSubContracts");
            o.WithOwner().HasForeignKey("ContractId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(s => s.Service).HasMaxLength(SubContract.ServiceMaxLength).IsRequired();
            o.Ignore(s => s.AnnualValue);
            o.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(c => c.SubContracts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
