using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Finance;

/// <summary>A total of agreed values for one group (a form, a category, a provider...) in one year and the year before.</summary>
public sealed record GroupTotal(string Key, int Contracts, Money Total, Money PreviousYear)
{
    public decimal? ChangePercent => PreviousYear == Money.Zero ? null : (Total.Amount - PreviousYear.Amount) / PreviousYear.Amount;
}

public sealed record YearTotal(FinancialYear Year, int Contracts, Money Total, Money? PreviousYear)
{
    public decimal? ChangePercent => PreviousYear is { } p && p != Money.Zero ? (Total.Amount - p.Amount) / p.Amount : null;
}

public sealed record SavingsYear(FinancialYear Year, int Targets, Money Target, Money Delivered, int Reported)
{
    /// <summary>The portfolio's RAG for the year: only once every target has reported delivery.</summary>
    public Rag Rag => Reported < Targets ? Rag.NotReported : SavingsRag.Of(Target, Delivered);
}

public enum PortfolioGrouping { Form, Category, Directorate, Provider }

/// <summary>
/// The finance officer's totals. Every sum is done by the database over whole pence (integers),
/// so it is exact; grouping keys come back as stored and are labelled by the page.
/// </summary>
public sealed class Portfolio(CommissioningDbContext db)
{
    private IQueryable<AgreedRow> Agreed() =>
        from r in db.AnnualValueReviews
        where r.Status == ReviewStatus.Agreed
        join c in db.Contracts on r.ContractId equals c.Id
        join d in db.Directorates on c.DirectorateId equals d.Id
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
            Provider = p == null ? "No provider recorded" : p.Name,
        };

    public async Task<IReadOnlyList<YearTotal>> ByYearAsync(CancellationToken ct)
    {
        var rows = await Agreed().GroupBy(a => a.Year)
            .Select(g => new { Year = g.Key, Contracts = g.Count(), Pence = g.Sum(a => a.Pence) })
            .OrderBy(x => x.Year).ToListAsync(ct);
        var byYear = rows.ToDictionary(r => r.Year);
        return rows.Select(r => new YearTotal(new FinancialYear(r.Year), r.Contracts, Money.FromPence(r.Pence),
            byYear.TryGetValue(r.Year - 1, out var prev) ? Money.FromPence(prev.Pence) : null)).ToList();
    }

    public async Task<IReadOnlyList<GroupTotal>> ByAsync(PortfolioGrouping grouping, FinancialYear year, CancellationToken ct)
    {
        var (current, previous) = grouping switch
        {
            PortfolioGrouping.Form => (await SumByAsync(year.StartYear, a => a.Form, ct), await SumByAsync(year.StartYear - 1, a => a.Form, ct)),
            PortfolioGrouping.Category => (await SumByAsync(year.StartYear, a => a.Category, ct), await SumByAsync(year.StartYear - 1, a => a.Category, ct)),
            PortfolioGrouping.Directorate => (await SumByAsync(year.StartYear, a => a.Directorate, ct), await SumByAsync(year.StartYear - 1, a => a.Directorate, ct)),
            _ => (await SumByAsync(year.StartYear, a => a.Provider, ct), await SumByAsync(year.StartYear - 1, a => a.Provider, ct)),
        };
        // A group with a value last year and none this year stays in the table at £0.00, so last
        // year's column adds up to last year's total.
        return current.Keys.Union(previous.Keys)
            .Select(key => new GroupTotal(key,
                current.TryGetValue(key, out var c) ? c.Contracts : 0,
                Money.FromPence(current.TryGetValue(key, out var n) ? n.Pence : 0),
                previous.TryGetValue(key, out var p) ? Money.FromPence(p.Pence) : Money.Zero))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>One year's agreed values grouped by <paramref name="key"/>, summed by the database.</summary>
    private async Task<Dictionary<string, (int Contracts, long Pence)>> SumByAsync<TKey>(int year, Expression<Func<AgreedRow, TKey>> key, CancellationToken ct)
    {
        var rows = await Agreed().Where(a => a.Year == year).GroupBy(key)
            .Select(g => new { g.Key, Contracts = g.Count(), Pence = g.Sum(a => a.Pence) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key?.ToString() ?? "", r => (r.Contracts, r.Pence));
    }

    /// <summary>
    /// Agreed values split by funding source (council revenue by cost centre). The part of the
    /// year's total not yet split between sources is its own line, so the lines add up to the total.
    /// </summary>
    public async Task<IReadOnlyList<GroupTotal>> ByFundingAsync(FinancialYear year, CancellationToken ct)
    {
        // A split counts only while it still adds up to the year's agreed value: one left over from
        // a superseded value is treated as not split, so the lines always add up to the total.
        var agreed = db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed && r.FinancialYearStart == year.StartYear);
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
                g.Select(x => x.ContractId).Distinct().Count(), Money.FromPence(g.Sum(x => x.Pence)), Money.Zero))
            .OrderByDescending(g => g.Total).ToList();
        var total = await agreed.SumAsync(r => (long?)r.YearValuePence, ct) ?? 0;
        var split = sums.Sum(x => x.Pence);
        if (total > split)
        {
            var unsplit = await agreed.CountAsync(r => !current.Any(f => f.ContractId == r.ContractId), ct);
            result.Add(new GroupTotal("", unsplit, Money.FromPence(total - split), Money.Zero));
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
