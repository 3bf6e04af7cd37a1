using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class UserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        // Identity's own lengths, named here so the forms check the same number.
        b.Property(u => u.Email).HasMaxLength(ApplicationUser.EmailMaxLength);
        b.Property(u => u.NormalizedEmail).HasMaxLength(ApplicationUser.EmailMaxLength);
        b.Property(u => u.UserName).HasMaxLength(ApplicationUser.EmailMaxLength);
        b.Property(u => u.NormalizedUserName).HasMaxLength(ApplicationUser.EmailMaxLength);
    }
}
