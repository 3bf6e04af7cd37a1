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
/// labelled by the page. One portfolio serves one request: each query below runs at most once in
/// it, however many tables use its rows, and the schedules come from the <see cref="ScheduleCache"/>
/// while the register has not changed.
/// </summary>
public sealed class Portfolio(CommissioningDbContext db, ScheduleCache? cache = null)
{
    private IReadOnlyList<ScheduledContract>? _schedules;
    private Dictionary<int, (int Contracts, long Pence)>? _agreedByYear;
    private Dictionary<int, (int Contracts, long Pence)>? _projectedByYear;
    private readonly Dictionary<int, List<AgreedSum>> _agreedInYear = [];

    /// <summary>Agreed values of contracts not withdrawn. Summed by year this reads the covering index on (FinancialYearStart, Status) alone.</summary>
    private IQueryable<AnnualValueReview> AgreedReviews() =>
        db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed
            && !db.Contracts.Where(c => c.WithdrawnAtUtc != null).Select(c => c.Id).Contains(r.ContractId));

    /// <summary>Every contract's projections: from the cache when there is one, else read once per portfolio.</summary>
    public async Task<IReadOnlyList<ScheduledContract>> SchedulesAsync(CancellationToken ct) =>
        _schedules ??= cache is null ? await ContractSchedules.LoadAsync(db, ct) : await cache.GetAsync(db, ct);

    /// <summary>
    /// Every financial year any contract in the register covers, from the earliest start to the
    /// latest maximum end, and <paramref name="current"/> and any year with an agreed value.
    /// </summary>
    public async Task<IReadOnlyList<FinancialYear>> YearsAsync(FinancialYear current, CancellationToken ct)
    {
        var span = await db.Contracts.WhereNotWithdrawn().GroupBy(c => 1)
            .Select(g => new { First = g.Min(c => (DateOnly?)c.StartDate), Last = g.Max(c => (DateOnly?)c.MaximumEndDate) })
            .FirstOrDefaultAsync(ct);
        var years = (await AgreedByYearAsync(ct)).Keys.ToList();
        years.Add(current.StartYear);
        if (span?.First is { } f) years.Add(FinancialYear.Containing(f).StartYear);
        if (span?.Last is { } l) years.Add(FinancialYear.Containing(l).StartYear);
        return Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(y => new FinancialYear(y)).ToList();
    }

    /// <summary>Agreed, projected and forecast values for each of <paramref name="years"/> (consecutive, in order).</summary>
    public async Task<IReadOnlyList<YearTotal>> ByYearAsync(IReadOnlyList<FinancialYear> years, CancellationToken ct)
    {
        var agreed = await AgreedByYearAsync(ct);
        var projected = await ProjectedByYearAsync(ct);
        var result = new List<YearTotal>();
        Money? previous = null;
        foreach (var year in years)
        {
            var a = agreed.GetValueOrDefault(year.StartYear);
            var p = projected.GetValueOrDefault(year.StartYear);
            var total = new YearTotal(year, a.Contracts + p.Contracts, Money.FromPence(a.Pence), Money.FromPence(p.Pence), previous);
            result.Add(total);
            previous = total.Forecast;
        }
        return result;
    }

    private async Task<Dictionary<int, (int Contracts, long Pence)>> AgreedByYearAsync(CancellationToken ct) =>
        _agreedByYear ??= (await AgreedReviews().GroupBy(r => r.FinancialYearStart)
                .Select(g => new { Year = g.Key, Contracts = g.Count(), Pence = g.Sum(r => r.YearValuePence) })
                .ToListAsync(ct))
            .ToDictionary(r => r.Year, r => (r.Contracts, r.Pence));

    /// <summary>Every year's projections added up in one pass over the schedules.</summary>
    private async Task<Dictionary<int, (int Contracts, long Pence)>> ProjectedByYearAsync(CancellationToken ct)
    {
        if (_projectedByYear is { } done) return done;
        var sums = new Dictionary<int, (int Contracts, long Pence)>();
        foreach (var s in await SchedulesAsync(ct))
            foreach (var (year, value) in s.Projections)
            {
                var (contracts, pence) = sums.GetValueOrDefault(year);
                sums[year] = (contracts + 1, pence + value.Pence);
            }
        return _projectedByYear = sums;
    }

    public async Task<IReadOnlyList<GroupTotal>> ByAsync(PortfolioGrouping grouping, FinancialYear year, CancellationToken ct)
    {
        Func<AgreedSum, string> agreedKey = grouping switch
        {
            PortfolioGrouping.Form => a => a.Form,
            PortfolioGrouping.Category => a => a.Category.ToString(),
            PortfolioGrouping.Directorate => a => a.Directorate,
            _ => a => a.Provider,
        };
        Func<ScheduledContract, string> scheduleKey = grouping switch
        {
            PortfolioGrouping.Form => s => s.Form,
            PortfolioGrouping.Category => s => s.Category.ToString(),
            PortfolioGrouping.Directorate => s => s.Directorate,
            _ => s => s.Provider,
        };
        var current = await SumByAsync(year, agreedKey, scheduleKey, ct);
        var previous = await SumByAsync(year.Previous, agreedKey, scheduleKey, ct);
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

    /// <summary>One year's agreed sums (from <see cref="AgreedInYearAsync"/>) grouped by <paramref name="key"/>, with the year's projections added by the same key.</summary>
    private async Task<Dictionary<string, (int Contracts, long Agreed, long Projected)>> SumByAsync(FinancialYear year,
        Func<AgreedSum, string> key, Func<ScheduledContract, string> scheduleKey, CancellationToken ct)
    {
        var sums = new Dictionary<string, (int Contracts, long Agreed, long Projected)>();
        foreach (var a in await AgreedInYearAsync(year, ct))
        {
            var k = key(a);
            var (contracts, agreed, projected) = sums.GetValueOrDefault(k);
            sums[k] = (contracts + a.Contracts, agreed + a.Pence, projected);
        }
        foreach (var s in await SchedulesAsync(ct))
        {
            if (s.ProjectedIn(year) is not { } value) continue;
            var k = scheduleKey(s);
            var (contracts, agreed, projected) = sums.GetValueOrDefault(k);
            sums[k] = (contracts + 1, agreed, projected + value.Pence);
        }
        return sums;
    }

    /// <summary>
    /// A year's agreed values summed by the database by every grouping key at once (form, category,
    /// directorate, provider), so that the four tables of a year and its previous year read one
    /// query each; the tables add these partial sums up.
    /// </summary>
    private async Task<List<AgreedSum>> AgreedInYearAsync(FinancialYear year, CancellationToken ct)
    {
        if (_agreedInYear.TryGetValue(year.StartYear, out var done)) return done;
        var rows = await (from r in db.AnnualValueReviews
                          where r.FinancialYearStart == year.StartYear && r.Status == ReviewStatus.Agreed
                          join c in db.Contracts on r.ContractId equals c.Id
                          join d in db.Directorates on c.DirectorateId equals d.Id
                          where c.WithdrawnAtUtc == null
                          join p in db.Providers on c.ProviderId equals p.Id into ps
                          from p in ps.DefaultIfEmpty()
                          group r.YearValuePence by new
                          {
                              Form = EF.Property<string>(c, ContractQueries.FormColumn),
                              c.ServiceCategory,
                              Directorate = d.Name,
                              Provider = p == null ? ContractSchedules.NoProvider : p.Name,
                          } into g
                          select new AgreedSum(g.Key.Form, g.Key.ServiceCategory, g.Key.Directorate, g.Key.Provider, g.Count(), g.Sum()))
            .ToListAsync(ct);
        return _agreedInYear[year.StartYear] = rows;
    }

    private sealed record AgreedSum(string Form, Domain.Contracts.ServiceCategory Category, string Directorate, string Provider, int Contracts, long Pence);

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
}
