using System.Reflection;
using System.Text;

namespace Commissioning.Infrastructure.Tests.ImportSamples;

/// <summary>
/// The sample files in tests/Commissioning.Infrastructure.Tests/ImportSamples, copied beside the test binaries.
/// The two workbooks are made by <see cref="MultiSheet"/> and <see cref="ZipBomb"/> and committed; set
/// REGENERATE_IMPORT_SAMPLES=1 and run ImportSampleFilesTests to write them again.
/// </summary>
public static class ImportSampleFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "ImportSamples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Where the samples live in the repository (to write them again).</summary>
    public static string SourceFolder()
    {
        var builtFrom = typeof(ImportSampleFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value ?? throw new InvalidOperationException("No RepositoryRoot metadata.");
        return Path.Combine(builtFrom, "tests", "Commissioning.Infrastructure.Tests", "ImportSamples");
    }

    /// <summary>
    /// Two sheets. "Contracts": shared and inline strings, a date in a built-in date format (14) and one in a
    /// custom one (dd/mm/yyyy), a number Excel wrote with a double's long spelling, a formula with a cached
    /// result, a boolean, cells placed sparsely by reference, a missing (blank) row, a cell beyond the headings,
    /// and formatted empty rows at the end. "Closed contracts": a second, smaller table.
    /// </summary>
    public static byte[] MultiSheet()
    {
        var book = new SampleWorkbook();
        const int customDate = 1, builtInDate = 2;
        var headers = new[] { "Reference", "Title", "Provider", "Commissioning form", "Start date", "End date", "Annual value", "Total value", "Key decision" };
        var contracts =
            SampleWorkbook.Row(1, [.. headers.Select((h, i) => book.S($"{(char)('A' + i)}1", h))]) +
            SampleWorkbook.Row(2,
                book.S("A2", "ASC-2024-101"), SampleWorkbook.Inline("B2", "Homecare – north locality"), book.S("C2", "Carewell Homecare Ltd"),
                book.S("D2", "Block"), SampleWorkbook.N("E2", "45383", builtInDate), SampleWorkbook.N("F2", "46112", customDate),
                SampleWorkbook.N("G2", "125000.5"), SampleWorkbook.F("H2", "G2*2", "250001"), SampleWorkbook.B("I2", true)) +
            SampleWorkbook.Row(3,
                book.S("A3", "ASC-2024-102"), book.S("C3", "Oakfield Supported Living"), SampleWorkbook.Inline("E3", "01/07/2024"),
                SampleWorkbook.N("G3", "1234.5599999999999")) +
            SampleWorkbook.Row(5, book.S("A5", "ASC-2024-103"), SampleWorkbook.Inline("B5", "Shared lives"), book.S("J5", "Check the end date")) +
            """<row r="6"/><row r="7"><c r="A7" s="1"/></row>""";
        var closed =
            SampleWorkbook.Row(1, book.S("A1", "Reference"), book.S("B1", "Title"), book.S("C1", "End date")) +
            SampleWorkbook.Row(2, book.S("A2", "ASC-2019-007"), book.S("B2", "Meals at home"), SampleWorkbook.N("C2", "44286", builtInDate));
        return book.Sheet("Contracts", contracts).Sheet("Closed contracts", closed).ToBytes();
    }

    /// <summary>
    /// A small workbook whose one sheet expands to about 160 MB: one cell written again and again (so a reader
    /// that did not count what it inflates would hold little and read for ever). Compresses to well under 1 MB.
    /// </summary>
    public static byte[] ZipBomb() =>
        new SampleWorkbook().Sheet("Contracts", "").Part("xl/worksheets/sheet1.xml", stream =>
        {
            var main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            stream.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Reference</t></is></c></row><row r="2">"""));
            var cell = Encoding.UTF8.GetBytes("""<c r="A2" t="inlineStr"><is><t>ASC-1</t></is></c>""");
            var block = new byte[cell.Length * 1000];
            for (var i = 0; i < 1000; i++) cell.CopyTo(block, i * cell.Length);
            for (long written = 0; written < 160L * 1024 * 1024; written += block.Length) stream.Write(block);
            stream.Write(Encoding.UTF8.GetBytes("</row></sheetData></worksheet>"));
        }).ToBytes();
}
