using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Providers;
using Commissioning.Domain.Publishing;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Infrastructure.Publishing;

/// <summary>How a party stands in a published contract.</summary>
public enum PublicPartyRole { Supplier, ConsortiumLead, ConsortiumMember, SubContractor }

/// <summary>An organisation named in a published contract, with the flags the Code and the UK extension publish.</summary>
public sealed record PublicParty(int ProviderId, string Name, PublicPartyRole Role, string? RoleText, bool IsSme, bool IsVcse,
    string? RegistrationNumber);

/// <summary>A financial year's agreed value: what is paid in the year (pro-rated to the part the contract covers).</summary>
public sealed record PublicYearValue(int ReviewId, FinancialYear Year, Money YearValue, DateTime AgreedAtUtc);

/// <summary>What a lifecycle event publishes: the kind, the day, and what it changed. Never the officers' free-text reason.</summary>
public sealed record PublicEvent(int Id, ContractEventKind Kind, DateOnly Date, DateOnly? EndDateBefore, DateOnly? EndDateAfter,
    Money? ValueBefore, Money? ValueAfter, string? Clause, VariationChange Changes, TerminationKind? Termination);

/// <summary>
/// A contract as anyone outside the council may see it, with what its confidentiality withholds already taken out
/// (<see cref="Withholding"/>): a withheld figure is null here, so no page or feed built on this can show it.
/// <see cref="AnnualValue"/> is the annual value (a spot contract's estimated annual spend); <see cref="TermValue"/> the sum
/// over the current term the Code publishes (<see cref="PublicationRules.ComparedValue"/>), none for a spot contract.
/// </summary>
public sealed record PublicContract(
    int Id,
    string Reference,
    string Title,
    string? Description,
    string Directorate,
    ServiceCategory ServiceCategory,
    CommissioningForm Form,
    ProcurementRoute ProcurementRoute,
    Confidentiality Confidentiality,
    DateOnly AwardedOn,
    DateOnly StartDate,
    DateOnly CurrentEndDate,
    DateOnly MaximumEndDate,
    DateOnly? TerminatedOn,
    Money? AnnualValue,
    Money? TermValue,
    IReadOnlyList<PublicParty> Parties,
    IReadOnlyList<PublicYearValue> Years,
    IReadOnlyList<PublicEvent> Events,
    PublishingDetails Details)
{
    public IReadOnlySet<PublishedField> Withheld => Withholding.Withheld(Confidentiality);
    public string? WithheldNote => Withholding.Note(Confidentiality);
    public bool Shows(PublishedField field) => !Withheld.Contains(field);
    public DateOnly LastDayInForce => TerminatedOn is { } t && t < CurrentEndDate ? t : CurrentEndDate;
    public PublicParty? Supplier => Parties.FirstOrDefault(p => p.Role is PublicPartyRole.Supplier or PublicPartyRole.ConsortiumLead);

    /// <summary>The sum of the years shown: the values table's totals row.</summary>
    public Money? YearsTotal => Shows(PublishedField.Value) ? Money.Sum(Years.Select(y => y.YearValue)) : null;
}

/// <summary>
/// The contracts the public page and the OCDS feed publish: every contract the shared publication rule
/// (<see cref="PublicationRules"/>) publishes in some quarter — let, never withdrawn, worth more than the threshold —
/// with agreed values only (a review in progress is not a value yet) and approved lifecycle events only.
/// </summary>
public static class PublicContracts
{
    /// <summary>
    /// Every published contract, made once per register version and kept (<see cref="ScheduleCache.KeptAsync"/>): the
    /// public page and the feed are for anyone, and making them took 1.5 s at 10,000 contracts.
    /// </summary>
    public static Task<IReadOnlyList<PublicContract>> HeldAsync(CommissioningDbContext db, ScheduleCache schedules, Money threshold, CancellationToken ct) =>
        schedules.KeptAsync(db, $"public-contracts:{threshold.Pence}", c => LoadAsync(db, schedules, threshold, c), ct);

    public static async Task<IReadOnlyList<PublicContract>> LoadAsync(CommissioningDbContext db, ScheduleCache schedules, Money threshold, CancellationToken ct,
        IReadOnlyCollection<int>? only = null)
    {
        var query = db.Contracts.AsNoTracking().Where(c => c.WithdrawnAtUtc == null && c.AwardedOn != null);
        if (only is not null) query = query.Where(c => only.Contains(c.Id));
        var totals = await schedules.CurrentTermTotalsAsync(db, ct);
        PublicationFacts Facts(Contract c) => PublicationFacts.Of(c) with { TermValue = totals.TryGetValue(c.Id, out var t) ? t : null };
        var contracts = (await query.OrderBy(c => c.Reference).ToListAsync(ct))
            .Where(c => IsPublic(Facts(c), threshold)).ToList();
        // The values and events of the contracts the query chose, asked for by that same condition rather than by a list of
        // 9,000 ids (SQLite took 0.3 s for each list; the condition is a join on the key); those of contracts the rule then
        // leaves out are not looked up.
        var chosen = query.Select(c => c.Id);

        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var years = (await db.AnnualValueReviews.AsNoTracking()
                .Where(r => r.Status == ReviewStatus.Agreed && chosen.Contains(r.ContractId))
                .Select(r => new { r.Id, r.ContractId, r.FinancialYearStart, r.YearValuePence, r.DecidedAtUtc, r.ProposedAtUtc })
                .ToListAsync(ct))
            .ToLookup(r => r.ContractId, r => new PublicYearValue(r.Id, new FinancialYear(r.FinancialYearStart),
                Money.FromPence(r.YearValuePence), r.DecidedAtUtc ?? r.ProposedAtUtc));
        var events = (await db.ContractEvents.AsNoTracking().Where(e => chosen.Contains(e.ContractId)).ToListAsync(ct))
            .ToLookup(e => e.ContractId);

        return contracts.Select(c =>
        {
            var withheld = Withholding.Withheld(c.Confidentiality);
            var showValue = !withheld.Contains(PublishedField.Value);
            return new PublicContract(c.Id, c.Reference, c.Title,
                withheld.Contains(PublishedField.Description) ? null : c.Description,
                directorates.GetValueOrDefault(c.DirectorateId, ""), c.ServiceCategory, c.Form, c.ProcurementRoute, c.Confidentiality,
                c.AwardedOn!.Value, c.StartDate, c.CurrentEndDate, c.MaximumEndDate, c.TerminatedOn,
                showValue ? c.AnnualValue : null,
                showValue && c.Form != CommissioningForm.Spot ? PublicationRules.ComparedValue(Facts(c)) : null,
                Parties(c, providers),
                showValue ? years[c.Id].OrderBy(y => y.Year).ToList() : [],
                events[c.Id].Select(e => Event(e, showValue)).OfType<PublicEvent>().OrderBy(e => e.Date).ThenBy(e => e.Id).ToList(),
                Published(c.PublishingDetails, withheld));
        }).ToList();
    }

    /// <summary>
    /// Published at all: in some quarter's file by the shared rule. The quarter its first day falls in is one it is in
    /// force during, so the rule is asked about that quarter (the in-force test then always holds).
    /// </summary>
    public static bool IsPublic(PublicationFacts facts, Money threshold) =>
        facts.StartDate <= facts.LastDayInForce
        && PublicationRules.IsPublishable(facts, Quarter.Containing(facts.StartDate), threshold);

    private static List<PublicParty> Parties(Contract c, IReadOnlyDictionary<int, Provider> providers)
    {
        PublicParty Party(int id, PublicPartyRole role, string? text)
        {
            var p = providers[id];
            return new PublicParty(id, p.Name, role, text, p.IsSme, p.IsVcse, p.RegistrationNumber);
        }

        return c switch
        {
            ConsortiumContract k => k.Members.OrderByDescending(m => m.IsLead).ThenBy(m => providers[m.ProviderId].Name)
                .Select(m => Party(m.ProviderId, m.IsLead ? PublicPartyRole.ConsortiumLead : PublicPartyRole.ConsortiumMember,
                    string.IsNullOrWhiteSpace(m.Role) ? null : m.Role)).ToList(),
            LeadProviderContract lp => [Party(lp.LeadProviderId, PublicPartyRole.Supplier, "Lead provider"),
                .. lp.SubContracts.Select(s => Party(s.ProviderId, PublicPartyRole.SubContractor, s.Service))],
            _ when c.ProviderId is { } id => [Party(id, PublicPartyRole.Supplier, null)],
            _ => [],
        };
    }

    /// <summary>The Code's further fields, less what the contract's confidentiality withholds.</summary>
    private static PublishingDetails Published(PublishingDetails d, IReadOnlySet<PublishedField> withheld) => new(
        withheld.Contains(PublishedField.Cpv) ? null : d.CpvCode,
        withheld.Contains(PublishedField.ReviewDate) ? null : d.ReviewDate,
        withheld.Contains(PublishedField.IrrecoverableVat) ? null : d.IrrecoverableVat,
        withheld.Contains(PublishedField.ContactPoint) ? null : d.ContactPointUrl,
        withheld.Contains(PublishedField.TenderDocument) ? null : d.TenderDocumentsUrl,
        withheld.Contains(PublishedField.ContractDocument) ? null : d.ContractDocumentUrl);

    /// <summary>An event as published; a draft continuation (its justification not approved) is not an event yet.</summary>
    private static PublicEvent? Event(ContractEvent e, bool showValue) => e switch
    {
        ExtensionExercised x => new(x.Id, x.Kind, x.EventDate, x.EndDateBefore, x.EndDateAfter, null, null, null, VariationChange.Term, null),
        ContractVariation v => new(v.Id, v.Kind, v.EventDate, v.EndDateBefore, v.EndDateAfter,
            showValue ? v.ValueBefore : null, showValue ? v.ValueAfter : null, v.Clause, v.Changes, null),
        NegotiatedContinuation n when n.Status == ContinuationStatus.Approved =>
            new(n.Id, n.Kind, n.EventDate, n.EndDateBefore, n.NewEndDate, null, null, null, VariationChange.Term, null),
        ContractTermination t => new(t.Id, t.Kind, t.EventDate, null, t.LastDay, null, null, null, VariationChange.None, t.TerminationKind),
        _ => null,
    };
}
