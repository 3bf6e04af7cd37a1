using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Finance;

/// <summary>Everything the finance side holds for one contract, read in one go.</summary>
public sealed record ContractFinance(
    ValueSchedule Schedule,
    IReadOnlyList<AnnualValueReview> Reviews,
    IReadOnlyList<SavingsTarget> Savings,
    IReadOnlyList<FundingPlan> Funding)
{
    public AnnualValueReview? AgreedFor(FinancialYear year) =>
        Reviews.FirstOrDefault(r => r.FinancialYearStart == year.StartYear && r.Status == ReviewStatus.Agreed);

    public AnnualValueReview? OpenFor(FinancialYear year) =>
        Reviews.FirstOrDefault(r => r.FinancialYearStart == year.StartYear && r.Status == ReviewStatus.Proposed);

    public FundingPlan? FundingFor(FinancialYear year) => Funding.FirstOrDefault(f => f.FinancialYearStart == year.StartYear);

    public static async Task<ContractFinance> LoadAsync(CommissioningDbContext db, Contract contract, CancellationToken ct)
    {
        var reviews = await db.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == contract.Id)
            .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.ProposedAtUtc).ToListAsync(ct);
        var savings = await db.SavingsTargets.AsNoTracking().Where(s => s.ContractId == contract.Id)
            .OrderBy(s => s.FinancialYearStart).ThenBy(s => s.Id).ToListAsync(ct);
        var funding = await db.FundingPlans.AsNoTracking().Where(f => f.ContractId == contract.Id).ToListAsync(ct);
        var opening = await OpeningAsync(db, contract, ct);
        var agreed = reviews.Where(r => r.Status == ReviewStatus.Agreed)
            .Select(r => new AgreedValue(r.Year, r.Annual, r.YearValue, Money.FromPence(r.UpliftPence)));
        var planned = savings.Select(s => new PlannedSaving(s.Year, s.Amount, s.Kind));
        var schedule = new ValueSchedule(contract.CurrentTerm, contract.MaximumTerm, opening, agreed, planned);
        return new ContractFinance(schedule, reviews, savings, funding);
    }

    /// <summary>
    /// A renewal carries on from its predecessor's last agreed year (Persona's 2019/20
    /// £12,393,408); otherwise the contract starts from the annual value it was let at.
    /// </summary>
    private static async Task<OpeningBaseline?> OpeningAsync(CommissioningDbContext db, Contract contract, CancellationToken ct)
    {
        if (contract.PredecessorId is { } pid)
        {
            var last = await db.AnnualValueReviews.AsNoTracking()
                .Where(r => r.ContractId == pid && r.Status == ReviewStatus.Agreed)
                .OrderByDescending(r => r.FinancialYearStart)
                .Select(r => new { r.FinancialYearStart, r.AnnualPence })
                .FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                var reference = await db.Contracts.Where(c => c.Id == pid).Select(c => c.Reference).FirstAsync(ct);
                var year = new FinancialYear(last.FinancialYearStart);
                return new OpeningBaseline(Money.FromPence(last.AnnualPence), year, $"{reference}'s agreed value for {year}");
            }
        }
        return contract.AnnualValue is { } v ? new OpeningBaseline(v, null, "the annual value the contract was let at") : null;
    }
}
