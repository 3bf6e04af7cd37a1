using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>
/// Edit a contract. The version the person started from travels with the form: if someone
/// else saved in between, nothing is overwritten and both versions are shown side by side.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class EditModel(CommissioningDbContext db) : ContractFormPage(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public string Reference { get; private set; } = "";
    public Conflict? Clash { get; private set; }
    /// <summary>
    /// Lifecycle events (or a withdrawal) own the dates once recorded: the form then keeps the start, end and
    /// options as they are, because recomputing them from the options would silently undo an extension,
    /// continuation, variation or termination.
    /// </summary>
    public int LifecycleEventCount { get; private set; }
    public bool DatesLocked => LifecycleEventCount > 0;
    public bool Withdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var contract = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (contract is null) return NotFound();
        (Form, Reference, Input) = (contract.Form, contract.Reference, ContractForm.From(contract));
        OfferChoicesOf(contract);
        await CountEventsAsync(contract, ct);
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostAddRowAsync(string? section, CancellationToken ct)
    {
        var contract = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (contract is null) return NotFound();
        (Form, Reference) = (contract.Form, contract.Reference);
        OfferChoicesOf(contract);
        return await AddRowAsync(section, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var contract = await Db.Contracts.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (contract is null) return NotFound();
        (Form, Reference) = (contract.Form, contract.Reference);
        OfferChoicesOf(contract);
        await CountEventsAsync(contract, ct);
        if (Withdrawn)
        {
            ModelState.AddModelError("", $"{contract.Reference} was withdrawn as entered in error; it can no longer be edited.");
            return await RedisplayAsync(ct);
        }

        if (contract.Version != Input.Version) return await ShowConflictAsync(contract, ct);
        if (!await ValidateAsync(referenceRequired: true, exceptContractId: Id, ct)) return await RedisplayAsync(ct);
        if (DatesLocked)
        {
            foreach (var field in Input.DateFieldsChangedFrom(contract))
                ModelState.AddModelError(field, $"The dates and extension options can no longer be edited here: {LockReason}. "
                    + "Use Exercise extension option, Record a variation, Record a negotiated continuation or Record termination on the contract page");
            if (!ModelState.IsValid) return await RedisplayAsync(ct);
        }
        var letting = await LatestLettingDecisionAsync(contract, ct);
        if (!TryApply(() => Input.ApplyTo(contract, Input.Reference!, HistoricCommissioner, keepDates: DatesLocked, letting))) return await RedisplayAsync(ct);

        // The check above reads the version; the save makes the UPDATE itself refuse a save that raced past it.
        var saved = await Db.SaveVersionedAsync(contract, Input.Version, ct);
        if (saved.IsStale) return saved.Current is { } current ? await ShowConflictAsync(current, ct) : NotFound();
        TempData["Success"] = $"Contract {contract.Reference} saved";
        return RedirectToPage("Details", new { id = Id });
    }

    public string LockReason => LifecycleEventCount == 1 ? "a lifecycle event has been recorded" : $"{LifecycleEventCount} lifecycle events have been recorded";

    private async Task CountEventsAsync(Contract contract, CancellationToken ct)
    {
        Withdrawn = contract.IsWithdrawn;
        // A draft continuation has not moved anything yet, so it does not lock the dates.
        LifecycleEventCount = await Db.ContractEvents.CountAsync(e => e.ContractId == contract.Id
            && !(e is NegotiatedContinuation && ((NegotiatedContinuation)e).Status == ContinuationStatus.Draft), ct);
    }

    /// <summary>The latest decision letting the contract (award, renewal, continuation), which a new award date needs approved; null when none is recorded.</summary>
    private Task<ContractDecision?> LatestLettingDecisionAsync(Contract contract, CancellationToken ct)
    {
        DecisionKind[] letting = [DecisionKind.Award, DecisionKind.Renewal, DecisionKind.Continuation];
        return Db.ContractDecisions.AsNoTracking()
            .Where(d => d.ContractId == contract.Id && letting.Contains(d.Kind))
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<IActionResult> ShowConflictAsync(Contract current, CancellationToken ct)
    {
        ModelState.Clear();
        Input.DropBlankRows();
        await LoadChoicesAsync(ct);
        Clash = new Conflict("contract", current.UpdatedBy, current.UpdatedAtUtc, Compare(Input, ContractForm.From(current),
            Providers.ToDictionary(p => p.Value, p => p.Text), Directorates.Concat(Commissioners).ToDictionary(p => p.Value, p => p.Text)));
        ModelState.AddModelError("", "This contract was changed by someone else after you opened it. Nothing has been saved.");
        // Saving again now means "keep my version": the form carries the version just shown.
        Input.Version = current.Version;
        return await RedisplayAsync(ct);
    }

    private static IReadOnlyList<(string, string, string)> Compare(ContractForm mine, ContractForm theirs, IReadOnlyDictionary<string, string> providers,
        IReadOnlyDictionary<string, string> choices)
    {
        string Name(string? id) => id is not null && providers.TryGetValue(id, out var n) ? n : id ?? "";
        // Directorate ids are numbers and user ids are not, so one lookup serves both lists.
        string Chosen(string? id) => id is not null && choices.TryGetValue(id, out var n) ? n : id ?? "";
        string D(DateParts p) => p.ToDate() is { } d ? Dates.Long(d) : string.Join("/", p.Day, p.Month, p.Year);
        var fields = new (string, Func<ContractForm, string?>)[]
        {
            ("Reference", f => f.Reference?.Trim().ToUpperInvariant()), ("Title", f => f.Title?.Trim()), ("Description", f => f.Description?.Trim()),
            ("Service category", f => f.ServiceCategory), ("Directorate", f => Chosen(f.DirectorateId)),
            ("Responsible commissioner", f => Chosen(f.ResponsibleCommissionerId)), ("Procurement route", f => f.ProcurementRoute),
            ("Key decision", f => f.IsKeyDecision ? "Yes" : "No"), ("Confidentiality", f => f.Confidentiality),
            ("Start date", f => D(f.StartDate)), ("Initial end date", f => D(f.InitialEndDate)), ("Date awarded", f => D(f.AwardedOn)),
            ("Notice period in months", f => f.NoticePeriodMonths?.Trim()), ("Break clause", f => f.BreakClause?.Trim()),
            ("Extension options", f => string.Join("; ", f.ExtensionOptions.Select(o => $"{o.Months} months{(o.IsExercised ? " (exercised)" : "")}"))),
            ("Provider", f => Name(f.ProviderId)), ("Annual value", f => ValidationRules.ParseMoney(f.AnnualValue)?.ToString() ?? f.AnnualValue),
            ("Rate card", f => string.Join("; ", f.RateCard.Select(r => $"{r.Service} {r.Unit} {ValidationRules.ParseMoney(r.UnitRate)?.ToString() ?? r.UnitRate}"))),
            ("Sub-contracts", f => string.Join("; ", f.SubContracts.Select(s => $"{Name(s.ProviderId)}: {s.Service} {ValidationRules.ParseMoney(s.AnnualValue)?.ToString() ?? s.AnnualValue}"))),
            ("Members", f => string.Join("; ", f.Members.Select(m => $"{Name(m.ProviderId)} ({m.Role}){(m.IsLead ? " lead" : "")}"))),
            ("CPV code", f => f.CpvCode?.Trim()), ("Review date", f => D(f.ReviewDate)),
            ("Irrecoverable VAT", f => ValidationRules.ParseMoney(f.IrrecoverableVat)?.ToString() ?? f.IrrecoverableVat),
            ("Contact page", f => f.ContactPointUrl?.Trim()), ("Tender documents", f => f.TenderDocumentsUrl?.Trim()),
            ("Contract document", f => f.ContractDocumentUrl?.Trim()),
        };
        return Conflict.Compare(mine, theirs, fields);
    }
}
