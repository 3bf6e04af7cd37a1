using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Web.Pages.Finance.Reviews;

/// <summary>
/// The finance officer's queue: reviews waiting for agreement, then the years with no agreed value. Each list is
/// counted whole and shown 50 a page (at 10,000 contracts the page was 3.9 MB); the finance portfolio's download has
/// every review due.
/// </summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Waiting(int Id, int ContractId, string Reference, string Title, FinancialYear Year, Money Annual, string ProposedBy, DateTime ProposedAtUtc);

    public IReadOnlyList<Waiting> Open { get; private set; } = [];
    public IReadOnlyList<ReviewDue> Due { get; private set; } = [];
    public int OpenInAll { get; private set; }
    public int DueInAll { get; private set; }
    public Pagination OpenPages { get; private set; } = null!;
    public Pagination DuePages { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = db.AnnualValueReviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Proposed)
            .Join(db.Contracts, r => r.ContractId, c => c.Id, (r, c) => new { r.Id, r.ContractId, c.Reference, c.Title, r.FinancialYearStart, r.AnnualPence, r.ProposedBy, r.ProposedAtUtc })
            .OrderBy(x => x.FinancialYearStart).ThenBy(x => x.ProposedAtUtc).ThenBy(x => x.Id);
        OpenInAll = await open.CountAsync(ct);
        // Each list has its own page number in the address (the other's is kept), and its pager lands on the list.
        OpenPages = Pagination.ForList(Request, OpenInAll, PageSize, "WaitingPage", "Pages of reviews waiting for agreement", "waiting");
        Open = (await open.Skip(OpenPages.Skip(PageSize)).Take(PageSize).ToListAsync(ct))
            .Select(x => new Waiting(x.Id, x.ContractId, x.Reference, x.Title, new FinancialYear(x.FinancialYearStart), Money.FromPence(x.AnnualPence), x.ProposedBy, x.ProposedAtUtc))
            .ToList();

        var due = ReviewsDue.Query(db, db.Contracts.WhereNotWithdrawn(), clock.Today);
        DueInAll = await due.CountAsync(ct);
        DuePages = Pagination.ForList(Request, DueInAll, PageSize, "DuePage", "Pages of reviews due", "reviews-due");
        Due = ReviewsDue.ToReviews(await due.Skip(DuePages.Skip(PageSize)).Take(PageSize).ToListAsync(ct), await People.NamesAsync(db, ct));
    }

    /// <summary>"Showing 51 to 100 of 6,338": where a list's page sits in it.</summary>
    public static string Showing(Pagination pages, int shown, int total) =>
        $"Showing {pages.Skip(PageSize) + 1:N0} to {pages.Skip(PageSize) + shown:N0} of {total:N0}";
}
