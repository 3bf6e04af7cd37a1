using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Documents;
using Commissioning.Web.Pages.Contracts;
using Commissioning.Web.Pages.Contracts.Lifecycle;

namespace Commissioning.Web.ViewComponents;

/// <summary>
/// The contract's history, newest first: every lifecycle event, every saved change to its fields (from the
/// audit trail: field, from, to), its renewal links and its withdrawal; who and when for each. A field change
/// saved with an event (the end date an extension moved) is shown under that event rather than twice.
/// </summary>
public sealed class ContractTimelineViewComponent(CommissioningDbContext db, DocumentStore documents) : ViewComponent
{
    /// <summary>Audit entries and events are stamped separately within one save; this is how close "together" is.</summary>
    private static readonly TimeSpan SameSave = TimeSpan.FromSeconds(5);

    public sealed record FieldChange(string Field, string From, string To);

    public sealed record Item(DateTime AtUtc, string What, string Who, IReadOnlyList<string> Details, IReadOnlyList<FieldChange> Changes,
        string? LinkHref = null, string? LinkText = null, bool Warning = false, int? EventId = null);

    public sealed record Model(int ContractId, IReadOnlyList<Item> Items);

    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    /// <summary>The history of a contract the page has read already, with its renewal links and events (DetailsModel reads each row once).</summary>
    public async Task<IViewComponentResult> InvokeAsync(Contract contract, DetailsModel.Renewal? successor, DetailsModel.Renewal? predecessor,
        IReadOnlyList<ContractEvent> events)
    {
        var ct = HttpContext.RequestAborted;
        var contractId = contract.Id;
        // Each event lists its documents: read for all of them at once, not one query an event.
        await documents.ReadAheadAsync(DocumentOwnerKind.ContractEvent, events.Select(e => e.Id).ToList(),
            includeDeleted: UserClaimsPrincipal.IsInRole(Infrastructure.Identity.Roles.Administrator), ct);
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Contract) && a.EntityId == contractId).OrderBy(a => a.Id).ToListAsync(ct);

        // Field changes name directorates and people by id: the history shows their names, read only when a change names one.
        var names = new Names(
            audits.Any(a => a.Changes.Contains(nameof(Contract.DirectorateId), StringComparison.Ordinal))
                ? await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id.ToString(CultureInfo.InvariantCulture), d => d.Name, ct)
                : NoNames,
            audits.Any(a => a.Changes.Contains(nameof(Contract.ResponsibleCommissionerId), StringComparison.Ordinal))
                ? await Infrastructure.Identity.People.NamesAsync(db, ct)
                : NoNames);
        var items = new List<Item>();
        var used = new HashSet<long>();
        foreach (var e in events)
        {
            // The field changes saved with the event: the first audit entry by the same person stamped at or just
            // after the event (the event is stamped before the save, the audit entry during it). A draft continuation
            // and a natural expiry change no field, so they take none.
            var changesContract = e is not NegotiatedContinuation { Status: ContinuationStatus.Draft }
                && e is not ContractTermination { TerminationKind: TerminationKind.NaturalExpiry };
            var with = changesContract
                ? audits.FirstOrDefault(a => !used.Contains(a.Id) && a.Action == "Updated"
                    && (a.ChangedById is not null ? a.ChangedById == e.RecordedById : a.ChangedBy == e.RecordedByName)
                    && a.ChangedAtUtc >= e.RecordedAtUtc && a.ChangedAtUtc - e.RecordedAtUtc <= SameSave)
                : null;
            if (with is not null) used.Add(with.Id);
            items.Add(Describe(e, with is null ? [] : Changes(with, names).ToList()));
        }
        foreach (var a in audits.Where(a => !used.Contains(a.Id)))
        {
            var changes = Changes(a, names).ToList();
            if (a.Action == "Created")
                items.Add(new Item(a.ChangedAtUtc, "Contract added to the register", a.ChangedBy, [], []));
            else if (changes.Any(c => c.Field == Label(nameof(Contract.WithdrawnAtUtc))))
                items.Add(new Item(a.ChangedAtUtc, "Withdrawn as entered in error", a.ChangedBy, [contract.WithdrawalReason ?? ""], [], Warning: true));
            else if (changes.Count > 0)
                items.Add(new Item(a.ChangedAtUtc, "Contract edited", a.ChangedBy, [], changes));
        }
        if (predecessor is not null)
            items.Add(new Item(contract.CreatedAtUtc, $"Renews {predecessor.Reference}", contract.CreatedBy, [], [],
                $"/Contracts/Details/{predecessor.Id}", predecessor.Reference));
        if (successor is not null)
            items.Add(new Item(successor.CreatedAtUtc, $"Renewed by {successor.Reference}", successor.CreatedBy,
                [$"The new contract starts on {Dates.Long(successor.Start)}."], [], $"/Contracts/Details/{successor.Id}", successor.Reference));

        return View(new Model(contractId, items.OrderByDescending(i => i.AtUtc).ToList()));
    }

    private static Item Describe(ContractEvent e, IReadOnlyList<FieldChange> changes)
    {
        var details = new List<string> { $"Date: {Dates.Long(e.EventDate)}", $"Reason: {e.Reason}" };
        if (e.AuthorisingDecision is { } d) details.Add($"Authorised by decision: {d}");
        string what;
        var warn = false;
        switch (e)
        {
            case ExtensionExercised x:
                what = $"Extension option {x.OptionSequence} exercised ({Labels.Months(x.Months)})";
                details.Insert(0, $"End date {Dates.Long(x.EndDateBefore)} to {Dates.Long(x.EndDateAfter)}");
                break;
            case ContractVariation v:
                what = $"Variation under {v.Clause}: {LifecycleLabels.Of(v.Changes).ToLowerInvariant()}";
                if (v.Changes.HasFlag(VariationChange.Value))
                    details.Insert(0, $"Annual value {v.ValueBefore?.ToString() ?? "not set"} to {v.ValueAfter?.ToString() ?? "not set"} ({LifecycleLabels.Percent(v.ValueChangePercent)})");
                if (v.Changes.HasFlag(VariationChange.Term))
                    details.Insert(0, $"End date {Dates.Long(v.EndDateBefore)} to {Dates.Long(v.EndDateAfter)} ({LifecycleLabels.Percent(v.TermChangePercent)} of the maximum term)");
                details.Add($"Change notice: {v.ChangeNoticeExplanation} Rule applied: {LifecycleLabels.Of(v.ChangeNoticeRule)}.");
                warn = v.ChangeNoticeWarning;
                break;
            case NegotiatedContinuation n:
                what = n.Status == ContinuationStatus.Approved
                    ? $"Negotiated continuation to {Dates.Long(n.NewEndDate)}"
                    : $"Draft negotiated continuation to {Dates.Long(n.NewEndDate)} (waiting for approval)";
                if (n.Status == ContinuationStatus.Approved) details.Insert(0, $"End date {Dates.Long(n.EndDateBefore)} to {Dates.Long(n.NewEndDate)}");
                if (n.JustificationText is { Length: > 0 } j) details.Add($"Single source justification: {j}");
                if (n.LegalRisk is { Length: > 0 } r) details.Add($"Legal risk noted: {r}");
                if (n.JustificationApprovedBy is { Length: > 0 } by)
                    details.Add($"Justification approved by {by}{(n.JustificationApprovedOn is { } on ? $" on {Dates.Long(on)}" : "")}");
                break;
            case ContractTermination t:
                what = t.TerminationKind == TerminationKind.NaturalExpiry
                    ? $"Natural expiry recorded: runs to {Dates.Long(t.LastDay)}"
                    : $"Terminated {LifecycleLabels.Of(t.TerminationKind).ToLowerInvariant()}: last day {Dates.Long(t.LastDay)}";
                if (t.NoticeServedOn is { } served)
                    details.Insert(0, $"{Labels.Months(t.NoticePeriodMonths ?? 0)} notice served on {Dates.Long(served)}");
                warn = t.TerminationKind != TerminationKind.NaturalExpiry;
                break;
            default:
                what = LifecycleLabels.Of(e.Kind);
                break;
        }
        return new Item(e.RecordedAtUtc, what, e.RecordedByName, details, changes, Warning: warn, EventId: e.Id);
    }

    /// <summary>Directorates by id, people's display names by user id.</summary>
    private sealed record Names(IReadOnlyDictionary<string, string> Directorates, IReadOnlyDictionary<string, string> People);

    private static IEnumerable<FieldChange> Changes(AuditEntry a, Names names)
    {
        List<RawChange>? raw;
        try
        {
            raw = JsonSerializer.Deserialize<List<RawChange>>(a.Changes);
        }
        catch (JsonException)
        {
            yield break;
        }
        raw ??= [];
        // Picking a user for a contract that named a historic commissioner changes two columns: one line, name to name.
        var historic = raw.FirstOrDefault(c => c.Field == nameof(Contract.HistoricCommissionerName));
        foreach (var c in raw)
        {
            if (c.Field is null || Hidden.Contains(c.Field)) continue;
            if (c.Field == nameof(Contract.ResponsibleCommissionerId))
                yield return new FieldChange(Label(c.Field), Commissioner(names, c.From, historic?.From), Commissioner(names, c.To, historic?.To));
            else if (c.Field == nameof(Contract.HistoricCommissionerName))
            {
                if (!raw.Any(r => r.Field == nameof(Contract.ResponsibleCommissionerId)))
                    yield return new FieldChange(Label(c.Field), Commissioner(names, null, c.From), Commissioner(names, null, c.To));
            }
            else if (c.Field == nameof(Contract.DirectorateId))
                yield return new FieldChange(Label(c.Field), Named(names.Directorates, c.From), Named(names.Directorates, c.To));
            else
                yield return new FieldChange(Label(c.Field), Value(c.Field, c.From), Value(c.Field, c.To));
        }
    }

    private static string Commissioner(Names names, string? userId, string? historic) =>
        userId is null && historic is null ? "(none)" : Infrastructure.Identity.People.Commissioner(names.People, userId, historic);

    private static string Named(IReadOnlyDictionary<string, string> names, string? id) =>
        id is null ? "(none)" : names.TryGetValue(id, out var name) ? name : id;

    // Withdrawal is shown as one line of its own; its who/when columns would only repeat it.
    private static readonly HashSet<string> Hidden = [nameof(Contract.WithdrawnById), nameof(Contract.WithdrawnByName), nameof(Contract.WithdrawalReason)];

    private static readonly Dictionary<string, string> Labels_ = new()
    {
        [nameof(Contract.Title)] = "Title", [nameof(Contract.Reference)] = "Reference", [nameof(Contract.Description)] = "Description",
        [nameof(Contract.ServiceCategory)] = "Service category", [nameof(Contract.DirectorateId)] = "Directorate",
        [nameof(Contract.ResponsibleCommissionerId)] = "Responsible commissioner", [nameof(Contract.HistoricCommissionerName)] = "Responsible commissioner",
        // Fields as audit entries named them before directorates and commissioners were chosen from lists (free text then).
        ["Directorate"] = "Directorate", ["ResponsibleCommissioner"] = "Responsible commissioner",
        [nameof(Contract.ProcurementRoute)] = "Procurement route",
        [nameof(Contract.IsKeyDecision)] = "Key decision", [nameof(Contract.Confidentiality)] = "Confidentiality",
        [nameof(Contract.StartDate)] = "Start date", [nameof(Contract.InitialEndDate)] = "Initial end date",
        [nameof(Contract.CurrentEndDate)] = "Current end date", [nameof(Contract.MaximumEndDate)] = "Maximum end date",
        [nameof(Contract.NoticePeriodMonths)] = "Notice period (months)", [nameof(Contract.BreakClause)] = "Break clause",
        [nameof(Contract.AwardedOn)] = "Date awarded", [nameof(Contract.TerminatedOn)] = "Last day (terminated)",
        [nameof(Contract.TerminationReason)] = "Termination reason", [nameof(Contract.ProviderId)] = "Provider",
        [nameof(Contract.AnnualValuePence)] = "Annual value", [nameof(Contract.ExtensionOptions)] = "Extension option",
        [nameof(Contract.RateCard)] = "Rate card line", [nameof(Contract.WithdrawnAtUtc)] = "Withdrawn",
        ["SubContracts"] = "Sub-contract", ["Members"] = "Consortium member",
    };

    private static string Label(string field) => Labels_.TryGetValue(field, out var l) ? l : field;

    private static string Value(string field, string? value)
    {
        if (value is null) return "(none)";
        if (field == nameof(Contract.AnnualValuePence) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pence))
            return Money.FromPence(pence).ToString();
        if (DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Dates.Long(date);
        return value switch { "True" => "Yes", "False" => "No", _ => value };
    }

    // The audit trail writes its changes as JSON with lower-case names.
    private sealed record RawChange([property: JsonPropertyName("field")] string? Field, [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("to")] string? To);
}
