using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Finance;

/// <param name="ResponsibleCommissioner">The commissioner's name as pages show it (see <see cref="People.Commissioner"/>).</param>
/// <param name="ResponsibleCommissionerId">Their account id, for "my contracts"; null while a historic name stands in.</param>
public sealed record ReviewDue(int ContractId, string Reference, string Title, string ResponsibleCommissioner, FinancialYear Year, bool HasOpenReview,
    string? ResponsibleCommissionerId = null)
{
    /// <summary>The year has begun with no agreed value: the contract is being paid on nothing agreed.</summary>
    public bool IsOverdue(DateOnly today) => Year.Start <= today;
}

/// <summary>
/// Contracts in force this year or next whose year has no agreed value, the soonest first. A
/// year already under way with no agreed value is overdue and comes before next year's.
/// </summary>
public static class ReviewsDue
{
    public static async Task<IReadOnlyList<ReviewDue>> ListAsync(CommissioningDbContext db, DateOnly today, CancellationToken ct)
    {
        var thisYear = FinancialYear.Containing(today);
        var nextYear = thisYear.Next;
        var windowEnd = nextYear.End;
        var contracts = await db.Contracts.AsNoTracking()
            // A contract withdrawn as entered in error is due nothing.
            .Where(c => c.WithdrawnAtUtc == null)
            .Where(c => c.AwardedOn != null && c.StartDate <= windowEnd && c.CurrentEndDate >= thisYear.Start
                        && (c.TerminatedOn == null || c.TerminatedOn >= thisYear.Start))
            .Select(c => new
            {
                c.Id, c.Reference, c.Title, c.ResponsibleCommissionerId, c.HistoricCommissionerName, c.StartDate, c.CurrentEndDate, c.TerminatedOn,
                SuccessorStart = db.Contracts.Where(s => s.PredecessorId == c.Id).Select(s => (DateOnly?)s.StartDate).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var reviews = await db.AnnualValueReviews.AsNoTracking()
            .Where(r => r.FinancialYearStart >= thisYear.StartYear && r.FinancialYearStart <= nextYear.StartYear
                        && (r.Status == ReviewStatus.Agreed || r.Status == ReviewStatus.Proposed))
            .Select(r => new { r.ContractId, r.FinancialYearStart, r.Status })
            .ToListAsync(ct);
        var agreed = reviews.Where(r => r.Status == ReviewStatus.Agreed).Select(r => (r.ContractId, r.FinancialYearStart)).ToHashSet();
        var open = reviews.Where(r => r.Status == ReviewStatus.Proposed).Select(r => (r.ContractId, r.FinancialYearStart)).ToHashSet();

        var people = await People.NamesAsync(db, ct);
        var due = new List<ReviewDue>();
        foreach (var c in contracts)
        {
            var lastDay = c.TerminatedOn is { } t && t < c.CurrentEndDate ? t : c.CurrentEndDate;
            if (c.SuccessorStart is { } s && s.AddDays(-1) < lastDay) lastDay = s.AddDays(-1);
            if (lastDay < c.StartDate) continue;
            var term = new DateRange(c.StartDate, lastDay);
            var year = new[] { thisYear, nextYear }.FirstOrDefault(y => term.Overlaps(y.Range) && !agreed.Contains((c.Id, y.StartYear)));
            if (year == default) continue;
            due.Add(new ReviewDue(c.Id, c.Reference, c.Title, People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName),
                year, open.Contains((c.Id, year.StartYear)), c.ResponsibleCommissionerId));
        }
        return due.OrderBy(d => d.Year.StartYear).ThenBy(d => d.Reference, StringComparer.Ordinal).ToList();
    }
}
