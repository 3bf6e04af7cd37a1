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
        b.Property(m => m.Venue).HasMaxLength(Meeting.VenueMaxLength);
        b.Property(m => m.OnlineLink).HasMaxLength(Meeting.OnlineLinkMaxLength);
        b.Property(m => m.Chair).HasMaxLength(Meeting.PersonMaxLength);
        // Names as the minutes list them, in their order: values of the meeting, not rows of their own.
        b.PrimitiveCollection(m => m.Present).HasField("_present").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.PrimitiveCollection(m => m.Apologies).HasField("_apologies").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(m => m.Agenda, o =>
        {
            o.ToTable("AgendaItems");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey(i => i.Id);
            o.Property(i => i.Id).ValueGeneratedOnAdd();
            o.Property(i => i.Number).HasMaxLength(AgendaItem.NumberMaxLength);
            o.Property(i => i.Title).HasMaxLength(ContractDecision.TitleMaxLength).IsRequired();
            o.Property(i => i.Presenter).HasMaxLength(Meeting.PersonMaxLength);
            o.Property(i => i.MinuteText).HasMaxLength(AgendaItem.MinuteMaxLength);
            o.Property(i => i.Declarations).HasField("_declarations").UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(new JsonListConverter<DeclarationOfInterest>(), new JsonListComparer<DeclarationOfInterest>()).IsRequired();
            o.HasOne<ContractDecision>().WithMany().HasForeignKey(i => i.ContractDecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}
