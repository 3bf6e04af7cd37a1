using Commissioning.Domain.Providers;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(p => p.Name).HasMaxLength(Provider.NameMaxLength).IsRequired();
        b.HasIndex(p => p.Name);
        b.Property(p => p.RegistrationNumber).HasMaxLength(Provider.RegistrationNumberMaxLength);
        b.Property(p => p.Address).HasMaxLength(Provider.AddressMaxLength);
        b.Property(p => p.ContactName).HasMaxLength(Provider.ContactMaxLength);
        b.Property(p => p.ContactEmail).HasMaxLength(Provider.ContactMaxLength);
        b.Property(p => p.ContactPhone).HasMaxLength(Provider.ContactMaxLength);
        AuditColumns.Configure(b);
    }
}
