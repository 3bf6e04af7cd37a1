using Commissioning.Domain.Publishing;
using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Publishing;
using Commissioning.Infrastructure.Publishing.Ocds;
using Commissioning.Web.Pages.Contracts;

namespace Commissioning.Web.Pages.Public;

/// <summary>
/// /Public/Contracts: the published fields of every contract the council publishes, for anyone, without signing in;
/// searchable by reference, title or supplier, 20 a page, each with its agreed values by year; the same rows as CSV.
/// Built on <see cref="PublicContracts"/>, so what a confidential contract withholds is never loaded into the page.
/// </summary>
public sealed class ContractsModel(CommissioningDbContext db, ScheduleCache schedules, IConfiguration configuration, OcdsFeed feed) : PublicPage(configuration)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<PublicContract> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pagination Pages { get; private set; } = null!;

    public string Ocid(PublicContract c) => feed.Ocid(c.Id);
    public Money Threshold => PublicSetup.Threshold(Configuration);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var matching = Search(await LoadAsync(ct), Q);
        Total = matching.Count;
        Pages = Pagination.ForList(Request, Total, PageSize, label: "Pages of published contracts");
        PageNumber = Pages.Current;
        Rows = matching.Skip(Pages.Skip(PageSize)).Take(PageSize).ToList();
        PublicSetup.MarkCacheable(HttpContext);
        return Page();
    }

    /// <summary>Every published contract's published fields as CSV: one row a contract, the page's columns, withheld cells empty.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var table = new ExportTable("Published contracts",
            ExportColumn.Text("Reference"), ExportColumn.Text("Title"), ExportColumn.Text("Description"), ExportColumn.Text("Department"),
            ExportColumn.Text("Service category"), ExportColumn.Text("Supplier"), ExportColumn.Text("Supplier registration number"),
            ExportColumn.Text("SME"), ExportColumn.Text("VCSE"), ExportColumn.Text("Other suppliers and sub-contractors"),
            ExportColumn.Text("Procurement route"), ExportColumn.Date("Start date"), ExportColumn.Date("End date"),
            ExportColumn.Date("Latest possible end date"), ExportColumn.Money("Value over the term"),
            ExportColumn.Money("Annual value or estimated annual spend"), ExportColumn.Date("Review date"), ExportColumn.Money("Irrecoverable VAT"),
            ExportColumn.Text("CPV code"), ExportColumn.Text("Tender documents"), ExportColumn.Text("Contract document"), ExportColumn.Text("Contact point"),
            ExportColumn.Text("OCDS ocid"), ExportColumn.Text("Withheld"));
        foreach (var c in await LoadAsync(ct))
        {
            var supplier = c.Supplier;
            table.AddRow(c.Reference, c.Title, c.Description, c.Directorate, Labels.Of(c.ServiceCategory), supplier?.Name,
                supplier?.RegistrationNumber, YesNo(supplier?.IsSme), YesNo(supplier?.IsVcse),
                string.Join("; ", c.Parties.Where(p => p != supplier).Select(PartyText)), Labels.Of(c.ProcurementRoute),
                c.StartDate, c.LastDayInForce, c.MaximumEndDate, c.TermValue, c.AnnualValue, c.Details.ReviewDate, c.Details.IrrecoverableVat,
                c.Details.CpvCode, c.Details.TenderDocumentsUrl, c.Details.ContractDocumentUrl, c.Details.ContactPointUrl, Ocid(c), c.WithheldNote);
        }
        PublicSetup.MarkCacheable(HttpContext);
        return this.Download(table, "csv");
    }

    private Task<IReadOnlyList<PublicContract>> LoadAsync(CancellationToken ct) =>
        PublicContracts.HeldAsync(db, schedules, PublicSetup.Threshold(Configuration), ct);

    /// <summary>Reference, title or any organisation named in the contract (a consortium member, a sub-contractor), ignoring case.</summary>
    public static List<PublicContract> Search(IEnumerable<PublicContract> contracts, string? q)
    {
        var term = q?.Trim();
        if (string.IsNullOrEmpty(term)) return contracts.ToList();
        bool Has(string? s) => s?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;
        return contracts.Where(c => Has(c.Reference) || Has(c.Title) || c.Parties.Any(p => Has(p.Name))).ToList();
    }

    public static string PartyText(PublicParty p) => p.Role switch
    {
        PublicPartyRole.ConsortiumLead => $"{p.Name} (lead member of the consortium{Also(p.RoleText)})",
        PublicPartyRole.ConsortiumMember => $"{p.Name} (consortium member{Also(p.RoleText)})",
        PublicPartyRole.SubContractor => $"{p.Name} (sub-contractor{Also(p.RoleText)})",
        _ => p.Name,
    };

    private static string Also(string? text) => text is null ? "" : ": " + text;

    public static string YesNo(bool? b) => b switch { true => "Yes", false => "No", null => "" };

    public static bool Shows(PublicContract c, PublishedField field) => c.Shows(field);
}
