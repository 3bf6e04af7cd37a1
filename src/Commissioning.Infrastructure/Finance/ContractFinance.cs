using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;

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

    /// <param name="predecessorReference">The predecessor's reference where the caller has read it already (the contract page), so its row is not read again.</param>
    public static async Task<ContractFinance> LoadAsync(CommissioningDbContext db, Contract contract, CancellationToken ct, string? predecessorReference = null)
    {
        var reviews = await db.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == contract.Id)
            .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.ProposedAtUtc).ToListAsync(ct);
        var savings = await db.SavingsTargets.AsNoTracking().Where(s => s.ContractId == contract.Id)
            .OrderBy(s => s.FinancialYearStart).ThenBy(s => s.Id).ToListAsync(ct);
        var funding = await db.FundingPlans.AsNoTracking().Where(f => f.ContractId == contract.Id).ToListAsync(ct);
        var opening = await OpeningAsync(db, contract, reviews, predecessorReference, ct);
        var agreed = reviews.Where(r => r.Status == ReviewStatus.Agreed)
            .Select(r => new AgreedValue(r.Year, r.Annual, r.YearValue, Money.FromPence(r.UpliftPence)));
        var planned = savings.Select(s => new PlannedSaving(s.Year, s.Amount, s.Kind));
        var (current, maximum) = Terms(contract.StartDate, contract.CurrentEndDate, contract.MaximumEndDate, contract.TerminatedOn);
        var schedule = new ValueSchedule(current, maximum, opening, agreed, planned);
        return new ContractFinance(schedule, reviews, savings, funding);
    }

    /// <summary>
    /// A renewal carries on from its predecessor's last agreed year (Persona's 2019/20
    /// £12,393,408); any other contract starts from the value it was let at: the value entered when
    /// it was created (its opening entry), else its annual value. The opening entry comes first
    /// because a variation changes the annual value later, and the first year's baseline is the
    /// value the contract started at, not what it was varied to.
    /// </summary>
    private static async Task<OpeningBaseline?> OpeningAsync(CommissioningDbContext db, Contract contract, IReadOnlyList<AnnualValueReview> reviews,
        string? predecessorReference, CancellationToken ct)
    {
        PredecessorValue? last = null;
        if (contract.PredecessorId is { } pid)
        {
            var agreed = db.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == pid && r.Status == ReviewStatus.Agreed)
                .OrderByDescending(r => r.FinancialYearStart);
            last = predecessorReference is { } reference
                ? await agreed.Select(r => new PredecessorValue(reference, r.FinancialYearStart, r.AnnualPence)).FirstOrDefaultAsync(ct)
                : await (from r in agreed
                         join c in db.Contracts on r.ContractId equals c.Id
                         select new PredecessorValue(c.Reference, r.FinancialYearStart, r.AnnualPence)).FirstOrDefaultAsync(ct);
        }
        // The contract's own reviews are all in hand: its opening entry is among them (the rule of OpeningEntries).
        var entered = reviews.Where(IsOpeningEntry).OrderBy(r => r.FinancialYearStart).ThenBy(r => r.Id).Select(r => (long?)r.AnnualPence).FirstOrDefault();
        return Opening(last, entered, contract.AnnualValuePence);
    }

    private static bool IsOpeningEntry(AnnualValueReview r) =>
        r.Origin == ReviewOrigin.OpeningEntry && r.Status is ReviewStatus.Agreed or ReviewStatus.Superseded;

    /// <summary>
    /// The terms a schedule runs over: the current and maximum terms, both cut at the last day of a
    /// contract terminated early, so no year after it is counted or projected.
    /// </summary>
    public static (DateRange Current, DateRange Maximum) Terms(DateOnly start, DateOnly currentEnd, DateOnly maximumEnd, DateOnly? terminatedOn) =>
        terminatedOn is { } t && t < currentEnd && t >= start
            ? (new DateRange(start, t), new DateRange(start, t))
            : (new DateRange(start, currentEnd), new DateRange(start, maximumEnd));

    /// <summary>A predecessor's last agreed year, where a renewal's values start.</summary>
    public sealed record PredecessorValue(string Reference, int Year, long AnnualPence);

    /// <summary>Opening entries still on record: agreed, or superseded by a later review of the same year (as <see cref="IsOpeningEntry"/>).</summary>
    public static IQueryable<AnnualValueReview> OpeningEntries(CommissioningDbContext db) =>
        db.AnnualValueReviews.Where(r => r.Origin == ReviewOrigin.OpeningEntry && (r.Status == ReviewStatus.Agreed || r.Status == ReviewStatus.Superseded));

    /// <summary>The opening rule of <see cref="OpeningAsync"/> on figures already read (the portfolio reads them for every contract at once).</summary>
    public static OpeningBaseline? Opening(PredecessorValue? predecessor, long? enteredPence, long? annualValuePence)
    {
        if (predecessor is { } p)
        {
            var year = new FinancialYear(p.Year);
            return new OpeningBaseline(Money.FromPence(p.AnnualPence), year, $"{p.Reference}'s agreed value for {year}");
        }
        if (enteredPence is { } e) return new OpeningBaseline(Money.FromPence(e), null, "the value entered when the contract was created");
        return annualValuePence is { } v ? new OpeningBaseline(Money.FromPence(v), null, "the annual value the contract was let at") : null;
    }
}
