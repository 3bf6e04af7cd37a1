using System.Linq.Expressions;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Queries the register, its search and its reports share: in the database, with the domain's rules where they decide
/// what is listed (a contract's status, its value this year).
/// </summary>
public static class ContractQueries
{
    public const string FormColumn = Config.ContractConfiguration.FormColumn;

    /// <summary>Contracts still in the register: not withdrawn as entered in error. Lists, searches and dashboards start here.</summary>
    public static IQueryable<Contract> WhereNotWithdrawn(this IQueryable<Contract> query) => query.Where(c => c.WithdrawnAtUtc == null);

    public static IQueryable<Contract> WhereForm(this IQueryable<Contract> query, CommissioningForm form)
    {
        var name = form.ToString();
        return query.Where(c => EF.Property<string>(c, Config.ContractConfiguration.FormColumn) == name);
    }

    /// <summary>
    /// A contract's status on <paramref name="today"/>, for the database to work out: the domain's one rule
    /// (<see cref="ContractStatusRule.Definition"/>) applied to the contract's columns, its successor's start taken from
    /// <paramref name="all"/> (the contracts that may renew it). Use it as <c>Status.Invoke(c, all, today)</c> in a query
    /// and call <see cref="QueryInlining.Expand{T}"/> on that query.
    /// </summary>
    public static readonly Expression<Func<Contract, IQueryable<Contract>, DateOnly, ContractStatus>> Status =
        (c, all, today) => ContractStatusRule.Definition.Invoke(today, c.AwardedOn, c.StartDate, c.CurrentEndDate, c.TerminatedOn,
            // The earliest start of its renewals (there is at most one): superseded once any of them has started.
            all.Where(n => n.PredecessorId == c.Id).Min(n => (DateOnly?)n.StartDate));

    public static IQueryable<Contract> WhereStatus(this IQueryable<Contract> query, IQueryable<Contract> all, ContractStatus status, DateOnly today) =>
        query.Where(c => Status.Invoke(c, all, today) == status).Expand();

    /// <summary>
    /// Each contract with its value for the current financial year, worked out by the database so the
    /// register can sort and page by it: <see cref="CurrentYearValue"/>'s rule, written as SQL. The year
    /// is <paramref name="currentYear"/> held within the contract's years in force (start to current end,
    /// or to its termination). Its value is the last agreed annual value at or before that year (else the
    /// opening value) less the cashable savings of the years after it up to that year, never below zero:
    /// an agreed year has no years after it, so its value stands, and any other year is projected as
    /// <see cref="ValueSchedule"/> projects it. Tests hold the two in step.
    /// </summary>
    public static IQueryable<ValuedContract> WithCurrentYearValue(this IQueryable<Contract> contracts, CommissioningDbContext db, int currentYear)
    {
        var agreed = db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed);
        var cashable = db.SavingsTargets.Where(s => s.Kind == SavingsKind.CashableReduction);
        // A date's financial year without a CASE: (12 × year + month − 4) div 12 (March 2027 → 2026, April 2027 → 2027).
        // A termination is never after the current end (Contract.Terminate), so the last day is the one or the other.
        return from c in contracts
               let startYear = (c.StartDate.Year * 12 + c.StartDate.Month - 4) / 12
               let endYear = ((c.TerminatedOn ?? c.CurrentEndDate).Year * 12 + (c.TerminatedOn ?? c.CurrentEndDate).Month - 4) / 12
               let year = currentYear < startYear ? startYear : currentYear > endYear ? endYear : currentYear
               let lastAgreedYear = agreed.Where(r => r.ContractId == c.Id && r.FinancialYearStart <= year).Max(r => (int?)r.FinancialYearStart)
               // With nothing agreed, a renewal opens at its predecessor's last agreed value, any other contract at its
               // annual value. (ContractFinance's opening entry never matters here: an opening entry is its first year's
               // agreed value, or was superseded by one, so that contract always has an agreed year by now.)
               let basePence = lastAgreedYear == null
                   ? agreed.Where(r => r.ContractId == c.PredecessorId).OrderByDescending(r => r.FinancialYearStart).Select(r => (long?)r.AnnualPence).FirstOrDefault()
                     ?? c.AnnualValuePence
                   : agreed.Where(r => r.ContractId == c.Id && r.FinancialYearStart == lastAgreedYear).Select(r => (long?)r.AnnualPence).FirstOrDefault()
               let savedPence = cashable.Where(s => s.ContractId == c.Id && s.FinancialYearStart > (lastAgreedYear ?? startYear - 1) && s.FinancialYearStart <= year)
                   .Sum(s => (long?)s.AmountPence) ?? 0
               select new ValuedContract
               {
                   Contract = c,
                   Year = year,
                   Agreed = lastAgreedYear == year,
                   ValuePence = basePence == null ? null : basePence > savedPence ? basePence - savedPence : 0,
               };
    }
}

/// <summary>A contract with its value for the current financial year (<see cref="ContractQueries.WithCurrentYearValue"/>).</summary>
public sealed class ValuedContract
{
    public Contract Contract { get; init; } = null!;
    /// <summary>The financial year (its starting year) whose value this is.</summary>
    public int Year { get; init; }
    public bool Agreed { get; init; }
    /// <summary>The year's annual value in pence: agreed if <see cref="Agreed"/>, else projected; null when nothing is known.</summary>
    public long? ValuePence { get; init; }
}
