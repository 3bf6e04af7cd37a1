using System.Linq.Expressions;
using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Finance;

/// <summary>
/// One group's values in a year (a form, a category, a provider...): agreed, projected, and the
/// forecast that is their sum, with last year's forecast to compare.
/// </summary>
public sealed record GroupTotal(string Key, int Contracts, Money Agreed, Money Projected, Money PreviousForecast)
{
    public Money Forecast => Agreed + Projected;
    public decimal? ChangePercent => PreviousForecast == Money.Zero ? null : (Forecast.Amount - PreviousForecast.Amount) / PreviousForecast.Amount;
}

/// <summary>A year's agreed and projected values across the portfolio; the previous year's forecast is null before the first year shown.</summary>
public sealed record YearTotal(FinancialYear Year, int Contracts, Money Agreed, Money Projected, Money? PreviousForecast)
{
    public Money Forecast => Agreed + Projected;
    public decimal? ChangePercent => PreviousForecast is { } p && p != Money.Zero ? (Forecast.Amount - p.Amount) / p.Amount : null;
}

public sealed record SavingsYear(FinancialYear Year, int Targets, Money Target, Money Delivered, int Reported)
{
    /// <summary>The portfolio's RAG for the year: only once every target has reported delivery.</summary>
    public Rag Rag => Reported < Targets ? Rag.NotReported : SavingsRag.Of(Target, Delivered);
}

public enum PortfolioGrouping { Form, Category, Directorate, Provider }

/// <summary>
/// The finance officer's totals. Agreed values are summed by the database over whole pence
/// (integers), so they are exact; projected values come from each contract's value schedule
/// (<see cref="ContractSchedules"/>), the figures its own page shows, summed in whole pence too.
/// Contracts withdrawn as entered in error count nowhere. Grouping keys come back as stored and are
/// labelled by the page.
/// </summary>
public sealed class Portfolio(CommissioningDbContext db)
{
    private IReadOnlyList<ScheduledContract>? _schedules;

    private IQueryable<AgreedRow> Agreed() =>
        from r in db.AnnualValueReviews
        where r.Status == ReviewStatus.Agreed
        join c in db.Contracts on r.ContractId equals c.Id
        join d in db.Directorates on c.DirectorateId equals d.Id
        where c.WithdrawnAtUtc == null
        join p in db.Providers on c.ProviderId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        select new AgreedRow
        {
            Year = r.FinancialYearStart,
            Pence = r.YearValuePence,
            ContractId = c.Id,
            Form = EF.Property<string>(c, ContractQueries.FormColumn),
            Category = c.ServiceCategory,
            Directorate = d.Name,
            Provider = p == null ? ContractSchedules.NoProvider : p.Name,
        };

    /// <summary>Every contract's schedule, read once per portfolio.</summary>
    public async Task<IReadOnlyList<ScheduledContract>> SchedulesAsync(CancellationToken ct) =>
        _schedules ??= await ContractSchedules.LoadAsync(db, ct);

    /// <summary>
    /// Every financial year any contract in the register covers, from the earliest start to the
    /// latest maximum end, and <paramref name="current"/> and any year with an agreed value.
    /// </summary>
    public async Task<IReadOnlyList<FinancialYear>> YearsAsync(FinancialYear current, CancellationToken ct)
    {
        var first = await db.Contracts.WhereNotWithdrawn().MinAsync(c => (DateOnly?)c.StartDate, ct);
        var last = await db.Contracts.WhereNotWithdrawn().MaxAsync(c => (DateOnly?)c.MaximumEndDate, ct);
        var years = await Agreed().Select(a => a.Year).Distinct().ToListAsync(ct);
        years.Add(current.StartYear);
        if (first is { } f) years.Add(FinancialYear.Containing(f).StartYear);
        if (last is { } l) years.Add(FinancialYear.Containing(l).StartYear);
        return Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(y => new FinancialYear(y)).ToList();
    }

    /// <summary>Agreed, projected and forecast values for each of <paramref name="years"/> (consecutive, in order).</summary>
    public async Task<IReadOnlyList<YearTotal>> ByYearAsync(IReadOnlyList<FinancialYear> years, CancellationToken ct)
    {
        var agreed = (await Agreed().GroupBy(a => a.Year)
            .Select(g => new { Year = g.Key, Contracts = g.Count(), Pence = g.Sum(a => a.Pence) })
            .ToListAsync(ct)).ToDictionary(r => r.Year);
        var schedules = await SchedulesAsync(ct);
        var result = new List<YearTotal>();
        Money? previous = null;
        foreach (var year in years)
        {
            var projected = schedules.Select(s => s.ProjectedIn(year)).Where(v => v is not null).Select(v => v!.Value).ToList();
            var a = agreed.GetValueOrDefault(year.StartYear);
            var total = new YearTotal(year, (a?.Contracts ?? 0) + projected.Count, Money.FromPence(a?.Pence ?? 0), Money.Sum(projected), previous);
            result.Add(total);
            previous = total.Forecast;
        }
        return result;
    }

    public async Task<IReadOnlyList<GroupTotal>> ByAsync(PortfolioGrouping grouping, FinancialYear year, CancellationToken ct)
    {
        var (current, previous) = grouping switch
        {
            PortfolioGrouping.Form => (await SumByAsync(year, a => a.Form, s => s.Form, ct), await SumByAsync(year.Previous, a => a.Form, s => s.Form, ct)),
            PortfolioGrouping.Category => (await SumByAsync(year, a => a.Category, s => s.Category, ct), await SumByAsync(year.Previous, a => a.Category, s => s.Category, ct)),
            PortfolioGrouping.Directorate => (await SumByAsync(year, a => a.Directorate, s => s.Directorate, ct), await SumByAsync(year.Previous, a => a.Directorate, s => s.Directorate, ct)),
            _ => (await SumByAsync(year, a => a.Provider, s => s.Provider, ct), await SumByAsync(year.Previous, a => a.Provider, s => s.Provider, ct)),
        };
        // A group with a value last year and none this year stays in the table at £0.00, so last
        // year's column adds up to last year's total.
        return current.Keys.Union(previous.Keys)
            .Select(key =>
            {
                var now = current.GetValueOrDefault(key);
                var before = previous.GetValueOrDefault(key);
                return new GroupTotal(key, now.Contracts, Money.FromPence(now.Agreed), Money.FromPence(now.Projected), Money.FromPence(before.Agreed + before.Projected));
            })
            .OrderByDescending(g => g.Forecast).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>One year's agreed values grouped by <paramref name="key"/>, summed by the database, with the year's projections added by the same key.</summary>
    private async Task<Dictionary<string, (int Contracts, long Agreed, long Projected)>> SumByAsync<TKey>(FinancialYear year,
        Expression<Func<AgreedRow, TKey>> key, Func<ScheduledContract, TKey> scheduleKey, CancellationToken ct)
    {
        var rows = await Agreed().Where(a => a.Year == year.StartYear).GroupBy(key)
            .Select(g => new { g.Key, Contracts = g.Count(), Pence = g.Sum(a => a.Pence) })
            .ToListAsync(ct);
        var sums = rows.ToDictionary(r => r.Key?.ToString() ?? "", r => (r.Contracts, Agreed: r.Pence, Projected: 0L));
        foreach (var s in await SchedulesAsync(ct))
        {
            if (s.ProjectedIn(year) is not { } projected) continue;
            var k = scheduleKey(s)?.ToString() ?? "";
            var (contracts, agreed, sum) = sums.GetValueOrDefault(k);
            sums[k] = (contracts + 1, agreed, sum + projected.Pence);
        }
        return sums;
    }

    /// <summary>
    /// Agreed values split by funding source (council revenue by cost centre). The part of the
    /// year's total not yet split between sources is its own line, so the lines add up to the total.
    /// </summary>
    public async Task<IReadOnlyList<GroupTotal>> ByFundingAsync(FinancialYear year, CancellationToken ct)
    {
        // A split counts only while it still adds up to the year's agreed value: one left over from
        // a superseded value is treated as not split, so the lines always add up to the total.
        var agreed = db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed && r.FinancialYearStart == year.StartYear
            && db.Contracts.Any(c => c.Id == r.ContractId && c.WithdrawnAtUtc == null));
        var current = db.FundingPlans.Where(f => f.FinancialYearStart == year.StartYear
            && agreed.Any(r => r.ContractId == f.ContractId && r.YearValuePence == f.Lines.Sum(l => l.AmountPence)));
        // Summed per contract in the database; contracts are then counted per source.
        var sums = await current
            .SelectMany(f => f.Lines, (f, l) => new { f.ContractId, l.Source, l.CostCentre, l.AmountPence })
            .GroupBy(l => new { l.Source, l.CostCentre, l.ContractId })
            .Select(g => new { g.Key.Source, g.Key.CostCentre, g.Key.ContractId, Pence = g.Sum(l => l.AmountPence) })
            .ToListAsync(ct);
        var result = sums.GroupBy(x => new { x.Source, x.CostCentre })
            .Select(g => new GroupTotal(g.Key.CostCentre is null ? g.Key.Source.ToString() : $"{g.Key.Source}:{g.Key.CostCentre}",
                g.Select(x => x.ContractId).Distinct().Count(), Money.FromPence(g.Sum(x => x.Pence)), Money.Zero, Money.Zero))
            .OrderByDescending(g => g.Agreed).ToList();
        var total = await agreed.SumAsync(r => (long?)r.YearValuePence, ct) ?? 0;
        var split = sums.Sum(x => x.Pence);
        if (total > split)
        {
            var unsplit = await agreed.CountAsync(r => !current.Any(f => f.ContractId == r.ContractId), ct);
            result.Add(new GroupTotal("", unsplit, Money.FromPence(total - split), Money.Zero, Money.Zero));
        }
        return result;
    }

    public async Task<IReadOnlyList<SavingsYear>> SavingsAsync(CancellationToken ct)
    {
        var rows = await db.SavingsTargets.GroupBy(s => s.FinancialYearStart)
            .Select(g => new
            {
                Year = g.Key,
                Targets = g.Count(),
                Target = g.Sum(s => s.AmountPence),
                Delivered = g.Sum(s => s.DeliveredPence ?? 0),
                Reported = g.Count(s => s.DeliveredPence != null),
            })
            .OrderBy(x => x.Year).ToListAsync(ct);
        return rows.Select(r => new SavingsYear(new FinancialYear(r.Year), r.Targets, Money.FromPence(r.Target), Money.FromPence(r.Delivered), r.Reported)).ToList();
    }

    private sealed class AgreedRow
    {
        public int Year { get; init; }
        public long Pence { get; init; }
        public int ContractId { get; init; }
        public string Form { get; init; } = "";
        public Domain.Contracts.ServiceCategory Category { get; init; }
        public string Directorate { get; init; } = "";
        public string Provider { get; init; } = "";
    }

}
