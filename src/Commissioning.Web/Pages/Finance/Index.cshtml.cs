using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance;

/// <summary>The finance officer's portfolio: agreed and projected values, and their sum the forecast, by year and by every grouping they report on.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public FinancialYear Selected { get; private set; }
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];
    public Dictionary<string, ExportTable> Tables { get; } = [];
    public int WaitingForAgreement { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var portfolio = new Portfolio(db);
        await ChooseYearAsync(portfolio, ct);
        foreach (var name in PortfolioTables.Names)
            Tables[name] = (await PortfolioTables.BuildAsync(name, portfolio, Selected, Years, Due(ct), ct))!;
        WaitingForAgreement = await db.AnnualValueReviews.CountAsync(r => r.Status == Domain.Finance.ReviewStatus.Proposed, ct);
    }

    public (ExportTable Table, string Name, int Year, int? ChartColumn, string Id) View(string name, int? chartColumn) =>
        (Tables[name], name, Selected.StartYear, chartColumn, name + "-table");

    /// <summary>Any table on the page as CSV or Excel: the same rows the page shows.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        var portfolio = new Portfolio(db);
        await ChooseYearAsync(portfolio, ct);
        if (table is null || !PortfolioTables.Names.Contains(table) || !Downloads.IsFormat(format)) return NotFound();
        var export = (await PortfolioTables.BuildAsync(table, portfolio, Selected, Years, Due(ct), ct))!;
        return this.Download(export, format);
    }

    private Func<Task<IReadOnlyList<ReviewDue>>> Due(CancellationToken ct) => () => ReviewsDue.ListAsync(db, clock.Today, ct);

    /// <summary>Every year of any contract in the register can be chosen; the current year unless another is asked for.</summary>
    private async Task ChooseYearAsync(Portfolio portfolio, CancellationToken ct)
    {
        var current = FinancialYear.Containing(clock.Today);
        Years = await portfolio.YearsAsync(current, ct);
        Selected = Year is { } y && Years.Any(f => f.StartYear == y) ? new FinancialYear(y) : current;
    }
}
