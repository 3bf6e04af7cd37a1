using System.Text;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;

namespace Commissioning.Web.Pages.Publish.Notices;

/// <summary>
/// The fields the central digital platform asks for, each from the register, never typed again: the contracting authority,
/// the procurement and contract identifiers, each supplier with its SME and VCSE flags, the value, the dates and any
/// reasons for termination. Shown as a summary list and as plain "label: value" lines to copy.
/// </summary>
public sealed record NoticeData(IReadOnlyList<(string Label, string Value)> Fields, IReadOnlyList<NoticeData.Supplier> Suppliers)
{
    /// <summary>The contract's OCDS record (/ocds/records/{ocid}): the same data as OCDS, with the feed's ocid.</summary>
    public string OcdsRecord { get; init; } = "";

    public sealed record Supplier(string Role, string Name, string? RegistrationNumber, bool IsSme, bool IsVcse);

    public static async Task<NoticeData> LoadAsync(CommissioningDbContext db, Contract c, NoticeSettings settings, IConfiguration configuration,
        CancellationToken ct)
    {
        var roles = new List<(int ProviderId, string Role)>();
        switch (c)
        {
            case ConsortiumContract k:
                roles.AddRange(k.Members.OrderByDescending(m => m.IsLead).Select(m => (m.ProviderId, m.IsLead ? "Consortium lead member" : "Consortium member")));
                break;
            case LeadProviderContract lp:
                roles.Add((lp.LeadProviderId, "Lead provider"));
                roles.AddRange(lp.SubContracts.Select(s => (s.ProviderId, $"Sub-contractor ({s.Service})")));
                break;
            default:
                if (c.ProviderId is { } p) roles.Add((p, "Supplier"));
                break;
        }
        var ids = roles.Select(r => r.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var suppliers = roles.Where(r => providers.ContainsKey(r.ProviderId)).Select(r => providers[r.ProviderId])
            .Zip(roles.Where(r => providers.ContainsKey(r.ProviderId)), (p, r) => new Supplier(r.Role, p.Name, p.RegistrationNumber, p.IsSme, p.IsVcse)).ToList();

        var facts = NoticeContract.Of(c);
        var prefix = configuration["Ocds:OcidPrefix"];
        var estimated = EstimatedValueRule.Of(facts);
        var fields = new List<(string, string)>
        {
            ("Contracting authority", configuration["Council:Name"] ?? "Council"),
            // The one way the contracts file and the OCDS feed make an ocid.
            ("Procurement identifier (OCID)", Domain.Publishing.Ocid.For(prefix, c.Id) ?? "Not set: Ocds:OcidPrefix is not configured"),
            ("Contract reference", c.Reference),
            ("Contract title", c.Title),
            ("Description", c.Description ?? "None recorded"),
            ("Annual value", c.AnnualValue?.ToString() ?? "Not known"),
            ("Estimated value over the maximum term", estimated?.ToString() ?? "Not known (no annual value)"),
            ("Over the high-value threshold", EstimatedValueRule.IsOverThreshold(estimated, settings) ? $"Yes, over {settings.HighValueThreshold}" : $"No, not over {settings.HighValueThreshold}"),
            ("Light-touch contract", NoticeLabels.YesNoWorkedOut(c.IsLightTouchContract, LightTouchRule.IsLightTouch(facts))),
            ("Date awarded", c.AwardedOn is { } a ? Dates.Long(a) : "Not awarded"),
            ("Date entered into", facts.EnteredOn is { } e ? Dates.Long(e) + (c.EnteredIntoOn is null ? " (the date awarded)" : "") : "Not known"),
            ("Start date", Dates.Long(c.StartDate)),
            ("End date", Dates.Long(c.CurrentEndDate)),
            ("Maximum end date (every extension)", Dates.Long(c.MaximumEndDate)),
        };
        if (c.TerminatedOn is { } t)
        {
            fields.Add(("Terminated, last day", Dates.Long(t)));
            fields.Add(("Reasons for termination", c.TerminationReason ?? "None recorded"));
        }
        var ocid = Domain.Publishing.Ocid.For(prefix, c.Id) ?? Domain.Publishing.Ocid.For(Infrastructure.Publishing.Ocds.OcdsOptions.PlaceholderPrefix, c.Id)!;
        return new NoticeData(fields, suppliers) { OcdsRecord = "/ocds/records/" + Uri.EscapeDataString(ocid) };
    }

    /// <summary>Every field and supplier as "label: value" lines, to paste into the platform's form.</summary>
    public string AsText()
    {
        var b = new StringBuilder();
        foreach (var (label, value) in Fields) b.Append(label).Append(": ").Append(value).Append('\n');
        var n = 1;
        foreach (var s in Suppliers)
        {
            b.Append($"Supplier {n++}: ").Append(s.Name).Append(" (").Append(s.Role).Append(')')
                .Append("; registration number: ").Append(s.RegistrationNumber ?? "not recorded")
                .Append("; SME: ").Append(s.IsSme ? "yes" : "no").Append("; VCSE: ").Append(s.IsVcse ? "yes" : "no").Append('\n');
        }
        return b.ToString();
    }
}
