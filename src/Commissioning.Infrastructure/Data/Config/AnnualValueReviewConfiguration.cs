using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class AnnualValueReviewConfiguration : IEntityTypeConfiguration<AnnualValueReview>
{
    // Square brackets quote a name in both SQL Server and SQLite, so one filter serves both.
    public const string AgreedOnly = "[Status] = 'Agreed'";
    public const string OpenOnly = "[Status] = 'Proposed'";

    public void Configure(EntityTypeBuilder<AnnualValueReview> b)
    {
        b.ToTable("AnnualValueReviews");
        b.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        // The database holds the rules "one agreed value per year" and "one open review per year",
        // so two finance officers agreeing at once cannot both succeed.
        b.HasIndex(r => new { r.ContractId, r.FinancialYearStart }, "IX_AnnualValueReviews_OneAgreedPerYear").IsUnique().HasFilter(AgreedOnly);
        b.HasIndex(r => new { r.ContractId, r.FinancialYearStart }, "IX_AnnualValueReviews_OneOpenPerYear").IsUnique().HasFilter(OpenOnly);
        // A contract's reviews (the contract page, a renewal's opening value): the filtered indexes above cannot serve
        // a query that asks for every status, so without this one it scans the table (139 ms at 10k contracts).
        b.HasIndex(r => new { r.ContractId, r.FinancialYearStart });
        // The year sums (finance portfolio, reviews due): agreed reviews of a year, by contract, and their value, read
        // from the index alone. Key columns rather than SQL Server's INCLUDE, so that one model covers on SQLite too
        // (SQLite has no INCLUDE) and the rows of a year come in contract order (decision 0028).
        b.HasIndex(r => new { r.FinancialYearStart, r.Status, r.ContractId, r.YearValuePence }, "IX_AnnualValueReviews_YearSums");
        b.Ignore(r => r.Year);
        b.Ignore(r => r.Annual);
        b.Ignore(r => r.YearValue);
        b.Ignore(r => r.PartYear);
        b.Ignore(r => r.Factors);
        b.Property(r => r.UpliftPercent).HasPrecision(7, 3);
        b.Property(r => r.Narrative).HasMaxLength(AnnualValueReview.NarrativeMaxLength).IsRequired();
        b.Property(r => r.EstimateWorking).HasMaxLength(4000);
        b.Property(r => r.ProposedById).HasMaxLength(450).IsRequired();
        b.Property(r => r.ProposedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.DecidedById).HasMaxLength(450);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.DecisionNote).HasMaxLength(AnnualValueReview.NoteMaxLength);
        AuditColumns.Configure(b);
    }
}
