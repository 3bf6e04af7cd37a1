using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
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

/// <summary>One row of <see cref="ReviewsDue.Query"/>, as the database gives it (names are looked up after).</summary>
public sealed class ReviewDueRow
{
    public int ContractId { get; init; }
    public string Reference { get; init; } = "";
    public string Title { get; init; } = "";
    public string? ResponsibleCommissionerId { get; init; }
    public string? HistoricCommissionerName { get; init; }
    public int YearStart { get; init; }
    public bool HasOpenReview { get; init; }
}

/// <summary>
/// Contracts in force this year or next whose year has no agreed value, the soonest first. A
/// year already under way with no agreed value is overdue and comes before next year's.
/// </summary>
public static class ReviewsDue
{
    /// <summary>Every review due in the register (the finance page's list).</summary>
    public static async Task<IReadOnlyList<ReviewDue>> ListAsync(CommissioningDbContext db, DateOnly today, CancellationToken ct) =>
        ToReviews(await Query(db, db.Contracts.WhereNotWithdrawn(), today).ToListAsync(ct), await People.NamesAsync(db, ct));

    /// <summary>
    /// The reviews due among <paramref name="contracts"/>, selected and ordered by the database (year, then reference),
    /// so a page can count them and read one page of them. A contract is in force in a year from its start to its last
    /// day: its termination, or the day before its renewal starts, if either comes before its current end. The year due is
    /// the first of this year and next it is in force in with no agreed value.
    /// </summary>
    public static IQueryable<ReviewDueRow> Query(CommissioningDbContext db, IQueryable<Contract> contracts, DateOnly today)
    {
        var thisYear = FinancialYear.Containing(today);
        var nextYear = thisYear.Next;
        var (thisStart, thisEnd, thisStartYear) = (thisYear.Start, thisYear.End, thisYear.StartYear);
        var (nextStart, nextEnd, nextStartYear) = (nextYear.Start, nextYear.End, nextYear.StartYear);
        var agreed = db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed);
        // The renewal and the year's agreed values are joined, not looked up where they are used: each is used several
        // times below, and a look-up is repeated in the SQL wherever it is used (20 look-ups a contract, 75 ms at 10,000
        // contracts; joined, one seek each). None of the joins adds rows: a contract has at most one renewal
        // (IX_Contracts_PredecessorId) and at most one agreed value a year (IX_AnnualValueReviews_OneAgreedPerYear).
        // A termination is never after the current end (Contract.Terminate), so the last day before any renewal is the one or the other,
        // and a contract in force this year or next has a current end on or after this year's start: said first, so the
        // database reads only those contracts (IX_Contracts_CurrentEndDate), not every one twice over (one pass per year).
        // "The day before the renewal starts is on or after D" is written "the renewal starts after D": no date arithmetic in SQL.
        var rows =
            from c in contracts
            where c.AwardedOn != null && c.CurrentEndDate >= thisStart
            join s in db.Contracts on (int?)c.Id equals s.PredecessorId into renewals
            from s in renewals.DefaultIfEmpty()
            join at in agreed.Where(r => r.FinancialYearStart == thisStartYear) on c.Id equals at.ContractId into agreedThis
            from at in agreedThis.DefaultIfEmpty()
            join an in agreed.Where(r => r.FinancialYearStart == nextStartYear) on c.Id equals an.ContractId into agreedNext
            from an in agreedNext.DefaultIfEmpty()
            let lastDay = c.TerminatedOn ?? c.CurrentEndDate
            let renewal = s == null ? null : (DateOnly?)s.StartDate
            let inForce = lastDay >= c.StartDate && (renewal == null || renewal > c.StartDate)
            let dueThis = inForce && c.StartDate <= thisEnd && lastDay >= thisStart && (renewal == null || renewal > thisStart) && at == null
            let dueNext = inForce && c.StartDate <= nextEnd && lastDay >= nextStart && (renewal == null || renewal > nextStart) && an == null
            where dueThis || dueNext
            let year = dueThis ? thisStartYear : nextStartYear
            orderby year, c.Reference
            select new ReviewDueRow
            {
                ContractId = c.Id, Reference = c.Reference, Title = c.Title,
                ResponsibleCommissionerId = c.ResponsibleCommissionerId, HistoricCommissionerName = c.HistoricCommissionerName,
                YearStart = year,
                // Looked up for the rows read only (a count has no use for it).
                HasOpenReview = db.AnnualValueReviews.Any(r => r.ContractId == c.Id && r.FinancialYearStart == year && r.Status == ReviewStatus.Proposed),
            };
        return rows;
    }

    public static IReadOnlyList<ReviewDue> ToReviews(IEnumerable<ReviewDueRow> rows, IReadOnlyDictionary<string, string> people) =>
        rows.Select(r => new ReviewDue(r.ContractId, r.Reference, r.Title, People.Commissioner(people, r.ResponsibleCommissionerId, r.HistoricCommissionerName),
            new FinancialYear(r.YearStart), r.HasOpenReview, r.ResponsibleCommissionerId)).ToList();
}
