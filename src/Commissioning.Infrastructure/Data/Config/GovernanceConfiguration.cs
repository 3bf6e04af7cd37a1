using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class DecisionBodyConfiguration : IEntityTypeConfiguration<DecisionBody>
{
    public void Configure(EntityTypeBuilder<DecisionBody> b)
    {
        b.ToTable("DecisionBodies");
        b.Property(d => d.Name).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
        b.HasIndex(d => d.Name).IsUnique();
        b.Ignore(d => d.IsSinglePerson);
        AuditColumns.Configure(b);
    }
}

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

/// <summary>A contract decision and its governance route, one row per step.</summary>
internal sealed class ContractDecisionConfiguration : IEntityTypeConfiguration<ContractDecision>
{
    public void Configure(EntityTypeBuilder<ContractDecision> b)
    {
        b.ToTable("ContractDecisions");
        b.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(ContractDecision.TitleMaxLength).IsRequired();
        b.Property(d => d.DecisionReference).HasMaxLength(ContractDecision.ReferenceMaxLength);
        b.Property(d => d.ForwardPlanReference).HasMaxLength(ContractDecision.ReferenceMaxLength);
        b.Ignore(d => d.IsApproved);
        b.Ignore(d => d.ApprovedOn);
        b.HasIndex(d => d.ContractId);

        b.OwnsMany(d => d.Steps, o =>
        {
            o.ToTable("RouteSteps");
            o.WithOwner().HasForeignKey("ContractDecisionId");
            o.HasKey(s => s.Id);
            o.Property(s => s.Id).ValueGeneratedOnAdd();
            o.Property(s => s.BodyName).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
            o.Property(s => s.Minute).HasMaxLength(ContractDecision.MinuteMaxLength);
            o.Ignore(s => s.IsApprovalStep);
            o.Ignore(s => s.HasOutcome);
            o.HasOne<DecisionBody>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
            // The forward plan looks for pending approval steps by date.
            o.HasIndex(s => s.Date);
        });
        b.Navigation(d => d.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}

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

/// <summary>A list of records as a JSON array in a text column; enums by name, as in the other columns.</summary>
internal sealed class JsonListConverter<T>() : ValueConverter<IReadOnlyList<T>, string>(
    v => JsonSerializer.Serialize(v, JsonLists.Options),
    s => JsonSerializer.Deserialize<List<T>>(s, JsonLists.Options) ?? new List<T>());

/// <summary>Compares the lists item by item (records compare by value), so an edit in place is noticed.</summary>
internal sealed class JsonListComparer<T>() : ValueComparer<IReadOnlyList<T>>(
    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
    v => v.ToList());

internal static class JsonLists
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
