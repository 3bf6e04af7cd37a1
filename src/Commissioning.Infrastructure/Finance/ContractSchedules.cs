using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Finance;

/// <summary>
/// A contract as the portfolio groups it, with the projected values its value schedule gives (the
/// figures its own page shows). Only the projections are kept, not the whole schedule: the
/// portfolio holds one of these for every contract between requests (<see cref="ScheduleCache"/>).
/// </summary>
public sealed record ScheduledContract(int Id, string Reference, string Form, ServiceCategory Category, string Directorate,
    string Provider, IReadOnlyDictionary<int, Money> Projections)
{
    /// <summary>
    /// The year's projected value in the year, as the contract's page shows it. Null for a year
    /// with an agreed value or no value, beyond the current term (an option not yet exercised) or
    /// after a termination, and for a contract never awarded: none of those is money to forecast.
    /// </summary>
    public Money? ProjectedIn(FinancialYear year) => Projections.TryGetValue(year.StartYear, out var value) ? value : null;

    /// <summary>The value over the current term as the contract's page totals it: agreed years as agreed, the rest projected.</summary>
    public Money CurrentTermTotal { get; init; }

    /// <summary>The contract's first day, and its last (its current end, or an earlier termination).</summary>
    public DateOnly Start { get; init; }
    public DateOnly LastDay { get; init; }

    /// <summary>Each year's annual value in pence, agreed or projected (the schedule's Annual column); a year with none is absent.</summary>
    public IReadOnlyDictionary<int, long> Annuals { get; init; } = new Dictionary<int, long>();

    /// <summary>
    /// The register's figure (<see cref="CurrentYearValue"/>): the annual value of <paramref name="current"/>, or of the
    /// contract's first or last year when it is not in force in it; null when none is known. The register sorts by it.
    /// </summary>
    public long? RegisterPence(FinancialYear current) =>
        Annuals.TryGetValue(CurrentYearValue.YearFor(current, Start, LastDay).Year.StartYear, out var pence) ? pence : null;

    public static ScheduledContract Of(int id, string reference, string form, ServiceCategory category, string directorate, string provider,
        bool awarded, ValueSchedule schedule, DateOnly start, DateOnly lastDay) =>
        new(id, reference, form, category, directorate, provider, awarded
            ? schedule.Rows.Where(r => r is { Source: ValueSource.Projected, BeyondCurrentTerm: false, YearValue: not null })
                .ToDictionary(r => r.Year.StartYear, r => r.YearValue!.Value)
            : new Dictionary<int, Money>())
        {
            CurrentTermTotal = schedule.CurrentTermTotal,
            Start = start,
            LastDay = lastDay,
            Annuals = schedule.Rows.Where(r => r.Annual is not null).ToDictionary(r => r.Year.StartYear, r => r.Annual!.Value.Pence),
        };
}

/// <summary>
/// Every contract's value schedule at once, for the portfolio's forecast: a handful of queries
/// whatever the number of contracts, then <see cref="ValueSchedule"/> in memory, so a projection
/// here is exactly the one on the contract's page.
/// </summary>
public static class ContractSchedules
{
    public const string NoProvider = "No provider recorded";

    public static async Task<IReadOnlyList<ScheduledContract>> LoadAsync(CommissioningDbContext db, CancellationToken ct)
    {
        var contracts = await (from c in db.Contracts.AsNoTracking()
                               join d in db.Directorates on c.DirectorateId equals d.Id
                               join p in db.Providers on c.ProviderId equals (int?)p.Id into ps
                               from p in ps.DefaultIfEmpty()
                               select new
                               {
                                   c.Id, c.Reference, Form = EF.Property<string>(c, ContractQueries.FormColumn), c.ServiceCategory, Directorate = d.Name,
                                   Provider = p == null ? NoProvider : p.Name, c.AwardedOn, c.StartDate, c.CurrentEndDate, c.MaximumEndDate,
                                   c.TerminatedOn, c.AnnualValuePence, c.PredecessorId, Withdrawn = c.WithdrawnAtUtc != null,
                               }).ToListAsync(ct);
        var agreed = (await db.AnnualValueReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Agreed)
                .Select(r => new { r.ContractId, r.FinancialYearStart, r.AnnualPence, r.YearValuePence, r.UpliftPence }).ToListAsync(ct))
            .ToLookup(r => r.ContractId);
        var entered = (await ContractFinance.OpeningEntries(db).AsNoTracking()
                .Select(r => new { r.ContractId, r.FinancialYearStart, r.Id, r.AnnualPence }).ToListAsync(ct))
            .ToLookup(r => r.ContractId);
        var savings = (await db.SavingsTargets.AsNoTracking().Where(s => s.Kind == SavingsKind.CashableReduction)
                .Select(s => new { s.ContractId, s.FinancialYearStart, s.AmountPence }).ToListAsync(ct))
            .ToLookup(s => s.ContractId);
        var references = contracts.ToDictionary(c => c.Id, c => c.Reference);

        var result = new List<ScheduledContract>();
        foreach (var c in contracts.Where(c => !c.Withdrawn))
        {
            var last = c.PredecessorId is { } pid && agreed[pid].MaxBy(r => r.FinancialYearStart) is { } l
                ? new ContractFinance.PredecessorValue(references[pid], l.FinancialYearStart, l.AnnualPence)
                : null;
            var first = entered[c.Id].OrderBy(r => r.FinancialYearStart).ThenBy(r => r.Id).FirstOrDefault();
            var (current, maximum) = ContractFinance.Terms(c.StartDate, c.CurrentEndDate, c.MaximumEndDate, c.TerminatedOn);
            var schedule = new ValueSchedule(current, maximum,
                ContractFinance.Opening(last, first?.AnnualPence, c.AnnualValuePence),
                agreed[c.Id].Select(r => new AgreedValue(new FinancialYear(r.FinancialYearStart), Money.FromPence(r.AnnualPence),
                    Money.FromPence(r.YearValuePence), Money.FromPence(r.UpliftPence))),
                savings[c.Id].Select(s => new PlannedSaving(new FinancialYear(s.FinancialYearStart), Money.FromPence(s.AmountPence), SavingsKind.CashableReduction)));
            result.Add(ScheduledContract.Of(c.Id, c.Reference, c.Form, c.ServiceCategory, c.Directorate, c.Provider, c.AwardedOn is not null, schedule,
                c.StartDate, c.TerminatedOn ?? c.CurrentEndDate));
        }
        return result;
    }
}
