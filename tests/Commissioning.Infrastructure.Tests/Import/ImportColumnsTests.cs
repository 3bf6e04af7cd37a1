using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Tests.Import;

public sealed class ImportColumnsTests
{
    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData("2024-25", 2024)]
    [InlineData("2024/2025", 2024)]
    [InlineData("2024-2025", 2024)]
    [InlineData("FY24-25", 2024)]
    [InlineData("FY 24/25", 2024)]
    [InlineData("FY 2024/25", 2024)]
    [InlineData("fy2024-25", 2024)]
    [InlineData("FY2024", 2024)]
    [InlineData("2024", 2024)]
    [InlineData("Value 2024/25", 2024)]
    [InlineData("2024/25 (£)", 2024)]
    [InlineData("Annual value 2024-25", 2024)]
    [InlineData(" 1999/00 ", 1999)]
    public void FinancialYearOf_Read(string header, int start) => Assert.Equal(start, ImportColumns.FinancialYearOf(header));

    [Theory]
    [InlineData("2024/26")] // not consecutive
    [InlineData("2024/2026")]
    [InlineData("24/25")] // without FY: could be anything
    [InlineData("Reference")]
    [InlineData("1989/90")]
    [InlineData("Q1 2024")]
    [InlineData("")]
    public void FinancialYearOf_NotAYear(string header) => Assert.Null(ImportColumns.FinancialYearOf(header));

    [Fact]
    public void FinancialYearOf_ReadsTheExportsOwnHeadings()
    {
        foreach (var year in new[] { 1999, 2024, 2030, 2099 })
            Assert.Equal(year, ImportColumns.FinancialYearOf(ImportFieldNames.YearHeading(year)));
    }

    [Fact]
    public void Propose_IgnoresCaseSpacesUnderscoresAndPunctuation()
    {
        var mapping = ImportColumns.Propose(["contract start date", "CONTRACT-END_DATE", "Notice period (months)", "  TITLE "]);
        Assert.Equal([ImportField.StartDate, ImportField.EndDate, ImportField.NoticePeriodMonths, ImportField.Title],
            mapping.Columns.Select(c => c.Field));
        Assert.Equal([0, 1, 2, 3], mapping.Columns.Select(c => c.ColumnIndex));
        Assert.Equal("CONTRACT-END_DATE", mapping.Columns[1].Header);
    }

    [Fact]
    public void Propose_UnknownHeadersIgnored() =>
        Assert.All(ImportColumns.Propose(["Colour", "Column F", ""]).Columns, c => Assert.Equal(ImportField.Ignore, c.Field));

    [Fact]
    public void Propose_WordsThatCouldMeanTwoThings_NotGuessed() =>
        Assert.All(ImportColumns.Propose(["Name", "Service", "Organisation", "Start", "End", "Consortium", "Organisation Name"]).Columns,
            c => Assert.Equal(ImportField.Ignore, c.Field));

    [Fact]
    public void Propose_EachFieldOnce_FirstWins()
    {
        var mapping = ImportColumns.Propose(["Supplier", "Vendor", "Reference", "Ref"]);
        Assert.Equal([ImportField.ProviderName, ImportField.Ignore, ImportField.Reference, ImportField.Ignore],
            mapping.Columns.Select(c => c.Field));
    }

    [Fact]
    public void Propose_YearColumnsAllKept_ARepeatedYearLeftOut()
    {
        var mapping = ImportColumns.Propose(["Reference", "2024/25", "FY25-26", "2026/2027", "2024-25"]);
        Assert.Equal([ImportField.Reference, ImportField.YearValue, ImportField.YearValue, ImportField.YearValue, ImportField.Ignore],
            mapping.Columns.Select(c => c.Field));
        Assert.Equal([null, 2024, 2025, 2026, null], mapping.Columns.Select(c => c.FinancialYearStart));
    }

    [Fact]
    public void Propose_TheRegistersOwnExportMapsItself()
    {
        var fields = Enum.GetValues<ImportField>().Where(f => f is not (ImportField.Ignore or ImportField.YearValue)).ToList();
        var headers = fields.Select(ImportFieldNames.Heading).Append(ImportFieldNames.YearHeading(2025)).ToList();
        var mapping = ImportColumns.Propose(headers);
        Assert.Equal(fields.Append(ImportField.YearValue), mapping.Columns.Select(c => c.Field));
        Assert.Equal(2025, mapping.Columns[^1].FinancialYearStart);
    }

    [Fact]
    public void Propose_Nhsbsa() => AssertProposes(new()
    {
        ["REFERENCE_NUMBER"] = ImportField.Reference,
        ["CONTRACT_TITLE"] = ImportField.Title,
        ["SUPPLIER_NAME"] = ImportField.ProviderName,
        ["SHORT_DESCRIPTION"] = ImportField.Description,
        ["CONTRACT_AWARD_VALUE"] = ImportField.TotalValue,
        ["CONTRACT_START_DATE"] = ImportField.StartDate,
        ["CONTRACT_CURRENT_END_DATE"] = ImportField.EndDate,
        ["MAXIMUM_CONTRACT_END_DATE"] = ImportField.MaximumEndDate,
        ["CONTRACT_EXTENDABLE"] = ImportField.Ignore,
        ["CONTRACT_EXTENDED"] = ImportField.Ignore,
        ["PROCUREMENT_ROUTE"] = ImportField.ProcurementRoute,
    });

    [Fact]
    public void Propose_Birmingham() => AssertProposes(new()
    {
        ["contract_id"] = ImportField.Reference,
        ["vendor"] = ImportField.ProviderName,
        ["directorate"] = ImportField.Directorate,
        ["validity_start"] = ImportField.StartDate,
        ["validity_end"] = ImportField.EndDate,
        ["contract_status"] = ImportField.Ignore,
        ["original_value"] = ImportField.TotalValue,
        ["extended_value"] = ImportField.Ignore,
    });

    [Fact]
    public void Propose_Leicester() => AssertProposes(new()
    {
        ["contract_number"] = ImportField.Reference,
        ["title_of_agreement"] = ImportField.Title,
        ["department"] = ImportField.Directorate,
        ["contract_value"] = ImportField.TotalValue,
        ["annual_contract_value"] = ImportField.AnnualValue,
    });

    [Fact]
    public void Propose_ContractsFinder() => AssertProposes(new()
    {
        ["Notice Identifier"] = ImportField.Reference,
        ["Title"] = ImportField.Title,
        ["Description"] = ImportField.Description,
        ["Supplier Name"] = ImportField.ProviderName,
        ["Start Date"] = ImportField.StartDate,
        ["End Date"] = ImportField.EndDate,
        ["Value Low"] = ImportField.Ignore,
        ["Value High"] = ImportField.Ignore,
        ["Awarded Value"] = ImportField.TotalValue,
        ["SpendProfileYears"] = ImportField.SpendProfileYears,
        ["SpendProfileAmounts"] = ImportField.SpendProfileAmounts,
    });

    private static void AssertProposes(Dictionary<string, ImportField> expected)
    {
        var mapping = ImportColumns.Propose([.. expected.Keys]);
        Assert.Equal(expected.ToList(), mapping.Columns.Select(c => KeyValuePair.Create(c.Header, c.Field)));
    }
}
