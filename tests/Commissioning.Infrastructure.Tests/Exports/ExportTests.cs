using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Exports;
using CsvHelper;
using CsvHelper.Configuration;

namespace Commissioning.Infrastructure.Tests.Exports;

/// <summary>
/// Writes a table of awkward values to CSV and XLSX and reads both back with independent
/// readers (CsvHelper, ClosedXML), under cultures whose decimal separator is a comma.
/// </summary>
public sealed class ExportTests
{
    private const string Title = "Agreed annual values by commissioning form, 2021/22";
    private const string Multiline = "Line one\r\nLine two";
    private const string Quoted = "Homecare, nights and \"waking\" support";

    private static ExportTable AwkwardTable() =>
        new ExportTable(Title,
                ExportColumn.Text("Commissioning form"), ExportColumn.Integer("Contracts"),
                ExportColumn.Money("Agreed annual value"), ExportColumn.Percent("Share of total"),
                ExportColumn.Date("Agreed on"), ExportColumn.Text("Notes"))
            .AddRow("Block", 3L, Money.Pounds(12_393_408.00m), 0.125m, new DateOnly(2021, 4, 1), Quoted)
            .AddRow("Spot", 1, Money.Pounds(0.01m), 0.0001m, null, Multiline)
            .AddRow("=SUM(A1)", -5L, Money.Pounds(9_999_999_999.99m), -0.035m, new DateOnly(2022, 3, 31), null)
            .AddRow("0012", null, null, null, null, "@cmd");

    /// <summary>Exactly what a spreadsheet or a script should receive, byte for byte after the BOM.</summary>
    private const string ExpectedCsv =
        "Commissioning form,Contracts,Agreed annual value,Share of total (%),Agreed on,Notes\r\n" +
        "Block,3,12393408.00,12.5,2021-04-01,\"Homecare, nights and \"\"waking\"\" support\"\r\n" +
        "Spot,1,0.01,0.01,,\"Line one\r\nLine two\"\r\n" +
        "'=SUM(A1),-5,9999999999.99,-3.5,2022-03-31,\r\n" +
        "0012,,,,,'@cmd\r\n";

    public static TheoryData<string> Cultures => ["en-GB", "tr-TR", "de-DE"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Csv_is_utf8_with_bom_crlf_and_invariant_numbers_in_culture(string culture)
    {
        var bytes = InCulture(culture, () => CsvExport.ToBytes(AwkwardTable()));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
        Assert.Equal(ExpectedCsv, text);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Csv_reads_back_with_an_independent_parser_to_the_exact_values(string culture)
    {
        var bytes = InCulture(culture, () => CsvExport.ToBytes(AwkwardTable()));

        var rows = ParseCsv(bytes);

        Assert.Equal(5, rows.Count);
        Assert.Equal(["Commissioning form", "Contracts", "Agreed annual value", "Share of total (%)", "Agreed on", "Notes"], rows[0]);
        Assert.Equal(["Block", "3", "12393408.00", "12.5", "2021-04-01", Quoted], rows[1]);
        Assert.Equal(["Spot", "1", "0.01", "0.01", "", Multiline], rows[2]);
        Assert.Equal(["'=SUM(A1)", "-5", "9999999999.99", "-3.5", "2022-03-31", ""], rows[3]);
        Assert.Equal(["0012", "", "", "", "", "'@cmd"], rows[4]);
        Assert.Equal([12_393_408.00m, 0.01m, 9_999_999_999.99m],
            rows[1..4].Select(r => decimal.Parse(r[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2021, 4, 1), DateOnly.ParseExact(rows[1][4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2 beds", "'-2 beds")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("Sum = 2", "Sum = 2")]
    [InlineData("", "")]
    public void Csv_text_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string text, string written)
    {
        var table = new ExportTable("Guard", ExportColumn.Text("Text")).AddRow(text);

        Assert.Equal("Text\r\n" + written + "\r\n", CsvExport.ToText(table));
    }

    [Fact]
    public void Csv_negative_numbers_keep_their_minus_sign()
    {
        var table = new ExportTable("Negative", ExportColumn.Integer("Change"), ExportColumn.Percent("Change (%)"))
            .AddRow(-1_234L, -0.5m);

        Assert.Equal("Change,Change (%)\r\n-1234,-50\r\n", CsvExport.ToText(table));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Xlsx_reads_back_with_numbers_as_exact_numbers_and_formats_in_culture(string culture)
    {
        var bytes = InCulture(culture, () => XlsxExport.ToBytes(AwkwardTable()));

        InCulture(culture, () =>
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var sheet = Assert.Single(workbook.Worksheets);
            Assert.Equal("Agreed annual values by", sheet.Name);
            Assert.Equal(Title, workbook.Properties.Title);

            // Header row: bold, frozen, the headings as given.
            Assert.Equal(["Commissioning form", "Contracts", "Agreed annual value", "Share of total", "Agreed on", "Notes"],
                Enumerable.Range(1, 6).Select(c => sheet.Cell(1, c).GetString()));
            Assert.All(Enumerable.Range(1, 6), c => Assert.True(sheet.Cell(1, c).Style.Font.Bold));
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal(0, sheet.SheetView.SplitColumn);
            Assert.Equal(5, sheet.LastRowUsed().RowNumber());
            Assert.Equal("A1:F5", sheet.AutoFilter.Range.RangeAddress.ToString());

            AssertNumber(sheet.Cell(2, 3), 12_393_408.00m, XlsxExport.MoneyFormat);
            AssertNumber(sheet.Cell(3, 3), 0.01m, "£#,##0.00");
            AssertNumber(sheet.Cell(4, 3), 9_999_999_999.99m, "£#,##0.00");
            AssertNumber(sheet.Cell(2, 2), 3m, "#,##0");
            AssertNumber(sheet.Cell(3, 2), 1m, "#,##0");
            AssertNumber(sheet.Cell(4, 2), -5m, "#,##0");
            AssertNumber(sheet.Cell(2, 4), 0.125m, "0.0%");
            AssertNumber(sheet.Cell(3, 4), 0.0001m, "0.0%");
            AssertNumber(sheet.Cell(4, 4), -0.035m, "0.0%");

            Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 5).DataType);
            Assert.Equal(new DateTime(2021, 4, 1), sheet.Cell(2, 5).GetDateTime());
            Assert.Equal(new DateTime(2022, 3, 31), sheet.Cell(4, 5).GetDateTime());
            Assert.Equal(XlsxExport.DateFormat, sheet.Cell(2, 5).Style.NumberFormat.Format);

            AssertText(sheet.Cell(2, 6), Quoted);
            AssertText(sheet.Cell(3, 6), "Line one\nLine two"); // Excel's own line break in a cell
            Assert.True(sheet.Cell(3, 6).Style.Alignment.WrapText);
            AssertText(sheet.Cell(4, 1), "=SUM(A1)"); // stored as text, so no apostrophe is needed
            AssertText(sheet.Cell(5, 1), "0012");     // text that looks like a number stays text
            AssertText(sheet.Cell(5, 6), "@cmd");

            Assert.True(sheet.Cell(3, 5).IsEmpty());
            Assert.True(sheet.Cell(4, 6).IsEmpty());
            Assert.True(sheet.Cell(5, 3).IsEmpty());

            // Widths set explicitly: wider than Excel's default for the long columns, within bounds.
            Assert.All(Enumerable.Range(1, 6), c => Assert.InRange(sheet.Column(c).Width, 8, 60));
            Assert.True(sheet.Column(6).Width > sheet.Column(2).Width);
            Assert.True(sheet.Column(3).Width >= "£9,999,999,999.99".Length);
        });
    }

    [Fact]
    public void Xlsx_stores_money_as_the_exact_decimal_text_in_the_sheet_xml()
    {
        var bytes = InCulture("de-DE", () => XlsxExport.ToBytes(AwkwardTable()));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheetXml = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Matches(@"<(x:)?v>12393408(\.00?)?</(x:)?v>", sheetXml);
        Assert.Matches(@"<(x:)?v>0\.01</(x:)?v>", sheetXml);
        Assert.Matches(@"<(x:)?v>9999999999\.99</(x:)?v>", sheetXml);
        Assert.Matches(@"<(x:)?v>0\.125</(x:)?v>", sheetXml);
        Assert.DoesNotMatch(@"<(x:)?v>[^<]*,[^<]*</(x:)?v>", sheetXml);
        Assert.DoesNotMatch("<(x:)?f>", sheetXml); // no formulas at all
    }

    [Fact]
    public void Xlsx_and_csv_of_a_table_without_rows_have_the_header_only()
    {
        var table = new ExportTable("Nothing yet", ExportColumn.Text("Provider"), ExportColumn.Money("Value"));

        Assert.Equal("Provider,Value\r\n", CsvExport.ToText(table));
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExport.ToBytes(table)));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Nothing yet", sheet.Name);
        Assert.Equal("Value", sheet.Cell(1, 2).GetString());
        Assert.Equal(1, sheet.LastRowUsed().RowNumber());
    }

    [Theory]
    [InlineData(Title, "Agreed annual values by")]
    [InlineData("Q1: [draft] a*b?c/d\\e", "Q1- -draft- a-b-c-d-e")]
    [InlineData("'Quoted'", "Quoted")]
    [InlineData("History", "History table")]
    [InlineData(" / ", "-")]
    [InlineData("   ", "Table")]
    [InlineData("Supercalifragilisticexpialidocious-and-more", "Supercalifragilisticexpialidoci")]
    [InlineData("Homecare, nights and waking support", "Homecare, nights and waking")]
    public void Sheet_name_fits_excel_limits(string title, string expected)
    {
        var name = XlsxExport.SheetName(title);

        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, 31);
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add(name); // ClosedXML refuses names Excel would refuse
    }

    [Theory]
    [InlineData(Title, "agreed-annual-values-by-commissioning-form-2021-22")]
    [InlineData("Café £ provision — Q1", "cafe-provision-q1")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("\"quoted\"; name", "quoted-name")]
    [InlineData("£ — !", "export")]
    public void File_stem_is_lower_case_ascii_words_joined_by_hyphens(string text, string expected)
    {
        Assert.Equal(expected, ExportTable.ToFileStem(text));
    }

    [Fact]
    public void File_names_come_from_the_title_unless_a_stem_is_given()
    {
        var fromTitle = new ExportTable(Title, ExportColumn.Text("Form"));
        var named = new ExportTable(Title, ExportColumn.Text("Form")) { FileStem = "Annual values by form, 2021/22" };

        Assert.Equal("agreed-annual-values-by-commissioning-form-2021-22.csv", CsvExport.FileName(fromTitle));
        Assert.Equal("annual-values-by-form-2021-22.csv", CsvExport.FileName(named));
        Assert.Equal("annual-values-by-form-2021-22.xlsx", XlsxExport.FileName(named));
    }

    [Fact]
    public void File_stem_of_a_long_title_is_cut_at_a_word()
    {
        var stem = ExportTable.ToFileStem(string.Join(' ', Enumerable.Repeat("residential", 10)));

        Assert.Equal(string.Join('-', Enumerable.Repeat("residential", 6)), stem); // seven words would be 83 characters
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Row_with_the_wrong_number_of_cells_is_refused(int cells)
    {
        var table = new ExportTable("Guard", ExportColumn.Text("Form"), ExportColumn.Money("Value"));

        var error = Assert.Throws<ArgumentException>(() => table.AddRow(Enumerable.Repeat<object?>(null, cells).ToArray()));

        Assert.Contains($"has {cells} cell(s) but the table has 2 column(s)", error.Message);
        Assert.Empty(table.Rows);
    }

    public static TheoryData<ExportColumnKind, object> MisfitCells => new()
    {
        { ExportColumnKind.Text, 12L },
        { ExportColumnKind.Text, Money.Pounds(1m) },
        { ExportColumnKind.Money, 12.5m },
        { ExportColumnKind.Money, "£12.50" },
        { ExportColumnKind.Money, 1250L },
        { ExportColumnKind.Integer, 1.5m },
        { ExportColumnKind.Integer, 1.0 },
        { ExportColumnKind.Integer, "12" },
        { ExportColumnKind.Percent, 12.5 },
        { ExportColumnKind.Percent, 12L },
        { ExportColumnKind.Percent, "12.5%" },
        { ExportColumnKind.Date, new DateTime(2021, 4, 1) },
        { ExportColumnKind.Date, "2021-04-01" },
    };

    [Theory]
    [MemberData(nameof(MisfitCells))]
    public void Cell_whose_type_does_not_fit_its_column_is_refused(ExportColumnKind kind, object cell)
    {
        var table = new ExportTable("Guard", ExportColumn.Text("Form"), new ExportColumn("Figure", kind));

        var error = Assert.Throws<ArgumentException>(() => table.AddRow("Block", cell));

        Assert.Contains("Row 1 of 'Guard': column 'Figure' holds", error.Message);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Cells_that_fit_are_kept_and_an_int_is_widened_to_long()
    {
        var table = new ExportTable("Fits",
                ExportColumn.Text("T"), ExportColumn.Money("M"), ExportColumn.Integer("I"), ExportColumn.Percent("P"), ExportColumn.Date("D"))
            .AddRow("a", Money.Pounds(1m), 7, 0.5m, new DateOnly(2021, 4, 1))
            .AddRow(null, null, null, null, null)
            .AddRows([1, 2], n => [$"row {n}", (Money?)null, n, null, null]);

        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(new object?[] { "a", Money.Pounds(1m), 7L, 0.5m, new DateOnly(2021, 4, 1) }, table.Rows[0]);
        Assert.IsType<long>(table.Rows[3][2]);
        Assert.All(table.Rows[1], Assert.Null);
    }

    [Fact]
    public void Table_needs_a_title_and_headed_columns()
    {
        Assert.Throws<ArgumentException>(() => new ExportTable(" ", ExportColumn.Text("Form")));
        Assert.Throws<ArgumentException>(() => new ExportTable("No columns"));
        Assert.Throws<ArgumentException>(() => new ExportTable("Blank heading", ExportColumn.Text("Form"), ExportColumn.Money(" ")));
        Assert.Throws<ArgumentException>(() => new ExportTable("Unknown kind", new ExportColumn("Form", (ExportColumnKind)99)));
    }

    private static void AssertNumber(IXLCell cell, decimal expected, string format)
    {
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.False(cell.HasFormula);
        Assert.Equal(expected, cell.GetValue<decimal>());
        Assert.Equal(format, cell.Style.NumberFormat.Format);
    }

    private static void AssertText(IXLCell cell, string expected)
    {
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.False(cell.HasFormula);
        Assert.Equal(expected, cell.GetString());
    }

    private static List<string[]> ParseCsv(byte[] bytes)
    {
        // detectEncodingFromByteOrderMarks drops the BOM, as Excel does.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<string[]>();
        while (parser.Read())
            rows.Add(parser.Record!);
        return rows;
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            if (name != "en-GB") Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator); // a real culture, not invariant mode
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static void InCulture(string name, Action action) => InCulture(name, () => { action(); return 0; });
}
