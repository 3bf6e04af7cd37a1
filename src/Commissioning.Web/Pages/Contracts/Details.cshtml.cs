using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Pages.Finance;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>One contract: its description, term, money and parties, and its renewal links.</summary>
public sealed class DetailsModel(CommissioningDbContext db, IClock clock) : PageModel
{
    public Contract Contract { get; private set; } = null!;
    public ContractStatus Status { get; private set; }
    public IReadOnlyDictionary<int, string> ProviderNames { get; private set; } = new Dictionary<int, string>();
    /// <summary>A contract at the other end of a renewal link: enough to name it, link to it and say when it was added.</summary>
    public sealed record Renewal(int Id, string Reference, DateOnly Start, DateTime CreatedAtUtc, string CreatedBy, int? PredecessorId);

    public Renewal? Successor { get; private set; }
    public Renewal? Predecessor { get; private set; }
    public DateOnly Today => clock.Today;
    public ContractFinance Finance { get; private set; } = null!;
    public string Directorate { get; private set; } = "";
    /// <summary>The responsible commissioner's display name, or a historic name marked as not a user.</summary>
    public string Commissioner { get; private set; } = "";
    /// <summary>The register's figure for this contract: this year's value, agreed or projected.</summary>
    public CurrentYearValue ThisYear { get; private set; } = null!;
    /// <summary>The contract's events, read once for its notices and its history.</summary>
    public IReadOnlyList<Domain.Lifecycle.ContractEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null) return NotFound();
        Contract = contract;

        // Both renewal links in one query; the history (ContractTimeline) is given them rather than reading them again.
        var links = await db.Contracts.AsNoTracking().Where(c => c.PredecessorId == id || c.Id == contract.PredecessorId)
            .Select(c => new Renewal(c.Id, c.Reference, c.StartDate, c.CreatedAtUtc, c.CreatedBy, c.PredecessorId)).ToListAsync(ct);
        Successor = links.FirstOrDefault(l => l.PredecessorId == id);
        Predecessor = links.FirstOrDefault(l => l.Id == contract.PredecessorId);
        Status = contract.StatusOn(clock.Today, Successor?.Start);
        Directorate = await db.Directorates.Where(d => d.Id == contract.DirectorateId).Select(d => d.Name).FirstAsync(ct);
        Commissioner = await People.CommissionerAsync(db, contract.ResponsibleCommissionerId, contract.HistoricCommissionerName, ct);

        var ids = new List<int>();
        if (contract.ProviderId is { } p) ids.Add(p);
        if (contract is LeadProviderContract lp) ids.AddRange(lp.SubContracts.Select(s => s.ProviderId));
        if (contract is ConsortiumContract k) ids.AddRange(k.Members.Select(m => m.ProviderId));
        Finance = await ContractFinance.LoadAsync(db, contract, ct, Predecessor?.Reference);
        ThisYear = CurrentYearValue.Of(Finance.Schedule, FinancialYear.Containing(clock.Today), contract.StartDate,
            contract.TerminatedOn is { } t && t < contract.CurrentEndDate ? t : contract.CurrentEndDate);
        ProviderNames = await db.Providers.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        Events = await db.ContractEvents.AsNoTracking().Where(e => e.ContractId == id).ToListAsync(ct);
        return Page();
    }

    /// <summary>The year-by-year values table as CSV or Excel: the rows the page shows.</summary>
    public async Task<IActionResult> OnGetValuesAsync(int id, string? format, CancellationToken ct)
    {
        if (!Downloads.IsFormat(format)) return NotFound();
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null) return NotFound();
        var schedule = (await ContractFinance.LoadAsync(db, contract, ct)).Schedule;
        var provider = contract.ProviderId is { } pid ? await db.Providers.Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var table = new ExportTable($"{contract.Reference} values year by year",
                ExportColumn.Text("Financial year"), ExportColumn.Text("Part of year"), ExportColumn.Money("Baseline"),
                ExportColumn.Money("Uplift"), ExportColumn.Money("Savings"), ExportColumn.Money("Other agreed change"), ExportColumn.Money("Annual value"),
                ExportColumn.Money("Value in year"), ExportColumn.Text("Status"), ExportColumn.Text("Term"))
        {
            // Excel allows 31 characters in a sheet's name: the whole reference (up to 30) always fits, and the
            // contract's title and provider go in the sheet's first rows.
            SheetName = ValuesSheetName(contract.Reference),
            Preamble = [$"{contract.Reference} {contract.Title}", $"Provider: {provider ?? "Not recorded"}", "Values year by year"],
        }
            .AddRows(schedule.Rows, r => [r.Year.ToString(), r.PartYear.ToString(), r.Baseline, r.Uplift, r.Savings, r.OtherChange, r.Annual, r.YearValue,
                FinanceLabels.Of(r.Source), r.BeyondCurrentTerm ? "Extension option" : "Current term"])
            // As on the page: the years of the current term added up (an option not yet exercised is not counted).
            .WithTotals("Total over the current term", null, null, null, null, null, null, schedule.CurrentTermTotal, null, "Current term");
        return this.Download(table, format);
    }

    /// <summary>"SC-2021-0001 values" when it fits Excel's 31 characters, else the reference alone.</summary>
    public static string ValuesSheetName(string reference)
    {
        var safe = XlsxExport.SheetName(reference);
        return safe.Length + " values".Length <= 31 ? safe + " values" : safe;
    }

    public string NameOf(int? providerId) => providerId is { } id && ProviderNames.TryGetValue(id, out var n) ? n : "Not recorded";
}
