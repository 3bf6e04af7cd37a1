using Commissioning.Domain.Governance;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>A meeting and its agenda; agenda items keep their own ids, as cover sheets point at them.</summary>
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.HasOne<DecisionBody>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.BodyName).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
        b.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        b.HasIndex(m => new { m.BodyId, m.Date });
        b.HasIndex(m => m.Date);

        b.OwnsMany(m => m.Agenda, o =>
        {
            o.ToTable("AgendaItems");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey(i => i.Id);
            o.Property(i => i.Id).ValueGeneratedOnAdd();
            o.Property(i => i.Number).HasMaxLength(AgendaItem.NumberMaxLength);
            o.Property(i => i.Title).HasMaxLength(ContractDecision.TitleMaxLength).IsRequired();
            o.HasOne<ContractDecision>().WithMany().HasForeignKey(i => i.ContractDecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}
