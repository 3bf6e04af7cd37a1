using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Pages.Finance;

/// <summary>The finance officer's portfolio: agreed values by year and by every grouping they report on.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public FinancialYear Selected { get; private set; }
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];
    public Dictionary<string, ExportTable> Tables { get; } = [];
    public int WaitingForAgreement { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ChooseYearAsync(ct);
        var portfolio = new Portfolio(db);
        foreach (var name in PortfolioTables.Names)
            Tables[name] = (await PortfolioTables.BuildAsync(name, portfolio, Selected, Due(ct), ct))!;
        WaitingForAgreement = await db.AnnualValueReviews.CountAsync(r => r.Status == Domain.Finance.ReviewStatus.Proposed, ct);
    }

    public (ExportTable Table, string Name, int Year, int? ChartColumn, string Id) View(string name, int? chartColumn) =>
        (Tables[name], name, Selected.StartYear, chartColumn, name + "-table");

    /// <summary>Any table on the page as CSV or Excel: the same rows the page shows.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        await ChooseYearAsync(ct);
        if (table is null || !PortfolioTables.Names.Contains(table) || !Downloads.IsFormat(format)) return NotFound();
        var export = (await PortfolioTables.BuildAsync(table, new Portfolio(db), Selected, Due(ct), ct))!;
        return this.Download(export, format);
    }

    private Func<Task<IReadOnlyList<ReviewDue>>> Due(CancellationToken ct) => () => ReviewsDue.ListAsync(db, clock.Today, ct);

    private async Task ChooseYearAsync(CancellationToken ct)
    {
        var current = FinancialYear.Containing(clock.Today);
        var years = await db.AnnualValueReviews.Where(r => r.Status == Domain.Finance.ReviewStatus.Agreed).Select(r => r.FinancialYearStart).Distinct().ToListAsync(ct);
        Years = years.Append(current.StartYear).Distinct().Order().Select(y => new FinancialYear(y)).ToList();
        Selected = Year is { } y && Years.Any(f => f.StartYear == y) ? new FinancialYear(y) : current;
    }
}
