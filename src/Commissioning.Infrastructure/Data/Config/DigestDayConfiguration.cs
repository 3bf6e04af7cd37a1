using Commissioning.Infrastructure.KeyDates;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class DigestDayConfiguration : IEntityTypeConfiguration<DigestDay>
{
    public void Configure(EntityTypeBuilder<DigestDay> b)
    {
        b.ToTable("DigestDays");
        // The day is the key: the unique constraint is what makes the claim first-insert-wins across instances.
        b.HasKey(d => d.Day);
        b.Property(d => d.ClaimedBy).HasMaxLength(DigestDay.ClaimedByMaxLength).IsRequired();
    }
}
