using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.Import.Reading;
using Commissioning.Infrastructure.Tests.ImportSamples;

namespace Commissioning.Infrastructure.Tests.Import;

public sealed class XlsxReadingTests
{
    private static ImportReadResult Read(byte[] bytes, string? sheet = null, ImportLimits? limits = null, string fileName = "register.xlsx") =>
        ImportFileReader.Read(new MemoryStream(bytes), fileName, new ImportReadOptions(SheetName: sheet), limits ?? ImportLimits.Default);

    private static ImportTable Table(byte[] bytes, string? sheet = null)
    {
        var result = Read(bytes, sheet);
        Assert.False(result.IsRefused, result.Refusal);
        return result.Table!;
    }

    private static byte[] OneSheet(string rows, Func<SampleWorkbook, string>? withBook = null)
    {
        var book = new SampleWorkbook();
        return book.Sheet("Sheet1", withBook?.Invoke(book) ?? rows).ToBytes();
    }

    [Fact]
    public void CellKinds_SharedInlineNumberDateFormulaBoolean()
    {
        var table = Table(ImportSampleFiles.MultiSheet());
        Assert.Equal(["Contracts", "Closed contracts"], table.SheetNames);
        Assert.Equal("Contracts", table.SheetName);
        Assert.Equal(["Reference", "Title", "Provider", "Commissioning form", "Start date", "End date", "Annual value", "Total value", "Key decision", "Column J"],
            table.Headers);
        Assert.Equal(["ASC-2024-101", "Homecare – north locality", "Carewell Homecare Ltd", "Block", "2024-04-01", "2026-03-31", "125000.5", "=G2*2", "TRUE", ""],
            table.Rows[0].Cells);
    }

    [Fact]
    public void SparseCells_PlacedByReference_MissingRowsKeepTheirNumbers_TrailingEmptyRowsDropped()
    {
        var table = Table(ImportSampleFiles.MultiSheet());
        Assert.Equal([2, 3, 5], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["ASC-2024-102", "", "Oakfield Supported Living", "", "01/07/2024", "", "1234.56", "", "", ""], table.Rows[1].Cells);
        Assert.Equal("Check the end date", table.Rows[2].Cells[9]);
        Assert.Equal(["Column J has no heading: it is called “Column J” here."], table.Notices);
    }

    [Fact]
    public void ChosenSheet_ByName()
    {
        var table = Table(ImportSampleFiles.MultiSheet(), "Closed contracts");
        Assert.Equal("Closed contracts", table.SheetName);
        Assert.Equal(["Reference", "Title", "End date"], table.Headers);
        Assert.Equal(["ASC-2019-007", "Meals at home", "2021-03-31"], table.Rows.Single().Cells);
    }

    [Fact]
    public void ChosenSheet_IgnoringCase() => Assert.Equal("Closed contracts", Table(ImportSampleFiles.MultiSheet(), "closed CONTRACTS").SheetName);

    [Fact]
    public void UnknownSheet_RefusedNamingTheSheets() =>
        Assert.Equal("The workbook has no sheet called “Open”: its sheets are “Contracts”, “Closed contracts”.",
            Read(ImportSampleFiles.MultiSheet(), "Open").Refusal);

    [Fact]
    public void HiddenFirstSheet_FirstVisibleRead_WithANotice()
    {
        var book = new SampleWorkbook();
        var bytes = book.Sheet("Lookups", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Code")), hidden: true)
            .Sheet("Contracts", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference")) + SampleWorkbook.Row(2, SampleWorkbook.Inline("A2", "A-1")))
            .ToBytes();
        var table = Table(bytes);
        Assert.Equal("Contracts", table.SheetName);
        Assert.Equal(["Lookups", "Contracts"], table.SheetNames);
        Assert.Contains("The workbook's first sheet, “Lookups”, is hidden: the first sheet you can see, “Contracts”, was read.", table.Notices);
        Assert.Equal("Lookups", Table(bytes, "Lookups").SheetName);
    }

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("d-mmm-yy", true)]
    [InlineData("[$-809]dd mmmm yyyy;@", true)]
    [InlineData("mmm-yy", true)]
    [InlineData("yyyy", true)]
    [InlineData("h:mm", false)]
    [InlineData("[h]:mm:ss", false)]
    [InlineData("mm:ss", false)]
    [InlineData("#,##0.00", false)]
    [InlineData("\"£\"#,##0.00", false)]
    [InlineData("0.00 \"days\"", false)]
    [InlineData("[Red]#,##0;[Blue]-#,##0", false)]
    [InlineData("0\\d", false)]
    [InlineData("General", false)]
    [InlineData("0.00E+00", false)]
    public void DateFormats_Recognised(string code, bool isDate) => Assert.Equal(isDate, XlsxWorkbook.IsDateFormat(code));

    [Theory]
    [InlineData(14, "2027-03-31")]
    [InlineData(15, "2027-03-31")]
    [InlineData(22, "2027-03-31")]
    [InlineData(20, "2027-03-31")] // h:mm: a time format, but a value with a day part is a date
    [InlineData(4, "46477.25")] // #,##0.00: a number
    [InlineData(0, "46477.25")]
    public void BuiltInFormats_DatesAsIso_OthersAsNumbers(int formatId, string expected)
    {
        var book = new SampleWorkbook { CustomFormats = [], BuiltInFormats = [formatId] };
        var bytes = book.Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Start date")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", "46477.25", 1))).ToBytes();
        var cell = Table(bytes).Rows[0].Cells[0];
        Assert.Equal(expected, cell);
    }

    [Fact]
    public void DateCell_ATimeOnly_StaysANumber()
    {
        var book = new SampleWorkbook { CustomFormats = [], BuiltInFormats = [20] };
        var bytes = book.Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Start")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", "0.5", 1))).ToBytes();
        Assert.Equal("0.5", Table(bytes).Rows[0].Cells[0]);
    }

    [Fact]
    public void Date1904System_WithANotice()
    {
        var book = new SampleWorkbook { Date1904 = true };
        // 45015 days after 1 January 1904 is 31 March 2027 (the 1900 system's 46477).
        var bytes = book.Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "End date")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", "45015", 1))).ToBytes();
        var table = Table(bytes);
        Assert.Equal("2027-03-31", table.Rows[0].Cells[0]);
        Assert.Contains(table.Notices, n => n.Contains("1904 date system"));
    }

    [Theory]
    [InlineData("2957003", "9999-12-31")]
    [InlineData("2957004", "2957004")]
    public void Date1904System_TheLastDayAndPast(string stored, string read)
    {
        var book = new SampleWorkbook { Date1904 = true };
        var bytes = book.Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "End date")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", stored, 1))).ToBytes();
        Assert.Equal(read, Table(bytes).Rows[0].Cells[0]);
    }

    [Theory]
    [InlineData("2958465", "9999-12-31")]
    [InlineData("2958466", "2958466")]
    public void Date1900System_TheLastDayAndPast(string stored, string read)
    {
        var bytes = new SampleWorkbook().Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "End date")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", stored, 1))).ToBytes();
        Assert.Equal(read, Table(bytes).Rows[0].Cells[0]);
    }

    [Theory]
    [InlineData("1234.5599999999999", "1234.56")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("1E+16", "10000000000000000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("125000", "125000")]
    [InlineData("00123", "00123")]
    public void Numbers_InvariantText_ToFifteenSignificantDigits(string stored, string read)
    {
        var bytes = OneSheet(SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Annual value")) + SampleWorkbook.Row(2, SampleWorkbook.N("A2", stored)));
        Assert.Equal(read, Table(bytes).Rows[0].Cells[0]);
    }

    [Fact]
    public void Formulas_AreEqualsAndTheirText_NeverTheCachedValue_SharedOnesToo()
    {
        var rows = SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Title"), SampleWorkbook.Inline("B1", "Annual value")) +
            SampleWorkbook.Row(2, """<c r="A2" t="str"><f>HYPERLINK("http://example.invalid","Click")</f><v>Click</v></c>""",
                """<c r="B2"><f t="shared" ref="B2:B3" si="0">C2*2</f><v>10</v></c>""") +
            SampleWorkbook.Row(3, SampleWorkbook.Inline("A3", "Respite"), """<c r="B3"><f t="shared" si="0"/><v>12</v></c>""");
        var table = Table(OneSheet(rows));
        Assert.Equal(["=HYPERLINK(\"http://example.invalid\",\"Click\")", "=C2*2"], table.Rows[0].Cells);
        Assert.Equal(["Respite", "=C2*2"], table.Rows[1].Cells);
        Assert.All(table.Rows, r => Assert.True(ImportValues.LooksLikeFormula(r.Cells[1])));
    }

    [Fact]
    public void RichTextAndPhoneticRuns()
    {
        var rows = SampleWorkbook.Row(1, """<c r="A1" t="inlineStr"><is><r><t>Ref</t></r><r><rPr><b/></rPr><t>erence</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>""") +
            SampleWorkbook.Row(2, """<c r="A2" t="inlineStr"><is><t xml:space="preserve">  A-1 </t></is></c>""");
        var table = Table(OneSheet(rows));
        Assert.Equal("Reference", table.Headers[0]);
        Assert.Equal("  A-1 ", table.Rows[0].Cells[0]);
    }

    [Fact]
    public void ErrorsAndStrings_AsWritten()
    {
        var rows = SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference"), SampleWorkbook.Inline("B1", "Annual value")) +
            SampleWorkbook.Row(2, """<c r="A2" t="str"><v>A-1</v></c>""", """<c r="B2" t="e"><v>#N/A</v></c>""");
        Assert.Equal(["A-1", "#N/A"], Table(OneSheet(rows)).Rows[0].Cells);
    }

    [Fact]
    public void CellsWithoutReferences_FollowTheOneBefore_FarColumnsByLetters()
    {
        var rows = "<row><c t=\"inlineStr\"><is><t>Reference</t></is></c><c t=\"inlineStr\"><is><t>Title</t></is></c></row>" +
            SampleWorkbook.Row(2, SampleWorkbook.Inline("AA2", "far"));
        var table = Table(OneSheet(rows));
        Assert.Equal(27, table.Headers.Count);
        Assert.Equal("Column AA", table.Headers[26]);
        Assert.Equal("far", table.Rows[0].Cells[26]);
        Assert.Equal(2, table.Rows[0].RowNumber);
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA12", 26)]
    [InlineData("AZ1", 51)]
    [InlineData("XFD1048576", 16383)]
    [InlineData("12", null)]
    [InlineData("", null)]
    public void ColumnIndex_FromTheReference(string reference, int? index) => Assert.Equal(index, XlsxWorkbook.ColumnIndex(reference));

    [Fact]
    public void ColumnsPastTheLimit_Refused()
    {
        var rows = SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference"), SampleWorkbook.Inline("XFD1", "far"));
        Assert.Equal("Row 1 has cells beyond column ALL: the import reads at most 1,000 columns.", Read(OneSheet(rows)).Refusal);
    }

    [Fact]
    public void RowLimit_TheLimitExactly_Read_OneMoreRefused()
    {
        string Rows(int n) => SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference")) +
            string.Concat(Enumerable.Range(2, n).Select(r => SampleWorkbook.Row(r, SampleWorkbook.Inline($"A{r}", $"A-{r}"))));
        var limits = new ImportLimits(MaxRows: 10);
        Assert.Equal(10, Read(OneSheet(Rows(10)), limits: limits).Table!.Rows.Count);
        Assert.StartsWith("The file has more than 10 rows of contracts", Read(OneSheet(Rows(11)), limits: limits).Refusal);
    }

    [Fact]
    public void EmptySheet_Refused() =>
        Assert.Equal("The sheet “Sheet1” is empty: it has no rows.", Read(OneSheet("")).Refusal);

    [Fact]
    public void FirstRowBlank_Refused() =>
        Assert.StartsWith("The first row is blank", Read(OneSheet(SampleWorkbook.Row(3, SampleWorkbook.Inline("A3", "Reference")))).Refusal);

    [Fact]
    public void NotAZip_Refused() =>
        Assert.Equal("“register.xlsx” is not an Excel workbook, whatever its name says: an .xlsx file is a zip package and this is not one. " +
            "If it is a CSV file, give it a .csv name; otherwise open it in Excel and save it as “Excel Workbook (.xlsx)”.",
            Read("Reference,Title\nA-1,Homecare\n"u8.ToArray()).Refusal);

    [Fact]
    public void OldExcelOrPasswordProtected_Refused()
    {
        var bytes = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Assert.StartsWith("“register.xlsx” is an Excel 97–2003 workbook or a workbook protected by a password", Read(bytes).Refusal);
    }

    [Fact]
    public void ZipWithoutAWorkbook_Refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("word/document.xml").Open())
            entry.Write("<w/>"u8);
        Assert.Equal("“register.xlsx” is a zip file but not an Excel workbook: it has no workbook inside. Open it in Excel and save it as “Excel Workbook (.xlsx)”, or as CSV.",
            Read(stream.ToArray()).Refusal);
    }

    [Fact]
    public void TruncatedZip_Damaged()
    {
        var bytes = ImportSampleFiles.MultiSheet();
        Assert.StartsWith("“register.xlsx” could not be read as an Excel workbook: it is damaged", Read(bytes[..(bytes.Length / 2)]).Refusal);
    }

    [Fact]
    public void BadXml_Damaged()
    {
        var book = new SampleWorkbook().Sheet("S", "").Part("xl/worksheets/sheet1.xml", s => s.Write("<worksheet><sheetData><row>"u8));
        Assert.Equal("“register.xlsx” could not be read as an Excel workbook: it is damaged (its XML is not well formed). Open it in Excel and save it again, or save it as CSV.",
            Read(book.ToBytes()).Refusal);
    }

    [Fact]
    public void Dtd_Refused_NoEntityExpanded()
    {
        // A "billion laughs" and an external entity in the same document type definition: neither is read.
        var book = new SampleWorkbook
        {
            DocType = """<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>""",
        };
        var result = Read(book.Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference"))).ToBytes());
        Assert.Equal("“register.xlsx” could not be read as an Excel workbook: it is damaged (it contains a document type definition, which Excel never writes). " +
            "Open it in Excel and save it again, or save it as CSV.", result.Refusal);
    }

    [Fact]
    public void ZipBomb_RefusedByWhatIsActuallyInflated()
    {
        var result = Read(ImportSampleFiles.Bytes("zip-bomb.xlsx"), fileName: "zip-bomb.xlsx");
        Assert.Equal("The workbook expands to more than 100 MB when unzipped, far more than a register of contracts: it was not read. Save it again from Excel, or as CSV.",
            result.Refusal);
    }

    [Fact]
    public void UncompressedLimit_BothSides()
    {
        var bytes = ImportSampleFiles.MultiSheet();
        long inflated;
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            inflated = zip.Entries.Where(e => e.FullName is not ("[Content_Types].xml" or "xl/worksheets/sheet2.xml")).Sum(e => e.Length);
        // Every part but the content types and the sheet not chosen is read, each once: exactly that many bytes is within the limit, one fewer is not.
        Assert.False(Read(bytes, limits: new ImportLimits(MaxUncompressedBytes: inflated)).IsRefused);
        Assert.StartsWith("The workbook expands to more than", Read(bytes, limits: new ImportLimits(MaxUncompressedBytes: inflated - 1)).Refusal);
    }

    [Fact]
    public void TooManyParts_Refused()
    {
        var book = new SampleWorkbook().Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference")));
        for (var i = 0; i < XlsxPackage.MaxEntries; i++) book.Part($"xl/media/image{i}.png", _ => { });
        Assert.StartsWith("“register.xlsx” holds 1,00", Read(book.ToBytes()).Refusal);
    }

    [Fact]
    public void TooManySharedStrings_RefusedByTheDeclaredCount()
    {
        var book = new SampleWorkbook().Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference")))
            .Part("xl/sharedStrings.xml", s => s.Write(Encoding.UTF8.GetBytes(
                $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000" uniqueCount="2000000"><si><t>a</t></si></sst>""")));
        Assert.StartsWith("The workbook holds more than 1,000,000 different texts (2,000,000 declared)", Read(book.ToBytes()).Refusal);
    }

    [Fact]
    public void TooManySharedStrings_RefusedByTheCount_WhateverIsDeclared()
    {
        var book = new SampleWorkbook().Sheet("S", SampleWorkbook.Row(1, SampleWorkbook.Inline("A1", "Reference")))
            .Part("xl/sharedStrings.xml", s =>
            {
                s.Write("""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">"""u8);
                for (var i = 0; i <= XlsxWorkbook.MaxSharedStrings; i++) s.Write("<si><t/></si>"u8);
                s.Write("</sst>"u8);
            });
        Assert.StartsWith("The workbook holds more than 1,000,000 different texts (1,000,001 declared)", Read(book.ToBytes()).Refusal);
    }

    [Fact]
    public void AWorkbookClosedXmlWrote_ReadsAsClosedXmlReadsIt()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Register");
        sheet.Cell("A1").Value = "Reference";
        sheet.Cell("B1").Value = "Start date";
        sheet.Cell("C1").Value = "Annual value";
        sheet.Cell("D1").Value = "Total value";
        sheet.Cell("A2").Value = "ASC-1";
        sheet.Cell("B2").Value = new DateTime(2031, 3, 31);
        sheet.Cell("C2").Value = 1234.56;
        sheet.Cell("D2").FormulaA1 = "C2*3";
        sheet.Cell("A3").Value = "ASC-2";
        sheet.Cell("B3").Value = new DateTime(2024, 4, 1);
        sheet.Cell("B3").Style.DateFormat.Format = "dd/mm/yyyy";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var table = Table(stream.ToArray());
        Assert.Equal(["Register"], table.SheetNames);
        Assert.Equal(["ASC-1", "2031-03-31", "1234.56", "=C2*3"], table.Rows[0].Cells);
        Assert.Equal(["ASC-2", "2024-04-01", "", ""], table.Rows[1].Cells);
    }

    [Fact]
    public void TheCommittedWorkbook_ReadsAsClosedXmlReadsIt()
    {
        using var workbook = new XLWorkbook(ImportSampleFiles.PathOf("multi-sheet.xlsx"));
        var ours = Table(ImportSampleFiles.Bytes("multi-sheet.xlsx"));
        var sheet = workbook.Worksheet("Contracts");
        Assert.Equal(workbook.Worksheets.Select(w => w.Name), ours.SheetNames);
        foreach (var row in ours.Rows)
            for (var c = 0; c < 9; c++)
            {
                var cell = sheet.Cell(row.RowNumber, c + 1);
                var expected = cell.HasFormula ? "=" + cell.FormulaA1
                    : cell.DataType == XLDataType.DateTime ? cell.GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : cell.DataType == XLDataType.Boolean ? (cell.GetBoolean() ? "TRUE" : "FALSE")
                    : cell.DataType == XLDataType.Number ? cell.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : cell.GetString();
                Assert.Equal(expected, row.Cells[c]);
            }
    }
}
