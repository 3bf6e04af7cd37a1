using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance.Reviews;

/// <summary>The finance officer's queue: reviews waiting for agreement, then the years with no agreed value.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    public sealed record Waiting(int Id, int ContractId, string Reference, string Title, FinancialYear Year, Money Annual, string ProposedBy, DateTime ProposedAtUtc);

    public IReadOnlyList<Waiting> Open { get; private set; } = [];
    public IReadOnlyList<ReviewDue> Due { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = await db.AnnualValueReviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Proposed)
            .Join(db.Contracts, r => r.ContractId, c => c.Id, (r, c) => new { r.Id, r.ContractId, c.Reference, c.Title, r.FinancialYearStart, r.AnnualPence, r.ProposedBy, r.ProposedAtUtc })
            .OrderBy(x => x.FinancialYearStart).ThenBy(x => x.ProposedAtUtc)
            .ToListAsync(ct);
        Open = open.Select(x => new Waiting(x.Id, x.ContractId, x.Reference, x.Title, new FinancialYear(x.FinancialYearStart), Money.FromPence(x.AnnualPence), x.ProposedBy, x.ProposedAtUtc)).ToList();
        Due = await ReviewsDue.ListAsync(db, clock.Today, ct);
    }
}
