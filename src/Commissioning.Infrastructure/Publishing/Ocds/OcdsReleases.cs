using System.Globalization;
using System.Text.Json.Nodes;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.Publishing.Ocds;

/// <summary>One release with the two things the feed sorts and filters by.</summary>
public sealed record OcdsRelease(string Ocid, string Id, DateTime DateUtc, Func<JsonObject> Build)
{
    /// <summary>The release's JSON, made on each call: a page of the feed makes only its own, and a JSON node has one parent.</summary>
    public JsonObject Json => Build();
}

/// <summary>
/// A published contract as OCDS 1.1.5 releases, one per event: the award, the contract, each agreed year's value
/// (planningUpdate), each change of term or value (contractAmendment) and the end (contractTermination). Ids are the
/// ocid, the event's kind and the register's id for it, so they never change. docs/publishing.md maps every field.
/// </summary>
public sealed class OcdsReleases(OcdsOptions options, string buyerName)
{
    /// <summary>The contracts file's ocid (<see cref="Domain.Publishing.Ocid"/>), on the placeholder prefix while none is registered.</summary>
    public string Ocid(int contractId) =>
        Domain.Publishing.Ocid.For(options.OcidPrefix, contractId) ?? Domain.Publishing.Ocid.For(OcdsOptions.PlaceholderPrefix, contractId)!;

    public IEnumerable<OcdsRelease> For(PublicContract c)
    {
        var ocid = Ocid(c.Id);
        var awardId = $"{c.Id}-award";
        var contractId = $"{c.Id}-contract";

        yield return Release(c, $"{ocid}-award", "award", Midnight(c.AwardedOn), r =>
        {
            r["tender"] = new JsonObject
            {
                ["id"] = $"{c.Id}-tender",
                ["title"] = c.Title,
                ["procurementMethod"] = Method(c.ProcurementRoute),
                ["procurementMethodDetails"] = RouteText(c.ProcurementRoute),
                ["mainProcurementCategory"] = "services",
            };
            var award = new JsonObject
            {
                ["id"] = awardId,
                ["title"] = c.Title,
                ["status"] = "active",
                ["date"] = Date(c.AwardedOn),
                ["suppliers"] = new JsonArray([.. c.Parties.Where(IsSupplier).Select(Reference)]),
                ["contractPeriod"] = Period(c.StartDate, c.CurrentEndDate, c.MaximumEndDate),
                ["mainProcurementCategory"] = "services",
            };
            if (c.Description is { } d) award["description"] = d;
            if (c.TermValue is { } v) award["value"] = Value(v);
            if (c.Details.CpvCode is { } cpv)
                award["items"] = new JsonArray(new JsonObject { ["id"] = "1", ["classification"] = new JsonObject { ["scheme"] = "CPV", ["id"] = cpv } });
            if (c.Details.TenderDocumentsUrl is { } tenderDocs)
                ((JsonObject)r["tender"]!)["documents"] = new JsonArray(Document("tender-documents", "biddingDocuments", tenderDocs));
            r["awards"] = new JsonArray(award);
        });

        yield return Release(c, $"{ocid}-contract", "contract", Midnight(c.AwardedOn), r =>
        {
            var contract = Contract(contractId, awardId, "active");
            contract["title"] = c.Title;
            if (c.Description is { } d) contract["description"] = d;
            contract["period"] = Period(c.StartDate, c.CurrentEndDate, c.MaximumEndDate);
            if (c.TermValue is { } v) contract["value"] = Value(v);
            if (c.Details.ContractDocumentUrl is { } signed) contract["documents"] = new JsonArray(Document("contract-document", "contractSigned", signed));
            WithContract(r, c, awardId, contract);
        });

        foreach (var y in c.Years)
        {
            yield return Release(c, $"{ocid}-value-{y.ReviewId}", "planningUpdate", y.AgreedAtUtc, r => r["planning"] = new JsonObject
            {
                ["budget"] = new JsonObject
                {
                    ["id"] = "values-by-financial-year",
                    ["description"] = "The value agreed for each financial year: what is paid in the year.",
                    ["budgetBreakdown"] = new JsonArray(new JsonObject
                    {
                        ["id"] = y.Year.ToString().Replace('/', '-'),
                        ["description"] = $"Financial year {y.Year}",
                        ["amount"] = Value(y.YearValue),
                        ["period"] = new JsonObject { ["startDate"] = Date(y.Year.Start), ["endDate"] = EndOfDay(y.Year.End) },
                    }),
                },
            });
        }

        foreach (var e in c.Events)
        {
            if (e.Kind == ContractEventKind.Termination)
            {
                yield return Release(c, $"{ocid}-termination-{e.Id}", "contractTermination", Midnight(e.Date), r =>
                {
                    var contract = Contract(contractId, awardId, "terminated");
                    contract["period"] = new JsonObject { ["startDate"] = Date(c.StartDate), ["endDate"] = EndOfDay(e.EndDateAfter!.Value) };
                    contract["description"] = Ending(e.Termination, e.EndDateAfter!.Value);
                    WithContract(r, c, awardId, contract);
                });
                continue;
            }
            var releaseId = $"{ocid}-amendment-{e.Id}";
            yield return Release(c, releaseId, "contractAmendment", Midnight(e.Date), r =>
            {
                var contract = Contract(contractId, awardId, "active");
                var amendment = new JsonObject
                {
                    ["id"] = e.Id.ToString(CultureInfo.InvariantCulture),
                    ["date"] = Date(e.Date),
                    ["description"] = Amended(e),
                    ["releaseID"] = releaseId,
                };
                if (e.EndDateAfter is { } end)
                {
                    contract["period"] = new JsonObject { ["startDate"] = Date(c.StartDate), ["endDate"] = EndOfDay(end) };
                    amendment["period"] = new JsonObject { ["startDate"] = Date(c.StartDate), ["endDate"] = EndOfDay(end) };
                }
                if (e.ValueAfter is { } after) amendment["value"] = Value(after);
                contract["amendments"] = new JsonArray(amendment);
                WithContract(r, c, awardId, contract);
            });
        }
    }

    private JsonObject Json(PublicContract c, string id, string tag, DateTime dateUtc, Action<JsonObject> fill)
    {
        var release = new JsonObject
        {
            ["ocid"] = Ocid(c.Id),
            ["id"] = id,
            ["date"] = Stamp(dateUtc),
            ["tag"] = new JsonArray(tag),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = new JsonArray([Buyer(c), .. c.Parties.Select(Party)]),
            ["buyer"] = new JsonObject { ["id"] = BuyerPartyId, ["name"] = buyerName },
        };
        fill(release);
        return release;
    }

    /// <summary>The release and what the feed needs to sort and filter it.</summary>
    private OcdsRelease Release(PublicContract c, string id, string tag, DateTime dateUtc, Action<JsonObject> fill) =>
        new(Ocid(c.Id), id, dateUtc, () => Json(c, id, tag, dateUtc, fill));

    private string BuyerPartyId => options.BuyerScheme is { } s && options.BuyerId is { } i ? $"{s}-{i}" : "buyer";

    /// <summary>The council, with the contract's contact point (the page where the public can ask about it) when it has one.</summary>
    private JsonObject Buyer(PublicContract c)
    {
        var buyer = new JsonObject { ["id"] = BuyerPartyId, ["name"] = buyerName, ["roles"] = new JsonArray("buyer") };
        if (c.Details.ContactPointUrl is { } contact) buyer["contactPoint"] = new JsonObject { ["url"] = contact };
        if (options.BuyerScheme is { } s && options.BuyerId is { } i)
            buyer["identifier"] = new JsonObject { ["scheme"] = s, ["id"] = i, ["legalName"] = buyerName };
        return buyer;
    }

    public static string PartyId(int providerId) => $"provider-{providerId.ToString(CultureInfo.InvariantCulture)}";

    private static bool IsSupplier(PublicParty p) => p.Role != PublicPartyRole.SubContractor;

    private static JsonObject Reference(PublicParty p) => new() { ["id"] = PartyId(p.ProviderId), ["name"] = p.Name };

    /// <summary>
    /// A provider: suppliers (the contracting provider, every consortium member) have the role "supplier"; a lead
    /// provider's sub-contractors are not parties to the contract, and the partyRole codelist (with the UK extension's
    /// addition) has no code for them, so they take the local code "x_subcontractor" the open codelist allows.
    /// The UK extension's roleDetails says which member leads and what each sub-contractor does.
    /// </summary>
    private static JsonObject Party(PublicParty p)
    {
        var party = new JsonObject
        {
            ["id"] = PartyId(p.ProviderId),
            ["name"] = p.Name,
            ["roles"] = new JsonArray(p.Role == PublicPartyRole.SubContractor ? "x_subcontractor" : "supplier"),
            ["details"] = new JsonObject { ["scale"] = p.IsSme ? "sme" : "large", ["vcse"] = p.IsVcse },
        };
        if (RoleDetails(p) is { } details) party["roleDetails"] = details;
        if (Identifier(p) is { } identifier) party["identifier"] = identifier;
        return party;
    }

    private static string? RoleDetails(PublicParty p) => p.Role switch
    {
        PublicPartyRole.ConsortiumLead => Join("Lead member of the consortium", p.RoleText),
        PublicPartyRole.ConsortiumMember => Join("Member of the consortium", p.RoleText),
        PublicPartyRole.SubContractor => Join("Sub-contractor to the lead provider", p.RoleText),
        _ => p.RoleText,
    };

    private static string Join(string what, string? text) => text is null ? what : $"{what}: {text}";

    /// <summary>
    /// A Companies House number is eight characters, digits or two letters and six digits (SC123456); a charity's
    /// in England and Wales six or seven digits. Anything else is published without a scheme rather than under a wrong one.
    /// </summary>
    private static JsonObject? Identifier(PublicParty p)
    {
        if (p.RegistrationNumber is not { } number) return null;
        var n = number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var scheme = n.Length == 8 && n[2..].All(char.IsAsciiDigit) && n[..2].All(char.IsAsciiLetterOrDigit) ? "GB-COH"
            : n.Length is 6 or 7 && n.All(char.IsAsciiDigit) ? "GB-CHC"
            : null;
        var identifier = new JsonObject { ["id"] = n, ["legalName"] = p.Name };
        if (scheme is not null) identifier["scheme"] = scheme;
        return identifier;
    }

    /// <summary>A contract, and the award it is issued against (its id and suppliers), so its awardID resolves in the release itself.</summary>
    private static void WithContract(JsonObject release, PublicContract c, string awardId, JsonObject contract)
    {
        release["awards"] = new JsonArray(new JsonObject
        {
            ["id"] = awardId,
            ["status"] = "active",
            ["suppliers"] = new JsonArray([.. c.Parties.Where(IsSupplier).Select(Reference)]),
        });
        release["contracts"] = new JsonArray(contract);
    }

    private static JsonObject Document(string id, string type, string url) => new() { ["id"] = id, ["documentType"] = type, ["url"] = url };

    private static JsonObject Contract(string id, string awardId, string status) =>
        new() { ["id"] = id, ["awardID"] = awardId, ["status"] = status };

    private static JsonObject Period(DateOnly start, DateOnly end, DateOnly maxExtent) =>
        new() { ["startDate"] = Date(start), ["endDate"] = EndOfDay(end), ["maxExtentDate"] = EndOfDay(maxExtent) };

    /// <summary>Amounts exactly as the register holds them: pounds with two decimal places (Money keeps the scale).</summary>
    private static JsonObject Value(Money m) => new() { ["amount"] = m.Amount, ["currency"] = "GBP" };

    private static string Amended(PublicEvent e) => e.Kind switch
    {
        ContractEventKind.ExtensionExercised => $"Extension option exercised: the contract now ends on {Dates.Long(e.EndDateAfter!.Value)}.",
        ContractEventKind.NegotiatedContinuation => $"Negotiated continuation to {Dates.Long(e.EndDateAfter!.Value)}.",
        _ => $"Variation under {e.Clause}: {Changes(e)}.",
    };

    private static string Changes(PublicEvent e)
    {
        var parts = new List<string>();
        if (e.Changes.HasFlag(VariationChange.Value)) parts.Add(e.ValueAfter is { } v ? $"annual value now {v}" : "value");
        if (e.Changes.HasFlag(VariationChange.Term) && e.EndDateAfter is { } end) parts.Add($"now ends on {Dates.Long(end)}");
        if (e.Changes.HasFlag(VariationChange.Scope)) parts.Add("scope");
        if (e.Changes.HasFlag(VariationChange.Parties)) parts.Add("parties");
        return parts.Count == 0 ? "changed" : string.Join("; ", parts);
    }

    private static string Ending(TerminationKind? kind, DateOnly lastDay) => kind switch
    {
        TerminationKind.Notice => $"Ended by notice; last day {Dates.Long(lastDay)}.",
        TerminationKind.Breach => $"Ended for breach; last day {Dates.Long(lastDay)}.",
        TerminationKind.Agreement => $"Ended by agreement; last day {Dates.Long(lastDay)}.",
        _ => $"Ran to its end date, {Dates.Long(lastDay)}, and was not extended.",
    };

    private static string Method(ProcurementRoute r) => r switch
    {
        ProcurementRoute.OpenTender => "open",
        ProcurementRoute.FrameworkCallOff => "selective",
        ProcurementRoute.NegotiatedContinuation => "limited",
        _ => "direct",
    };

    private static string RouteText(ProcurementRoute r) => r switch
    {
        ProcurementRoute.OpenTender => "Open tender",
        ProcurementRoute.TeckalDirectAward => "Direct award to a council-owned company (Teckal exemption)",
        ProcurementRoute.SingleSourceWaiver => "Single source, under a waiver of contract procedure rules",
        ProcurementRoute.FrameworkCallOff => "Call-off from a framework agreement",
        _ => "Negotiated continuation of an earlier contract",
    };

    public static DateTime Midnight(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private static string Date(DateOnly d) => Stamp(Midnight(d));
    /// <summary>A last day in force ends at its last second: OCDS periods are instants.</summary>
    private static string EndOfDay(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z";
}
