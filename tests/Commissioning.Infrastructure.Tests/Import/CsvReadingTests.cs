using System.Security.Cryptography;
using System.Text;
using Commissioning.Infrastructure.Import;
using Commissioning.Tests.Shared;

namespace Commissioning.Infrastructure.Tests.Import;

public sealed class CsvReadingTests
{
    internal static ImportReadResult Read(byte[] bytes, string fileName = "register.csv", ImportEncoding encoding = ImportEncoding.Utf8,
        ImportLimits? limits = null) =>
        ImportFileReader.Read(new MemoryStream(bytes), fileName, new ImportReadOptions(encoding), limits ?? ImportLimits.Default);

    internal static ImportTable Table(string csv, ImportEncoding encoding = ImportEncoding.Utf8, ImportLimits? limits = null)
    {
        var result = Read(Encoding.UTF8.GetBytes(csv), encoding: encoding, limits: limits);
        Assert.False(result.IsRefused, result.Refusal);
        return result.Table!;
    }

    internal static string Refusal(string csv, ImportLimits? limits = null)
    {
        var result = Read(Encoding.UTF8.GetBytes(csv), limits: limits);
        Assert.True(result.IsRefused);
        Assert.Null(result.Table);
        return result.Refusal!;
    }

    [Fact]
    public void Rfc4180_QuotedCommasLineBreaksAndQuotes()
    {
        var table = Table("Reference,Title,Notes\r\nA-1,\"Homecare, nights\",\"Line one\r\nLine two\"\r\nA-2,\"Say \"\"waking\"\" nights\",plain\r\n");
        Assert.Equal(["Reference", "Title", "Notes"], table.Headers);
        Assert.Equal(["A-1", "Homecare, nights", "Line one\r\nLine two"], table.Rows[0].Cells);
        Assert.Equal(["A-2", "Say \"waking\" nights", "plain"], table.Rows[1].Cells);
        // A line break inside a quoted cell does not add a row: row numbers are the spreadsheet's.
        Assert.Equal([2, 3], table.Rows.Select(r => r.RowNumber));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LineEnds_AnyOfTheThree(string end)
    {
        var table = Table($"Reference,Title{end}A-1,Homecare{end}A-2,Respite");
        Assert.Equal([["A-1", "Homecare"], ["A-2", "Respite"]], table.Rows.Select(r => r.Cells));
    }

    [Fact]
    public void Sha256_IsOfTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("Reference\nA-1\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Read(bytes).Table!.Sha256);
        Assert.Equal("register.csv", Read(bytes).Table!.FileName);
    }

    [Fact]
    public void Csv_HasNoSheets()
    {
        var table = Table("Reference\nA-1\n");
        Assert.Empty(table.SheetNames);
        Assert.Null(table.SheetName);
    }

    [Fact]
    public void Utf8_ByteOrderMarkStripped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Reference,Title\nA-1,Café £5\n")).ToArray();
        var table = Read(bytes).Table!;
        Assert.Equal("Reference", table.Headers[0]);
        Assert.Equal("Café £5", table.Rows[0].Cells[1]);
        Assert.Empty(table.Notices);
    }

    [Fact]
    public void Utf8_WithoutByteOrderMark() =>
        Assert.Equal("Café £5", Table("Reference,Title\nA-1,Café £5\n").Rows[0].Cells[1]);

    [Fact]
    public void Windows1252_WhenChosen()
    {
        var bytes = Encoding.Latin1.GetBytes("Reference,Title\nA-1,Caf\u00e9 \u00a35\n");
        bytes = [.. bytes, .. new byte[] { 0x96, (byte)'x', (byte)'\n' }]; // 0x96 is an en dash in Windows-1252 only
        var table = Read(bytes, encoding: ImportEncoding.Windows1252).Table!;
        Assert.Equal("Café £5", table.Rows[0].Cells[1]);
        Assert.Equal("–x", table.Rows[1].Cells[0]);
        Assert.Empty(table.Notices);
    }

    [Fact]
    public void InvalidUtf8_RefusedNamingTheRow_AndSuggestingWindows1252()
    {
        var bytes = Encoding.UTF8.GetBytes("Reference,Title\nA-1,\"Two\nlines\"\nA-2,Respite ").Concat(new byte[] { 0xA3 }).Concat(Encoding.UTF8.GetBytes("5\n")).ToArray();
        var result = Read(bytes);
        Assert.True(result.IsRefused);
        Assert.Equal("The file is not UTF-8: row 3 has a character that UTF-8 cannot hold (the byte 0xA3, which is “£” in Windows-1252). " +
            "Files saved by older versions of Excel as “CSV (Comma delimited)” are Windows-1252: choose Windows-1252 as the file's encoding and upload it again.",
            result.Refusal);
        Assert.Equal("Respite £5", Read(bytes, encoding: ImportEncoding.Windows1252).Table!.Rows[1].Cells[1]);
    }

    [Fact]
    public void Windows1252Chosen_ButTheFileHasAUtf8ByteOrderMark_ReadAsUtf8WithANotice()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Reference\nCafé\n")).ToArray();
        var table = Read(bytes, encoding: ImportEncoding.Windows1252).Table!;
        Assert.Equal("Café", table.Rows[0].Cells[0]);
        Assert.Contains(table.Notices, n => n.Contains("read as UTF-8 although Windows-1252 was chosen"));
    }

    [Fact]
    public void Windows1252Chosen_ForAFileThatLooksUtf8_Notice()
    {
        var table = Read(Encoding.UTF8.GetBytes("Reference\nCafé\n"), encoding: ImportEncoding.Windows1252).Table!;
        Assert.Equal("CafÃ©", table.Rows[0].Cells[0]);
        Assert.Contains(table.Notices, n => n.Contains("it looks like UTF-8"));
    }

    [Fact]
    public void Utf16_ReadByItsByteOrderMark_WithANotice()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Reference\tTitle\r\nA-1\tCafé\r\n")).ToArray();
        var table = Read(bytes).Table!;
        Assert.Equal(["Reference", "Title"], table.Headers);
        Assert.Equal(["A-1", "Café"], table.Rows[0].Cells);
        Assert.Contains(table.Notices, n => n.Contains("UTF-16"));
        Assert.Contains(table.Notices, n => n.Contains("separated by tabs"));
    }

    [Fact]
    public void Semicolons_WhenTheHeadingRowHasNoCommas_WithANotice()
    {
        var table = Table("Reference;Title;Annual value\nA-1;Homecare;1234,56\n");
        Assert.Equal(["A-1", "Homecare", "1234,56"], table.Rows[0].Cells);
        Assert.Contains("The heading row has no commas but has semicolons: the columns were taken to be separated by semicolons.", table.Notices);
    }

    [Fact]
    public void Commas_WinOverSemicolons() => Assert.Equal(["Reference;Title", "Notes"], Table("Reference;Title,Notes\nA;B,C\n").Headers);

    [Fact]
    public void UnclosedQuote_RefusedNamingTheRow() =>
        Assert.Equal("Row 3 has a quoted cell that is never closed (a cell that starts with \" must end with \"): check the quotes in row 3.",
            Refusal("Reference,Title\nA-1,Homecare\nA-2,\"Respite\nA-3,Day care\n"));

    [Fact]
    public void TextAfterAClosingQuote_KeptAsExcelKeepsIt() => Assert.Equal("ab", Table("Reference\n\"a\"b\n").Rows[0].Cells[0]);

    [Fact]
    public void EmptyFile_Refused() => Assert.Equal("“register.csv” is empty: it has no rows.", Read([]).Refusal);

    [Theory]
    [InlineData("\n\n")]
    [InlineData(",,\r\n,,\r\n")]
    [InlineData("\uFEFF")]
    public void NothingButBlankRows_Empty(string csv) => Assert.Equal("The file is empty: it has no rows.", Refusal(csv));

    [Fact]
    public void FirstRowBlank_Refused() =>
        Assert.StartsWith("The first row is blank: the first row must hold the column headings", Refusal("\nReference,Title\nA-1,Homecare\n"));

    [Theory]
    [InlineData("ASC-1,Homecare,Carewell Ltd,01/04/2024,300000")]
    [InlineData("12,14,2024")]
    [InlineData("Homecare,£1,234.00")]
    [InlineData("Homecare,31 March 2031")]
    public void FirstRowThatIsData_Refused(string firstRow)
    {
        var message = Refusal(firstRow + "\nASC-2,Respite,Oak Ltd,01/04/2024,1\n");
        Assert.StartsWith("The first row looks like a contract, not column headings (", message);
        Assert.EndsWith("add a row of headings at the top, such as Reference, Title, Provider, Start date, End date.", message);
    }

    [Theory]
    [InlineData("Reference,2024/25,2025/26")] // year headings are headings, not numbers
    [InlineData("contract_id,2024")]
    [InlineData("Colour,Shape")] // unknown words: headings, mapped by hand
    public void FirstRowOfHeadings_Accepted(string header) =>
        Assert.Equal(header.Split(','), Table(header + "\n" + string.Join(',', header.Split(',').Select(_ => "1")) + "\n").Headers);

    [Fact]
    public void BlankHeading_NamedByItsColumn_WithANoticeWhenItHasData()
    {
        var table = Table("Reference,,Title,\nA-1,x,Homecare,\n");
        Assert.Equal(["Reference", "Column B", "Title"], table.Headers); // the empty last column is dropped
        Assert.Equal(["Column B has no heading: it is called “Column B” here."], table.Notices);
        Assert.Equal(["A-1", "x", "Homecare"], table.Rows[0].Cells);
    }

    [Fact]
    public void BlankHeading_WithoutData_NoNotice()
    {
        var table = Table("Reference,,Title\nA-1,,Homecare\n");
        Assert.Equal(["Reference", "Column B", "Title"], table.Headers);
        Assert.Empty(table.Notices);
    }

    [Fact]
    public void DataBeyondTheHeadings_GetsAColumn()
    {
        var table = Table("Reference,Title\nA-1,Homecare,,extra\n");
        Assert.Equal(["Reference", "Title", "Column C", "Column D"], table.Headers);
        Assert.Equal(["A-1", "Homecare", "", "extra"], table.Rows[0].Cells);
        Assert.Equal(["Column D has no heading: it is called “Column D” here."], table.Notices);
    }

    [Fact]
    public void DuplicateHeadings_LaterRenamed_WithANotice()
    {
        var table = Table("Title,Reference,TITLE\nHomecare,A-1,Respite\n");
        Assert.Equal(["Title", "Reference", "TITLE (column C)"], table.Headers);
        Assert.Equal(["Columns A and C are both headed “TITLE”: column C is called “TITLE (column C)” here, and only column A is proposed for import."], table.Notices);
        var mapping = ImportColumns.Propose(table.Headers);
        Assert.Equal([ImportField.Title, ImportField.Reference, ImportField.Ignore], mapping.Columns.Select(c => c.Field));
    }

    [Fact]
    public void HeadingsTrimmed_CellsKeptAsWritten()
    {
        var table = Table(" Reference , Title\n A-1 ,  Homecare\n");
        Assert.Equal(["Reference", "Title"], table.Headers);
        Assert.Equal([" A-1 ", "  Homecare"], table.Rows[0].Cells);
    }

    [Fact]
    public void ShortRowsPadded_TrailingBlankRowsDropped_BlankRowsWithinKept()
    {
        var table = Table("Reference,Title,Annual value\nA-1\n\n,,\nA-2,Respite,5\n\n,,\n\n");
        Assert.Equal([2, 3, 4, 5], table.Rows.Select(r => r.RowNumber));
        Assert.All(table.Rows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Equal(["A-1", "", ""], table.Rows[0].Cells);
        Assert.Equal(["", "", ""], table.Rows[1].Cells);
        Assert.Equal(["A-2", "Respite", "5"], table.Rows[3].Cells);
    }

    [Fact]
    public void HeadingsOnly_ReadWithANotice()
    {
        var table = Table("Reference,Title\n");
        Assert.Empty(table.Rows);
        Assert.Contains("The file has column headings but no rows of contracts below them.", table.Notices);
    }

    [Fact]
    public void FormulaCells_ReadAsWritten_ForThePlannerToRefuse()
    {
        var table = Table("Reference,Title\nA-1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", table.Rows[0].Cells[1]);
        Assert.True(ImportValues.LooksLikeFormula(table.Rows[0].Cells[1]));
    }

    [Fact]
    public void Rows_TheLimitExactly_Read_OneMoreRefused()
    {
        var limits = new ImportLimits(MaxRows: 5);
        Assert.Equal(5, Table(Rows(5), limits: limits).Rows.Count);
        Assert.Equal("The file has more than 5 rows of contracts: the largest import is 5 rows. Split it into smaller files and import each in turn.",
            Refusal(Rows(6), limits));
    }

    [Fact]
    public void Rows_BlankRowsAtTheEndDoNotCount_BlankRowsWithinDo()
    {
        var limits = new ImportLimits(MaxRows: 5);
        Assert.Equal(5, Table(Rows(5) + "\n\n\n\n\n\n\n\n", limits: limits).Rows.Count);
        Assert.StartsWith("The file has more than 5 rows", Refusal(Rows(3) + "\n\n\n\n\n\n\n\nA-9\n", limits));
    }

    [Fact]
    public void Rows_TwentyThousand_Read_TwentyThousandAndOne_Refused()
    {
        Assert.Equal(20_000, Read(LargeImportFile.Csv(20_000)).Table!.Rows.Count);
        Assert.Equal("The file has more than 20,000 rows of contracts: the largest import is 20,000 rows. Split it into smaller files and import each in turn.",
            Read(LargeImportFile.Csv(20_001)).Refusal);
    }

    [Fact]
    public void LargeFile_ReadsAsGenerated()
    {
        var table = Read(LargeImportFile.Csv(100)).Table!;
        Assert.Equal(LargeImportFile.Header.Split(','), table.Headers);
        Assert.Equal("BENCH-000007", table.Rows[6].Cells[0]);
        Assert.Equal("Support at home, nights and \"waking\" cover (7)", table.Rows[6].Cells[2]);
        Assert.All(table.Rows, r => Assert.True(ImportValues.Money(r.Cells[14]).Ok, r.Cells[14]));
        Assert.All(table.Rows, r => Assert.True(ImportValues.Date(r.Cells[11]).Ok, r.Cells[11]));
        Assert.All(table.Rows, r => Assert.True(ImportValues.Form(r.Cells[7]).Ok, r.Cells[7]));
        Assert.Equal(LargeImportFile.Csv(100), LargeImportFile.Csv(100));
    }

    private static string Rows(int n) => "Reference\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"A-{i}\n"));
}
