using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ConsortiumContractConfiguration : IEntityTypeConfiguration<ConsortiumContract>
{
    public void Configure(EntityTypeBuilder<ConsortiumContract> b)
    {
        b.OwnsMany(c => c.Members, o =>
        {
            o.ToTable("ContractConsortiumMembers");
            o.WithOwner().HasForeignKey("ContractId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(m => m.Role).HasMaxLength(ConsortiumMember.RoleMaxLength).IsRequired();
            o.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(c => c.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
