using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Pages.Contracts;

namespace Commissioning.Web.Pages.Finance;

/// <summary>
/// A year's portfolio as the page shows it (<see cref="Shown"/>: the providers folded after the largest) and as the
/// downloads give it (<see cref="Whole"/>), with the count of values waiting for agreement: all made from one
/// <see cref="Portfolio"/>, so they agree, and kept between requests by the page (decision 0040).
/// </summary>
public sealed record PortfolioView(IReadOnlyDictionary<string, ExportTable> Shown, ExportTable EveryProvider, int WaitingForAgreement)
{
    public bool ProvidersFolded => EveryProvider.Rows.Count > PortfolioTables.ProvidersShown;

    /// <summary>A table with every row, for its download.</summary>
    public ExportTable Whole(string name) => name == "provider" ? EveryProvider : Shown[name];

    public static async Task<PortfolioView> MakeAsync(CommissioningDbContext db, ScheduleCache schedules, DateOnly today, FinancialYear year,
        IReadOnlyList<FinancialYear> years, CancellationToken ct)
    {
        var portfolio = new Portfolio(db, schedules);
        Func<Task<IReadOnlyList<ReviewDue>>> due = () => ReviewsDue.ListAsync(db, today, ct);
        var shown = new Dictionary<string, ExportTable>();
        foreach (var name in PortfolioTables.Names)
            shown[name] = (await PortfolioTables.BuildAsync(name, portfolio, year, years, due, ct, PortfolioTables.ProvidersShown))!;
        var everyProvider = (await PortfolioTables.BuildAsync("provider", portfolio, year, years, due, ct))!;
        var waiting = await db.AnnualValueReviews.CountAsync(r => r.Status == ReviewStatus.Proposed, ct);
        return new PortfolioView(shown, everyProvider, waiting);
    }
}

/// <summary>
/// The portfolio's tables, built once: the page shows them and the CSV and Excel downloads
/// write the very same rows, so a download always matches the screen.
/// </summary>
public static class PortfolioTables
{
    public static readonly string[] Names = ["years", "form", "category", "directorate", "provider", "funding", "savings", "due"];

    /// <summary>The providers the page lists one by one (the largest forecasts); the rest share one row.</summary>
    public const int ProvidersShown = 25;

    /// <param name="providers">How many providers to list before adding up the rest in one row; null for every one (the download).</param>
    public static async Task<ExportTable?> BuildAsync(string name, Portfolio portfolio, FinancialYear year, IReadOnlyList<FinancialYear> years,
        Func<Task<IReadOnlyList<ReviewDue>>> due, CancellationToken ct, int? providers = null) => name switch
        {
            "years" => Years(await portfolio.ByYearAsync(years, ct)),
            "form" => Grouped($"Forecast by commissioning form, {year}", "Commissioning form", year,
                await portfolio.ByAsync(PortfolioGrouping.Form, year, ct), k => Enum.TryParse<CommissioningForm>(k, out var f) ? Labels.Of(f) : k),
            "category" => Grouped($"Forecast by service category, {year}", "Service category", year,
                await portfolio.ByAsync(PortfolioGrouping.Category, year, ct), k => Enum.TryParse<ServiceCategory>(k, out var c) ? Labels.Of(c) : k),
            "directorate" => Grouped($"Forecast by directorate, {year}", "Directorate", year,
                await portfolio.ByAsync(PortfolioGrouping.Directorate, year, ct), k => k),
            "provider" => Grouped($"Forecast by provider, {year}", "Provider", year,
                Fold(await portfolio.ByAsync(PortfolioGrouping.Provider, year, ct), providers, "providers"), k => k),
            "funding" => Funding(year, await portfolio.ByFundingAsync(year, ct)),
            "savings" => Savings(await portfolio.SavingsAsync(ct)),
            "due" => Due(await due(), await portfolio.SchedulesAsync(ct)),
            _ => null,
        };

    private static ExportTable Years(IReadOnlyList<YearTotal> years)
    {
        var agreed = Money.Sum(years.Select(y => y.Agreed));
        var projected = Money.Sum(years.Select(y => y.Projected));
        return new ExportTable("Agreed, projected and forecast values by financial year",
                ExportColumn.Text("Financial year"), ExportColumn.Integer("Contracts"), ExportColumn.Money("Agreed value in year"),
                ExportColumn.Money("Projected value in year"), ExportColumn.Money("Forecast value in year"), ExportColumn.Percent("Change on previous year"))
            .AddRows(years, y => [y.Year.ToString(), (long)y.Contracts, y.Agreed, y.Projected, y.Forecast, Round(y.ChangePercent)])
            .WithTotals("Total", null, agreed, projected, agreed + projected, null);
    }

    /// <summary>
    /// The first <paramref name="shown"/> groups, and the rest added up in one row ("775 other
    /// providers"), so the rows still add up to the same totals.
    /// </summary>
    private static IReadOnlyList<GroupTotal> Fold(IReadOnlyList<GroupTotal> groups, int? shown, string noun)
    {
        if (shown is not { } n || groups.Count <= n + 1) return groups;
        var rest = groups.Skip(n).ToList();
        var other = new GroupTotal($"{rest.Count} other {noun}", rest.Sum(g => g.Contracts), Money.Sum(rest.Select(g => g.Agreed)),
            Money.Sum(rest.Select(g => g.Projected)), Money.Sum(rest.Select(g => g.PreviousForecast)));
        return [.. groups.Take(n), other];
    }

    /// <summary>Rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of a table, with the whole table's totals.</summary>
    public static ExportTable Slice(ExportTable table, int skip, int take)
    {
        var page = new ExportTable(table.Title, table.Columns);
        foreach (var row in table.Rows.Skip(skip).Take(take)) page.AddRow([.. row]);
        return table.Totals is { } totals ? page.WithTotals([.. totals]) : page;
    }

    private static ExportTable Grouped(string title, string heading, FinancialYear year, IReadOnlyList<GroupTotal> groups, Func<string, string> label)
    {
        var agreed = Money.Sum(groups.Select(g => g.Agreed));
        var projected = Money.Sum(groups.Select(g => g.Projected));
        var total = agreed + projected;
        var previous = Money.Sum(groups.Select(g => g.PreviousForecast));
        var change = new GroupTotal("", 0, agreed, projected, previous).ChangePercent;
        return new ExportTable(title,
                ExportColumn.Text(heading), ExportColumn.Integer("Contracts"), ExportColumn.Money($"Agreed value in {year}"),
                ExportColumn.Money($"Projected value in {year}"), ExportColumn.Money($"Forecast for {year}"), ExportColumn.Percent("Share of forecast"),
                ExportColumn.Money($"Forecast for {year.Previous}"), ExportColumn.Percent("Change on previous year"))
            .AddRows(groups, g => [label(g.Key), (long)g.Contracts, g.Agreed, g.Projected, g.Forecast, Share(g.Forecast, total), g.PreviousForecast, Round(g.ChangePercent)])
            .WithTotals("Total", (long)groups.Sum(g => g.Contracts), agreed, projected, total, Share(total, total), previous, Round(change));
    }

    private static ExportTable Funding(FinancialYear year, IReadOnlyList<GroupTotal> lines)
    {
        var total = Money.Sum(lines.Select(g => g.Agreed));
        // A contract split between sources is on several lines, so the lines' contracts are not added up.
        return new ExportTable($"Agreed values by funding source, {year}",
                ExportColumn.Text("Funding source"), ExportColumn.Text("Cost centre"), ExportColumn.Integer("Contracts"),
                ExportColumn.Money($"Amount in {year}"), ExportColumn.Percent("Share of total"))
            .AddRows(lines, g =>
            {
                if (g.Key.Length == 0) return ["Not yet split between sources", null, (long)g.Contracts, g.Agreed, Share(g.Agreed, total)];
                var parts = g.Key.Split(':', 2);
                var source = Enum.TryParse<FundingSource>(parts[0], out var s) ? FinanceLabels.Of(s) : parts[0];
                return [source, parts.Length > 1 ? parts[1] : null, (long)g.Contracts, g.Agreed, Share(g.Agreed, total)];
            })
            .WithTotals("Total", null, null, total, Share(total, total));
    }

    private static ExportTable Savings(IReadOnlyList<SavingsYear> years)
    {
        var target = Money.Sum(years.Select(y => y.Target));
        var delivered = Money.Sum(years.Select(y => y.Delivered));
        return new ExportTable("Savings target and delivered by financial year",
                ExportColumn.Text("Financial year"), ExportColumn.Integer("Targets"), ExportColumn.Money("Target"),
                ExportColumn.Money("Delivered"), ExportColumn.Percent("Delivered of target"), ExportColumn.Text("RAG"))
            .AddRows(years, y => [y.Year.ToString(), (long)y.Targets, y.Target, y.Delivered, Share(y.Delivered, y.Target), FinanceLabels.Of(y.Rag)])
            .WithTotals("Total", (long)years.Sum(y => y.Targets), target, delivered, Share(delivered, target), null);
    }

    private static ExportTable Due(IReadOnlyList<ReviewDue> due, IReadOnlyList<ScheduledContract> schedules)
    {
        var byId = schedules.ToDictionary(s => s.Id);
        Money? Projected(ReviewDue d) => byId.TryGetValue(d.ContractId, out var s) ? s.ProjectedIn(d.Year) : null;
        return new ExportTable("Contracts with no agreed value for this year or next",
                ExportColumn.Text("Reference"), ExportColumn.Text("Title"), ExportColumn.Text("Financial year"),
                ExportColumn.Date("Year starts"), ExportColumn.Text("Responsible commissioner"), ExportColumn.Text("Review"),
                ExportColumn.Money("Projected value in year"))
            .AddRows(due, d => [d.Reference, d.Title, d.Year.ToString(), d.Year.Start, d.ResponsibleCommissioner,
                d.HasOpenReview ? "Waiting for agreement" : "Not yet opened", Projected(d)])
            .WithTotals("Total", due.Count == 1 ? "1 contract" : $"{due.Count} contracts", null, null, null, null,
                Money.Sum(due.Select(Projected).OfType<Money>()));
    }

    private static decimal? Share(Money part, Money whole) => whole == Money.Zero ? null : Round(part.Amount / whole.Amount);

    // Rounded once, to what is shown: one decimal place of a percentage (15.846% → 0.158 → 15.8%).
    private static decimal? Round(decimal? fraction) => fraction is { } f ? Math.Round(f, 3, MidpointRounding.AwayFromZero) : null;
}
