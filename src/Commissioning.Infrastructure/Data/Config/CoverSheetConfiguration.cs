using Commissioning.Domain.Governance;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>
/// A cover sheet and its versions, one row per version. The lists inside a version (recommendations,
/// strategic objectives, Implications answers, Governance and Reporting rows) are values, not things
/// with an identity, so each is a JSON text column on the version's row, the same on SQLite and SQL
/// Server. Why not owned entities (tables or ToJson): a new version shares the last one's answer and
/// row instances, which EF cannot track under two owners; EF Core 10's complex collections would fit
/// but are not allowed inside an owned type; and a change to a column of the version, unlike a change
/// two levels down, moves the sheet's version token and is audited (AuditTrail).
/// </summary>
internal sealed class CoverSheetConfiguration : IEntityTypeConfiguration<CoverSheet>
{
    // One draft per sheet: the next version starts only once the last is issued.
    public const string DraftOnly = "[Status] = 'Draft'";

    public void Configure(EntityTypeBuilder<CoverSheet> b)
    {
        b.ToTable("CoverSheets");
        b.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContractDecision>().WithMany().HasForeignKey(s => s.ContractDecisionId).OnDelete(DeleteBehavior.Restrict);
        // One cover sheet per agenda item (an owned row, so an index rather than a foreign key).
        b.HasIndex(s => s.AgendaItemId).IsUnique();
        b.HasIndex(s => s.ContractDecisionId);
        b.Ignore(s => s.Current);
        b.Ignore(s => s.Draft);
        b.Ignore(s => s.LatestIssued);
        b.Ignore(s => s.IssuedVersions);
        b.Ignore(s => s.HasBeenIssued);

        b.OwnsMany(s => s.Versions, o =>
        {
            o.ToTable("CoverSheetVersions");
            o.WithOwner().HasForeignKey("CoverSheetId");
            o.HasKey(v => v.Id);
            o.Property(v => v.Id).ValueGeneratedOnAdd();
            o.HasIndex("CoverSheetId", nameof(CoverSheetVersion.Number)).IsUnique();
            o.HasIndex("CoverSheetId").IsUnique().HasFilter(DraftOnly).HasDatabaseName("IX_CoverSheetVersions_OneDraft");
            o.Ignore(v => v.IsIssued);
            o.Ignore(v => v.Content);
            o.Property(v => v.MeetingTitle).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
            o.Property(v => v.ItemNumber).HasMaxLength(AgendaItem.NumberMaxLength);
            o.Property(v => v.ConfidentialReason).HasMaxLength(CoverSheetVersion.AnswerMaxLength);
            o.Property(v => v.Title).HasMaxLength(CoverSheetVersion.TitleMaxLength).IsRequired();
            o.Property(v => v.PresentedBy).HasMaxLength(CoverSheetVersion.NameMaxLength).IsRequired();
            o.Property(v => v.Author).HasMaxLength(CoverSheetVersion.NameMaxLength).IsRequired();
            o.Property(v => v.ClinicalLead).HasMaxLength(CoverSheetVersion.NameMaxLength);
            o.Property(v => v.CouncilLead).HasMaxLength(CoverSheetVersion.NameMaxLength);
            o.Property(v => v.ExecutiveSummary).HasMaxLength(CoverSheetVersion.SummaryMaxLength).IsRequired();
            o.Property(v => v.AssuranceFrameworkRisk).HasMaxLength(CoverSheetVersion.AnswerMaxLength);
            o.Property(v => v.AdditionalDetails).HasMaxLength(CoverSheetVersion.AnswerMaxLength);
            o.Property(v => v.IssuedById).HasMaxLength(450);
            o.Property(v => v.IssuedBy).HasMaxLength(256);

            o.PrimitiveCollection(v => v.Recommendations).HasField("_recommendations").UsePropertyAccessMode(PropertyAccessMode.Field);
            o.PrimitiveCollection(v => v.StrategicObjectives).HasField("_strategicObjectives").UsePropertyAccessMode(PropertyAccessMode.Field);
            o.Property(v => v.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(new JsonListConverter<ImplicationAnswer>(), new JsonListComparer<ImplicationAnswer>()).IsRequired();
            o.Property(v => v.Governance).HasField("_governance").UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(new JsonListConverter<GovernanceRow>(), new JsonListComparer<GovernanceRow>()).HasColumnName("GovernanceRows").IsRequired();
        });
        b.Navigation(s => s.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}
