using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class PublishedNoticeConfiguration : IEntityTypeConfiguration<PublishedNotice>
{
    public void Configure(EntityTypeBuilder<PublishedNotice> b)
    {
        b.ToTable("PublishedNotices");
        b.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Property(n => n.EventKey).HasMaxLength(PublishedNotice.EventKeyMaxLength).IsRequired();
        b.Property(n => n.NoticeId).HasMaxLength(PublishedNotice.NoticeIdMaxLength).IsRequired();
        b.Ignore(n => n.WasLate);
        // A notice is recorded once for its event: the index refuses a second record that raced past the page's check.
        b.HasIndex(n => new { n.ContractId, n.Kind, n.EventKey }).IsUnique();
        AuditColumns.Configure(b);
    }
}
