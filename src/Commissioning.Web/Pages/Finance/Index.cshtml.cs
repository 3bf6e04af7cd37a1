using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Web.Pages.Finance;

/// <summary>The finance officer's portfolio: agreed and projected values, and their sum the forecast, by year and by every grouping they report on.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock, ScheduleCache schedules) : PageModel
{
    /// <summary>Rows of "Contracts with no agreed value" on a page; the download has them all.</summary>
    public const int DuePageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public FinancialYear Selected { get; private set; }
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];
    public Dictionary<string, ExportTable> Tables { get; } = [];
    public int WaitingForAgreement { get; private set; }
    /// <summary>Whether the provider table adds up the smaller providers in its last row.</summary>
    public bool ProvidersFolded { get; private set; }
    public int DueInAll { get; private set; }
    /// <summary>"Contracts with no agreed value", a page at a time (?DuePage=2).</summary>
    public Pagination DuePages { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (kept, _) = await KeptAsync(ct);
        foreach (var (name, table) in kept.Shown) Tables[name] = table;
        ProvidersFolded = kept.ProvidersFolded;
        WaitingForAgreement = kept.WaitingForAgreement;

        // The long list is shown a page at a time (a page of HTML, not megabytes); its total is the whole list's.
        var due = Tables["due"];
        DueInAll = due.Rows.Count;
        DuePages = Pagination.ForList(Request, DueInAll, DuePageSize, "DuePage", "Pages of contracts with no agreed value", "no-agreed-value");
        Tables["due"] = PortfolioTables.Slice(due, DuePages.Skip(DuePageSize), DuePageSize);
    }

    public (ExportTable Table, string Name, int Year, int? ChartColumn, string Id) View(string name, int? chartColumn) =>
        (Tables[name], name, Selected.StartYear, chartColumn, name + "-table");

    /// <summary>Any table on the page as CSV or Excel, with every row: all providers, every contract with no agreed value.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (table is null || !PortfolioTables.Names.Contains(table) || !Downloads.IsFormat(format)) return NotFound();
        var (view, key) = await KeptAsync(ct);
        var whole = view.Whole(table);
        if (format == "csv") return this.Download(whole, format);
        // A workbook of the 6,300 contracts with no agreed value at 10,000 contracts takes 18 ms to make, five times its
        // CSV: it is kept as the file it makes, with the tables it is made from.
        var file = await schedules.KeptAsync(db, $"{key}|{table}.xlsx", async c =>
        {
            using var bytes = new MemoryStream();
            await XlsxExport.WriteAsync(whole, bytes, c);
            return bytes.ToArray();
        }, ct);
        return File(file, XlsxExport.ContentType, XlsxExport.FileName(whole));
    }

    /// <summary>
    /// The year's tables, made once while the register, the day and people's names stay the same (decision 0040): every
    /// year can be chosen, the current one unless another is asked for.
    /// </summary>
    private async Task<(PortfolioView View, string Key)> KeptAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var current = FinancialYear.Containing(today);
        Years = await schedules.KeptAsync(db, $"finance-years|{today:O}", c => new Portfolio(db, schedules).YearsAsync(current, c), ct);
        Selected = Year is { } y && Years.Any(f => f.StartYear == y) ? new FinancialYear(y) : current;
        var people = await People.FingerprintAsync(db, ct);
        var (year, years) = (Selected, Years);
        // The years are in the key: read at one version, they may be older than the tables made at the next.
        var key = $"finance|{today:O}|{year.StartYear}|{string.Join(',', years.Select(f => f.StartYear))}|{people}";
        return (await schedules.KeptAsync(db, key, c => PortfolioView.MakeAsync(db, schedules, today, year, years, c), ct), key);
    }
}
