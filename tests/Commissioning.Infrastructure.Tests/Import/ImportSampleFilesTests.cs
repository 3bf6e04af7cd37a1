using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.Tests.ImportSamples;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>Each sample file reads as its layout should and proposes the expected mapping; each bad one gets its message.</summary>
public sealed class ImportSampleFilesTests
{
    private static ImportReadResult Read(string name, ImportEncoding encoding = ImportEncoding.Utf8, string? sheet = null)
    {
        using var file = File.OpenRead(ImportSampleFiles.PathOf(name));
        return ImportFileReader.Read(file, name, new ImportReadOptions(encoding, sheet), ImportLimits.Default);
    }

    private static ImportTable Table(string name, ImportEncoding encoding = ImportEncoding.Utf8)
    {
        var result = Read(name, encoding);
        Assert.False(result.IsRefused, result.Refusal);
        return result.Table!;
    }

    private static Dictionary<string, ImportField> Proposed(ImportTable table) =>
        ImportColumns.Propose(table.Headers).Columns.ToDictionary(c => c.Header, c => c.Field);

    [Fact]
    public void Nhsbsa()
    {
        var table = Table("nhsbsa.csv");
        Assert.Equal(3, table.Rows.Count);
        Assert.Empty(table.Notices);
        var mapping = Proposed(table);
        Assert.Equal(ImportField.Reference, mapping["REFERENCE_NUMBER"]);
        Assert.Equal(ImportField.TotalValue, mapping["CONTRACT_AWARD_VALUE"]);
        Assert.Equal(ImportField.EndDate, mapping["CONTRACT_CURRENT_END_DATE"]);
        Assert.Equal(ImportField.MaximumEndDate, mapping["MAXIMUM_CONTRACT_END_DATE"]);
        Assert.Equal(ImportField.Ignore, mapping["CONTRACT_EXTENDABLE"]);
        Assert.Equal(ImportField.ProcurementRoute, mapping["PROCUREMENT_ROUTE"]);
        Assert.Equal("Hartley & Sons, Engineers", table.Rows[1].Cells[2]);
        Assert.Equal("Weekly classes in 12 community venues; \"strength and balance\" programme", table.Rows[2].Cells[3]);
        Assert.All(table.Rows, r => Assert.True(ImportValues.Money(r.Cells[4]).Ok));
        Assert.Equal(new DateOnly(2022, 7, 1), ImportValues.Date(table.Rows[1].Cells[5]).Value);
    }

    [Fact]
    public void Birmingham()
    {
        var table = Table("birmingham.csv");
        Assert.Equal(new Dictionary<string, ImportField>
        {
            ["contract_id"] = ImportField.Reference, ["vendor"] = ImportField.ProviderName, ["directorate"] = ImportField.Directorate,
            ["validity_start"] = ImportField.StartDate, ["validity_end"] = ImportField.EndDate, ["contract_status"] = ImportField.Ignore,
            ["original_value"] = ImportField.TotalValue, ["extended_value"] = ImportField.Ignore,
        }, Proposed(table));
        Assert.Equal(["BCC-ASC-20117", "BCC-ASC-20118", "BCC-CYP-30411"], table.Rows.Select(r => r.Cells[0]));
    }

    [Fact]
    public void Leicester_Windows1252()
    {
        var table = Table("leicester.csv", ImportEncoding.Windows1252);
        Assert.Equal("Café and day opportunities at Braunstone", table.Rows[0].Cells[1]);
        Assert.Equal("Extra care housing support – Brookside", table.Rows[2].Cells[1]);
        Assert.Equal(45_000_000, ImportValues.Money(table.Rows[0].Cells[3]).Value.Pence);
        Assert.Equal(ImportField.AnnualValue, Proposed(table)["annual_contract_value"]);
        Assert.Equal(ImportField.Directorate, Proposed(table)["department"]);
        Assert.Empty(table.Notices);
    }

    [Fact]
    public void Leicester_AsUtf8_RefusedSuggestingWindows1252()
    {
        var refusal = Read("leicester.csv").Refusal;
        Assert.StartsWith("The file is not UTF-8: row 2 has a character that UTF-8 cannot hold (the byte 0xE9, which is “é” in Windows-1252).", refusal);
        Assert.Contains("choose Windows-1252", refusal);
    }

    [Fact]
    public void ContractsFinder()
    {
        var table = Table("contracts-finder.csv");
        var mapping = Proposed(table);
        Assert.Equal(ImportField.SpendProfileYears, mapping["SpendProfileYears"]);
        Assert.Equal(ImportField.SpendProfileAmounts, mapping["SpendProfileAmounts"]);
        Assert.Equal(ImportField.Reference, mapping["Notice Identifier"]);
        Assert.Equal(ImportField.ProviderName, mapping["Supplier Name"]);
        Assert.Equal(ImportField.TotalValue, mapping["Awarded Value"]);
        Assert.Equal(ImportField.Ignore, mapping["Value High"]);
        Assert.Equal(ImportField.Ignore, mapping["Organisation Name"]);
        var years = table.Headers.ToList().IndexOf("SpendProfileYears");
        var profiles = table.Rows.Select(r => ImportValues.SpendProfile(r.Cells[years], r.Cells[years + 1])).ToList();
        Assert.All(profiles, p => Assert.True(p.Ok, p.Error));
        Assert.Equal([(2024, 6_750_000L), (2025, 9_000_000L), (2026, 2_250_000L)], profiles[1].Value.Select(p => (p.FinancialYearStart, p.Amount.Pence)));
    }

    [Fact]
    public void RegisterExport_MapsItself()
    {
        var table = Table("register-export.csv");
        var mapping = ImportColumns.Propose(table.Headers);
        Assert.DoesNotContain(mapping.Columns, c => c.Field == ImportField.Ignore);
        Assert.Equal([2024, 2025, 2026], mapping.Columns.Where(c => c.Field == ImportField.YearValue).Select(c => c.FinancialYearStart!.Value));
        Assert.Equal("07654321", table.Rows[0].Cells[4]);
    }

    [Fact]
    public void MultiSheet_ProposesItsMapping()
    {
        var mapping = Proposed(Table("multi-sheet.xlsx"));
        Assert.Equal(ImportField.Form, mapping["Commissioning form"]);
        Assert.Equal(ImportField.TotalValue, mapping["Total value"]);
        Assert.Equal(ImportField.Ignore, mapping["Key decision"]);
    }

    [Fact]
    public void DuplicateReferences_ReadForThePlannerToRefuse()
    {
        var table = Table("duplicate-references.csv");
        Assert.Equal(["ASC-2024-001", "ASC-2024-002", "ASC-2024-001"], table.Rows.Select(r => r.Cells[0]));
    }

    [Fact]
    public void FormulaCells_ReadForThePlannerToRefuse()
    {
        var table = Table("formula-cells.csv");
        Assert.StartsWith("=HYPERLINK(\"http://example.invalid/", table.Rows[0].Cells[1]);
        Assert.Equal("=SUM(1+1)", table.Rows[1].Cells[6]);
        Assert.Equal(2, table.Rows.SelectMany(r => r.Cells).Count(ImportValues.LooksLikeFormula));
    }

    [Theory]
    [InlineData("empty.csv", "“empty.csv” is empty: it has no rows.")]
    [InlineData("no-header.csv", "The first row looks like a contract, not column headings (“ASC-2021-014”, “Day opportunities for adults”, “Riverside Day Opportunities”): add a row of headings at the top, such as Reference, Title, Provider, Start date, End date.")]
    [InlineData("invalid-utf8.csv", "The file is not UTF-8: row 3 has a character that UTF-8 cannot hold (the byte 0xA3, which is “£” in Windows-1252). Files saved by older versions of Excel as “CSV (Comma delimited)” are Windows-1252: choose Windows-1252 as the file's encoding and upload it again.")]
    [InlineData("not-really.xlsx", "“not-really.xlsx” is not an Excel workbook, whatever its name says: an .xlsx file is a zip package and this is not one. If it is a CSV file, give it a .csv name; otherwise open it in Excel and save it as “Excel Workbook (.xlsx)”.")]
    [InlineData("zip-bomb.xlsx", "The workbook expands to more than 100 MB when unzipped, far more than a register of contracts: it was not read. Save it again from Excel, or as CSV.")]
    public void BadFiles_EachItsMessage(string name, string message) => Assert.Equal(message, Read(name).Refusal);

    [Fact]
    public void ZipBomb_IsSmall() => Assert.InRange(new FileInfo(ImportSampleFiles.PathOf("zip-bomb.xlsx")).Length, 1, 1024 * 1024);

    [Fact]
    public void CommittedWorkbooks_AreWhatTheirGeneratorMakes()
    {
        if (Environment.GetEnvironmentVariable("REGENERATE_IMPORT_SAMPLES") == "1")
        {
            File.WriteAllBytes(Path.Combine(ImportSampleFiles.SourceFolder(), "multi-sheet.xlsx"), ImportSampleFiles.MultiSheet());
            File.WriteAllBytes(Path.Combine(ImportSampleFiles.SourceFolder(), "zip-bomb.xlsx"), ImportSampleFiles.ZipBomb());
        }
        foreach (var sheet in new[] { "Contracts", "Closed contracts" })
        {
            var committed = ImportFileReader.Read(new MemoryStream(ImportSampleFiles.Bytes("multi-sheet.xlsx")), "multi-sheet.xlsx", new(SheetName: sheet), ImportLimits.Default).Table!;
            var generated = ImportFileReader.Read(new MemoryStream(ImportSampleFiles.MultiSheet()), "multi-sheet.xlsx", new(SheetName: sheet), ImportLimits.Default).Table!;
            Assert.Equal(generated.Headers, committed.Headers);
            Assert.Equal(generated.Rows.Select(r => (r.RowNumber, string.Join('|', r.Cells))), committed.Rows.Select(r => (r.RowNumber, string.Join('|', r.Cells))));
        }
    }
}
