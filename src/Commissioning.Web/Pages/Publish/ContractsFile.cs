using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing;
using Commissioning.Infrastructure.Exports;
using Commissioning.Web.Pages.Contracts;

namespace Commissioning.Web.Pages.Publish;

/// <summary>
/// The Local Government Transparency Code's quarterly contracts file, in the columns and order of the LGA / esd
/// "Contracts" schema as far as it could be reconstructed (docs/publishing.md says where each column comes from and
/// which names could not be checked). A column tied to a <see cref="PublishedField"/> is left empty for a contract
/// that withholds that field, and the last column, "Notes", says what was withheld.
/// </summary>
public static class ContractsFile
{
    /// <summary>Every care contract is a contract for services (not goods or works).</summary>
    public const string ContractType = "Services";

    private sealed record Column(ExportColumn Export, PublishedField? Field, Func<PublishedContract, Context, object?> Value);

    private sealed record Context(PublishingSettings Settings, Quarter Quarter);

    private static Column Text(string heading, PublishedField? field, Func<PublishedContract, Context, object?> value) => new(ExportColumn.Text(heading), field, value);
    private static Column Date(string heading, PublishedField? field, Func<PublishedContract, Context, object?> value) => new(ExportColumn.Date(heading), field, value);
    private static Column Money(string heading, PublishedField? field, Func<PublishedContract, Context, object?> value) => new(ExportColumn.Money(heading), field, value);
    private static string YesNo(bool b) => b ? "Yes" : "No";

    private static readonly IReadOnlyList<Column> Columns =
    [
        Text("Organisation Label", null, (_, x) => x.Settings.OrganisationLabel),
        Text("Organisation URI", null, (_, x) => x.Settings.OrganisationUri),
        Text("Contract Reference", PublishedField.Reference, (c, _) => c.Reference),
        Text("Open Contracting ID", PublishedField.Reference, (c, x) => Ocid.For(x.Settings.OcidPrefix, c.Id)),
        Text("Title", PublishedField.Title, (c, _) => c.Title),
        Text("Description", PublishedField.Description, (c, _) => c.Description),
        Text("Department Responsible", PublishedField.Directorate, (c, _) => c.Directorate),
        Text("Service Category Label", PublishedField.ServiceCategory, (c, _) => Labels.Of(c.ServiceCategory)),
        Text("Service Category URI", PublishedField.ServiceCategory, (_, _) => null),
        Text("CPV Label", PublishedField.Cpv, (c, _) => CpvLabels.For(c.CpvCode)),
        Text("CPV Code", PublishedField.Cpv, (c, _) => c.CpvCode),
        Text("ProClass Label", null, (_, _) => null),
        Text("ProClass URI", null, (_, _) => null),
        Text("Contract Type", null, (_, _) => ContractType),
        Text("Procurement Type", PublishedField.ProcurementRoute, (c, _) => LetBy(c.ProcurementRoute)),
        Text("Supplier Name", PublishedField.Supplier, (c, _) => c.Supplier?.Name),
        Text("Supplier URI", PublishedField.Supplier, (_, _) => null),
        Text("Supplier Registered Company Number", PublishedField.Supplier, (c, _) => SupplierNumbers.Split(c.Supplier?.RegistrationNumber).CompanyNumber),
        Text("Supplier Charity Number", PublishedField.Supplier, (c, _) => SupplierNumbers.Split(c.Supplier?.RegistrationNumber).CharityNumber),
        Text("SME Supplier", PublishedField.SupplierFlags, (c, _) => c.Supplier is { } s ? YesNo(s.IsSme) : null),
        Text("VCSE Supplier", PublishedField.SupplierFlags, (c, _) => c.Supplier is { } s ? YesNo(s.IsVcse) : null),
        Text("VCSE Type", PublishedField.SupplierFlags, (c, _) => c.Supplier?.VcseType is { } t ? Labels.Of(t) : null),
        Date("Start Date", PublishedField.StartDate, (c, _) => c.StartDate),
        Date("End Date", PublishedField.EndDate, (c, _) => c.LastDayInForce),
        Date("Review Date", PublishedField.ReviewDate, (c, _) => c.ReviewDate),
        Date("Last Extension Date", PublishedField.EndDate, (c, _) => c.HasExtensionOptions ? c.MaximumEndDate : null),
        Date("Award Date", PublishedField.StartDate, (c, _) => c.AwardedOn),
        Money("Value", PublishedField.Value, (c, _) => c.Value),
        Money("Annual Value", PublishedField.Value, (c, _) => c.AnnualValue),
        Money("Irrecoverable VAT", PublishedField.IrrecoverableVat, (c, _) => c.IrrecoverableVat),
        Text("Procurement Route", PublishedField.ProcurementRoute, (c, _) => Labels.Of(c.ProcurementRoute)),
        Text("Other Suppliers", PublishedField.Supplier, (c, _) => c.OtherSuppliers.Count == 0 ? null : string.Join("; ", c.OtherSuppliers)),
        Text("Contact Point URL", PublishedField.ContactPoint, (c, _) => c.ContactPointUrl),
        Text("Tender Document URL", PublishedField.TenderDocument, (c, _) => c.TenderDocumentsUrl),
        Text("Contract Document URL", PublishedField.ContractDocument, (c, _) => c.ContractDocumentUrl),
        Date("Effective Date", null, (_, x) => x.Quarter.End),
        Text("Notes", null, (c, _) => c.Note),
    ];

    /// <summary>The headings, in order.</summary>
    public static IReadOnlyList<string> Headings { get; } = Columns.Select(c => c.Export.Heading).ToList();

    /// <summary>The headings of the columns a confidential contract leaves empty at its level.</summary>
    public static IReadOnlyList<string> WithheldHeadings(Confidentiality level) =>
        Columns.Where(c => c.Field is { } f && Withholding.IsWithheld(level, f)).Select(c => c.Export.Heading).ToList();

    /// <summary>
    /// Whether the Code's "invitation to quote or tender" applies. Only an open tender is an invitation to tender; the
    /// register has no route for quotations, and a direct award, a call-off or a continuation is neither, which is said.
    /// </summary>
    public static string LetBy(ProcurementRoute route) => route switch
    {
        ProcurementRoute.OpenTender => "Invitation to tender",
        ProcurementRoute.FrameworkCallOff => "Call-off from a framework agreement (not an invitation to quote or tender)",
        ProcurementRoute.TeckalDirectAward => "Direct award under the Teckal exemption (not an invitation to quote or tender)",
        ProcurementRoute.SingleSourceWaiver => "Direct award, single source (not an invitation to quote or tender)",
        _ => "Negotiated continuation (not an invitation to quote or tender)",
    };

    public static string Title(Quarter quarter) => $"Contracts over the threshold in force in {quarter}";

    /// <summary>The file for a quarter: one row per contract, its withheld fields empty.</summary>
    public static ExportTable Build(IReadOnlyList<PublishedContract> contracts, Quarter quarter, PublishingSettings settings)
    {
        var context = new Context(settings, quarter);
        return new ExportTable(Title(quarter), Columns.Select(c => c.Export))
        {
            FileStem = $"contracts-{quarter.Key}",
            SheetName = $"Contracts {quarter}",
        }.AddRows(contracts, c => Row(c, context));
    }

    private static object?[] Row(PublishedContract c, Context context)
    {
        var withheld = c.Withheld;
        return Columns.Select(col => col.Field is { } f && withheld.Contains(f) ? null : col.Value(c, context)).ToArray();
    }
}
