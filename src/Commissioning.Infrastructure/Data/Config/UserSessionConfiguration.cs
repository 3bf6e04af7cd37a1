using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(UserSession.IdLength).IsUnicode(false);
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.Client).HasMaxLength(UserSession.ClientMaxLength).IsRequired();
        // A user's sessions go with the user.
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}
