using System.Net;
using ClosedXML.Excel;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing;
using Commissioning.Web.Pages.Publish;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Publish;

/// <summary>
/// Publish contract data: which contracts a quarter's Transparency Code file holds, at each boundary the rule names,
/// what a confidential contract keeps out of the CSV and the Excel file, and the columns in their order.
/// The tests use 2010/11 Q1 (1 April to 30 June 2010), before any demo contract.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class PublishTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();
    private const string Q = "2010-11-Q1";
    private static DateOnly On(int y, int m, int d) => new(y, m, d);

    private async Task<List<Dictionary<string, string>>> CsvAsync(string quarter = Q, string who = CommissioningFactory.Finance)
    {
        var client = await factory.SignedInClientAsync(who);
        var response = await client.GetAsync($"/Publish?handler=Export&quarter={quarter}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"contracts-{quarter.ToLowerInvariant()}.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = PublishFiles.ParseCsv((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(ContractsFile.Headings, rows[0]);
        return PublishFiles.Records(rows);
    }

    private static List<string> References(List<Dictionary<string, string>> records) =>
        records.Select(r => r["Contract Reference"]).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task In_force_on_the_first_or_last_day_is_in_the_day_before_or_after_is_not()
    {
        await factory.AddAsync("PUB-ENDS-FIRST", CommissioningForm.Block, 10_000m, On(2009, 4, 1), On(2010, 4, 1));
        await factory.AddAsync("PUB-ENDS-BEFORE", CommissioningForm.Block, 10_000m, On(2009, 4, 1), On(2010, 3, 31));
        await factory.AddAsync("PUB-STARTS-LAST", CommissioningForm.Block, 10_000m, On(2010, 6, 30), On(2011, 6, 29));
        await factory.AddAsync("PUB-STARTS-AFTER", CommissioningForm.Block, 10_000m, On(2010, 7, 1), On(2011, 6, 30));

        Assert.Equal(["PUB-ENDS-FIRST", "PUB-STARTS-LAST"], References(await CsvAsync()));
    }

    [Fact]
    public async Task Over_the_threshold_means_a_penny_over_for_block_and_spot_alike()
    {
        await factory.AddAsync("PUB-BLOCK-5000", CommissioningForm.Block, 5_000.00m, On(2010, 4, 1), On(2011, 3, 31));
        await factory.AddAsync("PUB-BLOCK-5001", CommissioningForm.Block, 5_000.01m, On(2010, 4, 1), On(2011, 3, 31));
        // Spot contracts by their estimated annual spend, however long their term.
        await factory.AddAsync("PUB-SPOT-5000", CommissioningForm.Spot, 5_000.00m, On(2008, 4, 1), On(2013, 3, 31));
        await factory.AddAsync("PUB-SPOT-5001", CommissioningForm.Spot, 5_000.01m, On(2008, 4, 1), On(2013, 3, 31));
        await factory.AddAsync("PUB-SPOT-NONE", CommissioningForm.Spot, null, On(2008, 4, 1), On(2013, 3, 31));

        var records = await CsvAsync();

        Assert.Equal(["PUB-BLOCK-5001", "PUB-SPOT-5001"], References(records));
        Assert.Equal("5000.01", records.Single(r => r["Contract Reference"] == "PUB-SPOT-5001")["Annual Value"]);
        Assert.Equal("", records.Single(r => r["Contract Reference"] == "PUB-SPOT-5001")["Value"]);
        Assert.Equal("5000.01", records.Single(r => r["Contract Reference"] == "PUB-BLOCK-5001")["Value"]);
    }

    [Fact]
    public async Task The_threshold_comes_from_configuration()
    {
        await using var app = With(("Publishing:Threshold", "20000.00"));
        await app.AddAsync("PUB-BLOCK-20000", CommissioningForm.Block, 20_000.00m, On(2010, 4, 1), On(2011, 3, 31));
        await app.AddAsync("PUB-BLOCK-20001", CommissioningForm.Block, 20_000.01m, On(2010, 4, 1), On(2011, 3, 31));
        var client = await app.SignedInClientAsync(CommissioningFactory.Finance);

        var text = await client.GetStringAsync($"/Publish?handler=Export&quarter={Q}&format=csv");

        Assert.Contains("PUB-BLOCK-20001", text);
        Assert.DoesNotContain("PUB-BLOCK-20000", text);
    }

    [Fact]
    public async Task Withdrawn_and_draft_contracts_are_never_published()
    {
        await factory.AddAsync("PUB-STANDS", CommissioningForm.Block, 50_000m, On(2010, 4, 1), On(2011, 3, 31));
        await factory.AddAsync("PUB-WITHDRAWN", CommissioningForm.Block, 50_000m, On(2010, 4, 1), On(2011, 3, 31), withdrawn: true);
        await factory.AddAsync("PUB-DRAFT", CommissioningForm.Block, 50_000m, On(2010, 4, 1), On(2011, 3, 31), awarded: false);

        Assert.Equal(["PUB-STANDS"], References(await CsvAsync()));
    }

    private async Task AddConfidentialAsync()
    {
        var details = new PublishingDetails("85312100-0", On(2010, 10, 1), Money.Pounds(1_234.56m), "https://example.gov.uk/ask",
            "https://example.gov.uk/tender", "https://example.gov.uk/signed");
        await factory.AddAsync("PUB-OPEN", CommissioningForm.Block, 60_000m, On(2010, 4, 1), On(2011, 3, 31), description: "OPEN-DESCRIPTION", details: details);
        await factory.AddAsync("PUB-SENSITIVE", CommissioningForm.Block, 70_000m, On(2010, 4, 1), On(2011, 3, 31),
            Confidentiality.CommerciallySensitive, description: "SENSITIVE-DESCRIPTION", details: details);
        await factory.AddAsync("PUB-EXEMPT", CommissioningForm.Block, 80_000m, On(2010, 4, 1), On(2011, 3, 31),
            Confidentiality.Exempt, description: "EXEMPT-DESCRIPTION", details: details);
    }

    [Fact]
    public async Task Confidential_fields_are_empty_in_the_csv_and_the_note_says_so()
    {
        await AddConfidentialAsync();

        var records = (await CsvAsync()).ToDictionary(r => r["Contract Reference"]);

        var open = records["PUB-OPEN"];
        Assert.Equal(("OPEN-DESCRIPTION", "60000.00", "1234.56", "https://example.gov.uk/signed", ""),
            (open["Description"], open["Annual Value"], open["Irrecoverable VAT"], open["Contract Document URL"], open["Notes"]));
        Assert.Equal("Daycare services", open["CPV Label"]);
        Assert.Equal("2010-10-01", open["Review Date"]);

        var sensitive = records["PUB-SENSITIVE"];
        Assert.Equal("SENSITIVE-DESCRIPTION", sensitive["Description"]);
        foreach (var column in new[] { "Value", "Annual Value", "Irrecoverable VAT", "Contract Document URL" })
            Assert.Equal("", sensitive[column]);
        Assert.Equal("https://example.gov.uk/tender", sensitive["Tender Document URL"]);
        Assert.Equal(Withholding.Note(Confidentiality.CommerciallySensitive), sensitive["Notes"]);

        var exempt = records["PUB-EXEMPT"];
        foreach (var column in new[] { "Description", "Value", "Annual Value", "Irrecoverable VAT", "Contract Document URL", "Tender Document URL" })
            Assert.Equal("", exempt[column]);
        Assert.Equal("Publishing test PUB-EXEMPT", exempt["Title"]);
        Assert.Equal("Riverside Day Opportunities", exempt["Supplier Name"]);
        Assert.Equal(Withholding.Note(Confidentiality.Exempt), exempt["Notes"]);

        // Nowhere in the file, not only not in its own column.
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var text = await client.GetStringAsync($"/Publish?handler=Export&quarter={Q}&format=csv");
        Assert.DoesNotContain("EXEMPT-DESCRIPTION", text);
        Assert.DoesNotContain("70000.00", text);
        Assert.DoesNotContain("80000.00", text);
    }

    [Fact]
    public async Task Confidential_fields_are_empty_in_the_excel_file_read_back()
    {
        await AddConfidentialAsync();
        var client = await factory.SignedInClientAsync(Commissioner);

        var response = await client.GetAsync($"/Publish?handler=Export&quarter={Q}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheets.First();
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(ContractsFile.Headings, header);
        int Col(string heading) => header.IndexOf(heading) + 1;
        var rows = Enumerable.Range(2, 3).ToDictionary(r => sheet.Cell(r, Col("Contract Reference")).GetString());

        Assert.Equal(60_000m, sheet.Cell(rows["PUB-OPEN"], Col("Annual Value")).GetValue<decimal>());
        Assert.Equal(1_234.56m, sheet.Cell(rows["PUB-OPEN"], Col("Irrecoverable VAT")).GetValue<decimal>());
        Assert.True(sheet.Cell(rows["PUB-SENSITIVE"], Col("Annual Value")).IsEmpty());
        Assert.True(sheet.Cell(rows["PUB-SENSITIVE"], Col("Irrecoverable VAT")).IsEmpty());
        Assert.True(sheet.Cell(rows["PUB-EXEMPT"], Col("Description")).IsEmpty());
        Assert.Equal(Withholding.Note(Confidentiality.Exempt), sheet.Cell(rows["PUB-EXEMPT"], Col("Notes")).GetString());
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.GetString().Contains("EXEMPT-DESCRIPTION", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_lists_the_contracts_and_what_was_held_back()
    {
        await AddConfidentialAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.GetPageAsync($"/Publish?quarter={Q}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2010/11 Q1: 3 contracts", page.Text);
        var heldBack = page.Document.GetElementById("held-back-table")!.TextContent;
        Assert.Contains("PUB-SENSITIVE", heldBack);
        Assert.Contains("PUB-EXEMPT", heldBack);
        Assert.DoesNotContain("PUB-OPEN", heldBack);
        Assert.Contains(string.Join(", ", ContractsFile.WithheldHeadings(Confidentiality.Exempt)), heldBack);
    }

    [Fact]
    public async Task An_unknown_quarter_is_refused_at_the_field()
    {
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.GetPageAsync("/Publish?quarter=1999-00-Q9");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, m => m.Contains("Choose a quarter from the list", StringComparison.Ordinal));
        Assert.NotNull(page.FieldError("Quarter"));
    }

    [Fact]
    public async Task The_last_complete_quarter_is_chosen_unless_another_is_asked_for()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync("/Publish");

        Assert.Equal(Quarter.LastCompleteBefore(factory.Today).Key, page.Document.QuerySelector("#Quarter option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public void There_are_37_columns_in_the_schemas_order()
    {
        Assert.Equal(37, ContractsFile.Headings.Count);
        Assert.Equal(ContractsFile.Headings.Count, ContractsFile.Headings.Distinct().Count());
        Assert.Equal(["Organisation Label", "Organisation URI", "Contract Reference", "Open Contracting ID", "Title", "Description"], ContractsFile.Headings.Take(6));
        Assert.Equal("Notes", ContractsFile.Headings[^1]);
        Assert.True(ContractsFile.Headings.ToList().IndexOf("Start Date") < ContractsFile.Headings.ToList().IndexOf("End Date"));
    }

    [Fact]
    public async Task The_organisation_and_open_contracting_id_come_from_configuration()
    {
        await using var app = With(("Council:Name", "Example Council"), ("Council:Uri", "http://opendatacommunities.org/id/example"), ("Ocds:OcidPrefix", "ocds-abc123"));
        var id = await app.AddAsync("PUB-CONFIG", CommissioningForm.Block, 50_000m, On(2010, 4, 1), On(2011, 3, 31));
        var client = await app.SignedInClientAsync(Administrator);

        var rows = PublishFiles.Records(PublishFiles.ParseCsv((await client.GetStringAsync($"/Publish?handler=Export&quarter={Q}&format=csv")).TrimStart('\uFEFF')));

        var row = Assert.Single(rows);
        Assert.Equal(("Example Council", "http://opendatacommunities.org/id/example", $"ocds-abc123-{id}"),
            (row["Organisation Label"], row["Organisation URI"], row["Open Contracting ID"]));
    }
}
