using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>
/// The register as a spreadsheet that imports back: one row a contract, under the headings the import
/// maps without asking (<see cref="ImportFieldNames"/>), and a column of agreed annual values for each
/// financial year any of them has. Contracts are read as the file is written (decision 0027); what each
/// row refers to (providers, directorates, people, agreed values) is read first, as they are few or small.
/// </summary>
public static class RegisterExport
{
    public static readonly ImportField[] Fields =
    [
        ImportField.Reference, ImportField.Title, ImportField.Description, ImportField.ProviderName, ImportField.ProviderRegistrationNumber,
        ImportField.Directorate, ImportField.ServiceCategory, ImportField.Form, ImportField.ProcurementRoute, ImportField.ResponsibleCommissioner,
        ImportField.StartDate, ImportField.EndDate, ImportField.MaximumEndDate, ImportField.NoticePeriodMonths, ImportField.AnnualValue,
        ImportField.ConsortiumMembers, ImportField.RateCard,
    ];

    public static async Task<ExportTable> BuildAsync(CommissioningDbContext db, IQueryable<Contract> contracts, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.Name, p.RegistrationNumber }).ToDictionaryAsync(p => p.Id, ct);
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var people = await People.NamesAsync(db, ct);
        var ids = contracts.Select(c => c.Id);
        var agreed = (await db.AnnualValueReviews.AsNoTracking()
                .Where(r => r.Status == ReviewStatus.Agreed && ids.Contains(r.ContractId))
                .Select(r => new { r.ContractId, r.FinancialYearStart, r.AnnualPence }).ToListAsync(ct))
            .GroupBy(r => r.ContractId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.FinancialYearStart, r => r.AnnualPence));
        var years = agreed.Values.SelectMany(y => y.Keys).Distinct().Order().ToList();

        var columns = Fields.Select(f => f switch
            {
                ImportField.StartDate or ImportField.EndDate or ImportField.MaximumEndDate => ExportColumn.Date(ImportFieldNames.Heading(f)),
                ImportField.NoticePeriodMonths => ExportColumn.Integer(ImportFieldNames.Heading(f)),
                ImportField.AnnualValue => ExportColumn.Money(ImportFieldNames.Heading(f)),
                _ => ExportColumn.Text(ImportFieldNames.Heading(f)),
            })
            .Concat(years.Select(y => ExportColumn.Money(ImportFieldNames.YearHeading(y))));

        string? Provider(int? id) => id is { } p && providers.TryGetValue(p, out var found) ? found.Name : null;

        object?[] Row(Contract c)
        {
            var provider = c.ProviderId is { } pid && providers.TryGetValue(pid, out var p) ? p : null;
            var values = agreed.GetValueOrDefault(c.Id);
            return
            [
                c.Reference, c.Title, c.Description, provider?.Name, provider?.RegistrationNumber,
                directorates.GetValueOrDefault(c.DirectorateId), Labels.Of(c.ServiceCategory), Labels.Of(c.Form), Labels.Of(c.ProcurementRoute),
                c.ResponsibleCommissionerId is { } user && people.TryGetValue(user, out var name) ? name : c.HistoricCommissionerName,
                c.StartDate, c.CurrentEndDate, c.MaximumEndDate, (long)c.NoticePeriodMonths, c.AnnualValue,
                c is ConsortiumContract k ? string.Join("; ", k.Members.OrderByDescending(m => m.IsLead).Select(m => Provider(m.ProviderId))) : null,
                c.RateCard.Count > 0 ? string.Join("; ", c.RateCard.Select(l => $"{l.Service} {Labels.Of(l.Unit)} {l.UnitRate}")) : null,
                .. years.Select(y => values is not null && values.TryGetValue(y, out var pence) ? (object?)Money.FromPence(pence) : null),
            ];
        }

        return new ExportTable("Contract register", columns) { FileStem = "contract-register", SheetName = "Contracts" }
            .StreamRows(contracts.AsNoTracking().OrderBy(c => c.Reference).AsAsyncEnumerable(), Row);
    }
}
