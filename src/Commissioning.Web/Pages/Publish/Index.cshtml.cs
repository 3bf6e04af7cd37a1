using Commissioning.Domain.Publishing;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Publish;

/// <summary>
/// Publish contract data: a quarter's Transparency Code contracts file, as CSV or Excel, with the contracts it holds
/// and what confidential ones keep back listed on the page first (issue 17, decision 0032).
/// </summary>
[Authorize(Policy = Policies.PublishData)]
public sealed class IndexModel(CommissioningDbContext db, ScheduleCache schedules, IClock clock, IConfiguration config) : PageModel
{
    /// <summary>Rows listed on the page; the files have every one.</summary>
    public const int RowsShown = 100;

    /// <summary>The quarter asked for, by its key ("2025-26-Q1"); the last complete quarter when not given.</summary>
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }

    public Quarter Selected { get; private set; }
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];
    public IReadOnlyList<PublishedContract> Contracts { get; private set; } = [];
    public PublishingSettings Settings { get; private set; } = null!;

    public IEnumerable<PublishedContract> Confidential => Contracts.Where(c => c.Withheld.Count > 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChooseAsync(ct))
        {
            ModelState.AddModelError(nameof(Quarter), "Choose a quarter from the list");
            return Page();
        }
        Contracts = await PublishedContracts.LoadAsync(db, schedules, Selected, Settings.Threshold, ct);
        return Page();
    }

    /// <summary>The quarter's file as CSV or Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await ChooseAsync(ct) || !Downloads.IsFormat(format)) return NotFound();
        var contracts = await PublishedContracts.LoadAsync(db, schedules, Selected, Settings.Threshold, ct);
        return this.Download(ContractsFile.Build(contracts, Selected, Settings), format);
    }

    public string ExportLink(string format) => $"/Publish?handler=Export&quarter={Selected.Key}&format={format}";

    /// <summary>
    /// Quarters from the first in which any contract started to the current one, latest first. False when the quarter
    /// asked for is not one of them (the page then shows the last complete quarter as chosen, with the error).
    /// </summary>
    private async Task<bool> ChooseAsync(CancellationToken ct)
    {
        Settings = PublishingSettings.From(config);
        var today = clock.Today;
        var current = Domain.Publishing.Quarter.Containing(today);
        var firstStart = await db.Contracts.Where(c => c.WithdrawnAtUtc == null).MinAsync(c => (DateOnly?)c.StartDate, ct);
        var first = firstStart is { } s && s < current.Start ? Domain.Publishing.Quarter.Containing(s) : current.Previous.Previous.Previous.Previous;
        var list = new List<Quarter>();
        for (var q = current; q >= first; q = q.Previous) list.Add(q);
        Quarters = list;

        Selected = Domain.Publishing.Quarter.LastCompleteBefore(today);
        if (string.IsNullOrWhiteSpace(Quarter)) return true;
        if (!Domain.Publishing.Quarter.TryParse(Quarter, out var asked) || !list.Contains(asked)) return false;
        Selected = asked;
        return true;
    }
}
