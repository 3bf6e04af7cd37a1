using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Domain.Publishing;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Publish;

/// <summary>A supplier as the contracts file names it.</summary>
public sealed record PublishedSupplier(string Name, string? RegistrationNumber, bool IsSme, bool IsVcse, VcseType? VcseType);

/// <summary>One contract of a quarter's file, with every field it publishes read from the register (before anything is withheld).</summary>
public sealed record PublishedContract(
    int Id, string Reference, string Title, string? Description, CommissioningForm Form, ServiceCategory ServiceCategory,
    string Directorate, ProcurementRoute ProcurementRoute, Confidentiality Confidentiality,
    DateOnly? AwardedOn, DateOnly StartDate, DateOnly LastDayInForce, DateOnly MaximumEndDate, bool HasExtensionOptions,
    DateOnly? ReviewDate, Money? AnnualValue, Money? Value, Money? IrrecoverableVat, string? CpvCode,
    string? ContactPointUrl, string? TenderDocumentsUrl, string? ContractDocumentUrl,
    PublishedSupplier? Supplier, IReadOnlyList<string> OtherSuppliers)
{
    public IReadOnlySet<PublishedField> Withheld => Withholding.Withheld(Confidentiality);
    public string? Note => Withholding.Note(Confidentiality);
}

/// <summary>
/// The contracts a quarter publishes, by <see cref="PublicationRules"/>: the dates narrow the query in SQL (awarded,
/// not withdrawn, started by the quarter's last day, not ended before its first), then the rule itself decides on
/// each, so that the file, the feed and the public page cannot disagree about which contracts are in.
/// </summary>
public static class PublishedContracts
{
    public static async Task<IReadOnlyList<PublishedContract>> LoadAsync(CommissioningDbContext db, ScheduleCache schedules, Quarter quarter, Money threshold, CancellationToken ct)
    {
        var (first, last) = (quarter.Start, quarter.End);
        var candidates = await (from c in db.Contracts.AsNoTracking()
                                join d in db.Directorates on c.DirectorateId equals d.Id
                                where c.WithdrawnAtUtc == null && c.AwardedOn != null && c.StartDate <= last && c.CurrentEndDate >= first
                                      && (c.TerminatedOn == null || c.TerminatedOn >= first)
                                select new
                                {
                                    c.Id, c.Reference, c.Title, c.Description, Form = EF.Property<string>(c, ContractQueries.FormColumn),
                                    c.ServiceCategory, Directorate = d.Name, c.ProcurementRoute, c.Confidentiality, c.AwardedOn, c.StartDate,
                                    c.CurrentEndDate, c.MaximumEndDate, c.TerminatedOn, c.ReviewDate, c.AnnualValuePence, c.IrrecoverableVatPence,
                                    c.CpvCode, c.ContactPointUrl, c.TenderDocumentsUrl, c.ContractDocumentUrl, c.ProviderId,
                                    Options = c.ExtensionOptions.Count(),
                                }).ToListAsync(ct);

        var totals = await schedules.CurrentTermTotalsAsync(db, ct);
        var chosen = candidates
            .Select(c => (Row: c, Facts: new PublicationFacts(Enum.Parse<CommissioningForm>(c.Form), c.AwardedOn, false, c.StartDate,
                c.CurrentEndDate, c.TerminatedOn, c.AnnualValuePence is { } p ? Money.FromPence(p) : null,
                totals.TryGetValue(c.Id, out var total) ? total : null)))
            .Where(x => PublicationRules.IsPublishable(x.Facts, quarter, threshold))
            .ToList();
        var ids = chosen.Select(x => x.Row.Id).ToList();

        // The other parties: a lead provider's sub-contractors and a consortium's members other than the lead.
        // (Whole aggregates: their parts are owned collections, which SQLite cannot flatten in one query.)
        var leads = await db.Contracts.OfType<LeadProviderContract>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var consortia = await db.Contracts.OfType<ConsortiumContract>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var subContractors = leads.SelectMany(c => c.SubContracts.Select(s => (c.Id, s.ProviderId)))
            .Concat(consortia.SelectMany(c => c.Members.Where(m => !m.IsLead).Select(m => (c.Id, m.ProviderId))))
            .ToLookup(x => x.Id, x => x.ProviderId);
        var providerIds = chosen.Select(x => x.Row.ProviderId).OfType<int>().Concat(subContractors.SelectMany(g => g)).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PublishedSupplier(p.Name, p.RegistrationNumber, p.IsSme, p.IsVcse, p.VcseType), ct);

        return chosen.Select(x =>
        {
            var c = x.Row;
            return new PublishedContract(c.Id, c.Reference, c.Title, c.Description, x.Facts.Form, c.ServiceCategory, c.Directorate,
                c.ProcurementRoute, c.Confidentiality, c.AwardedOn, c.StartDate, x.Facts.LastDayInForce, c.MaximumEndDate, c.Options > 0,
                c.ReviewDate, x.Facts.AnnualValue, x.Facts.Form == CommissioningForm.Spot ? null : PublicationRules.ComparedValue(x.Facts),
                c.IrrecoverableVatPence is { } vat ? Money.FromPence(vat) : null, c.CpvCode,
                c.ContactPointUrl, c.TenderDocumentsUrl, c.ContractDocumentUrl,
                c.ProviderId is { } pid ? providers.GetValueOrDefault(pid) : null,
                subContractors[c.Id].Distinct().Select(id => providers[id].Name).ToList());
        }).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
    }
}
