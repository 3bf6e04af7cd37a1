using ClosedXML.Excel;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Exports;

namespace Commissioning.Infrastructure.Tests.Exports;

/// <summary>A totals row in CSV and Excel; a signed money change; a sheet whose name is a contract reference, with its title and provider above the table.</summary>
public sealed class TotalsAndPreambleTests
{
    // £1,000.10 + £2,000.20 + £0.01 = £3,000.31; 2 + 3 + 0 contracts = 5.
    private static ExportTable Table() =>
        new ExportTable("Forecast by provider, 2026/27",
                ExportColumn.Text("Provider"), ExportColumn.Integer("Contracts"), ExportColumn.Money("Forecast"), ExportColumn.Money("Other agreed change"))
            .AddRow("Alpha", 2L, Money.Pounds(1_000.10m), new MoneyChange(-150))
            .AddRow("Beta", 3L, Money.Pounds(2_000.20m), new MoneyChange(3_084_312))
            .AddRow("Gamma", 0L, Money.Pounds(0.01m), MoneyChange.None)
            .WithTotals("Total", 5L, Money.Pounds(3_000.31m), null);

    [Fact]
    public void Csv_ends_with_the_totals_row_in_plain_numbers_and_writes_a_negative_change_with_its_minus()
    {
        var lines = CsvExport.ToText(Table()).Split("\r\n");

        Assert.Equal(
        [
            "Provider,Contracts,Forecast,Other agreed change",
            "Alpha,2,1000.10,-1.50",
            "Beta,3,2000.20,30843.12",
            "Gamma,0,0.01,0.00",
            "Total,5,3000.31,",
            "",
        ], lines);
    }

    [Fact]
    public void Excel_totals_row_is_bold_numbers_after_the_rows_and_outside_the_filter()
    {
        using var book = new XLWorkbook(new MemoryStream(XlsxExport.ToBytes(Table())));
        var sheet = book.Worksheet(1);

        Assert.Equal("Total", sheet.Cell(5, 1).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(5, 3).DataType);
        Assert.Equal(3_000.31m, sheet.Cell(5, 3).GetValue<decimal>());
        // The total equals the rows above it, read back as numbers.
        Assert.Equal(sheet.Cell(5, 3).GetValue<decimal>(), Enumerable.Range(2, 3).Sum(r => sheet.Cell(r, 3).GetValue<decimal>()));
        Assert.True(sheet.Cell(5, 1).Style.Font.Bold);
        Assert.Equal(4, sheet.AutoFilter.Range.LastRow()!.RowNumber());
        Assert.Equal(-1.50m, sheet.Cell(2, 4).GetValue<decimal>());
        Assert.Equal(XlsxExport.MoneyChangeFormat, sheet.Cell(2, 4).Style.NumberFormat.Format);
    }

    [Fact]
    public void A_totals_row_must_fit_the_columns()
    {
        var table = new ExportTable("T", ExportColumn.Text("A"), ExportColumn.Money("B"));

        Assert.Throws<ArgumentException>(() => table.WithTotals("Total"));
        Assert.Throws<ArgumentException>(() => table.WithTotals("Total", 5L));
    }

    [Fact]
    public void Excel_sheet_is_named_as_given_and_the_preamble_sits_above_the_headings_csv_leaves_it_out()
    {
        var table = new ExportTable("SC-2021-0001 values year by year", ExportColumn.Text("Financial year"), ExportColumn.Money("Annual value"))
        {
            SheetName = "SC-2021-0001 values",
            Preamble = ["SC-2021-0001 Persona Care and Support – contract renewal", "Provider: Persona Care and Support Limited", "Values year by year"],
        }.AddRow("2021/22", Money.Pounds(11_393_408m));

        using var book = new XLWorkbook(new MemoryStream(XlsxExport.ToBytes(table)));
        var sheet = book.Worksheet(1);

        Assert.Equal("SC-2021-0001 values", sheet.Name);
        Assert.Equal("SC-2021-0001 Persona Care and Support – contract renewal", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("Provider: Persona Care and Support Limited", sheet.Cell(2, 1).GetString());
        Assert.True(sheet.Cell(4, 1).IsEmpty());
        Assert.Equal("Financial year", sheet.Cell(5, 1).GetString());
        Assert.Equal(11_393_408m, sheet.Cell(6, 2).GetValue<decimal>());
        Assert.Equal(5, sheet.SheetView.SplitRow);
        Assert.StartsWith("Financial year,Annual value\r\n", CsvExport.ToText(table), StringComparison.Ordinal);
    }
}
