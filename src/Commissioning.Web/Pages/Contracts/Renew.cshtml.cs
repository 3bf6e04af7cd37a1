using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>
/// Record renewal: a new contract that succeeds this one, prefilled from it and linked both
/// ways. The old one shows as superseded from the day the new one starts.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class RenewModel(CommissioningDbContext db) : ContractFormPage(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public string PredecessorReference { get; private set; } = "";
    public (int Id, string Reference)? ExistingSuccessor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } predecessor) return NotFound();
        Input = Prefill(predecessor);
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostAddRowAsync(string? section, CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return NotFound();
        return await AddRowAsync(section, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } predecessor) return NotFound();
        if (predecessor.IsWithdrawn)
        {
            ModelState.AddModelError("", $"{predecessor.Reference} was withdrawn as entered in error, so it cannot be renewed.");
            return await RedisplayAsync(ct);
        }
        if (ExistingSuccessor is { } s)
        {
            ModelState.AddModelError("", $"{predecessor.Reference} has already been renewed by {s.Reference}: a contract is renewed once.");
            return await RedisplayAsync(ct);
        }
        if (!await ValidateAsync(referenceRequired: false, exceptContractId: null, ct)) return await RedisplayAsync(ct);

        if (await SaveNewAsync(successor => successor.Renews(predecessor), ct) is not { } successor) return await RedisplayAsync(ct);
        TempData["Success"] = $"Renewal recorded: {successor.Reference} renews {predecessor.Reference}";
        return RedirectToPage("Details", new { id = successor.Id });
    }

    private async Task<Contract?> LoadAsync(CancellationToken ct)
    {
        var predecessor = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (predecessor is null) return null;
        (Form, PredecessorReference) = (predecessor.Form, predecessor.Reference);
        OfferChoicesOf(predecessor);
        var next = await Db.Contracts.Where(c => c.PredecessorId == Id).Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync(ct);
        ExistingSuccessor = next is null ? null : (next.Id, next.Reference);
        return predecessor;
    }

    /// <summary>
    /// The successor starts the day after the current end, for a term as long as the old
    /// initial term, with the same options unexercised and not yet awarded.
    /// </summary>
    private static ContractForm Prefill(Contract predecessor)
    {
        var form = ContractForm.From(predecessor);
        var start = predecessor.CurrentEndDate.AddDays(1);
        var months = WholeMonths(predecessor.StartDate, predecessor.InitialEndDate);
        var end = months is { } m ? DateRange.OfMonths(start, m).End : start.AddDays(predecessor.InitialTerm.Days - 1);
        form.Reference = null;
        form.StartDate = DateParts.From(start);
        form.InitialEndDate = DateParts.From(end);
        form.AwardedOn = new DateParts();
        // The new contract is reviewed, tendered and signed on its own: its review date and documents are its own.
        form.ReviewDate = new DateParts();
        form.TenderDocumentsUrl = null;
        form.ContractDocumentUrl = null;
        form.ExtensionOptions.ForEach(o => o.IsExercised = false);
        form.Version = null;
        return form;
    }

    private static int? WholeMonths(DateOnly start, DateOnly end)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        return months > 0 && start.AddMonths(months).AddDays(-1) == end ? months : null;
    }
}
