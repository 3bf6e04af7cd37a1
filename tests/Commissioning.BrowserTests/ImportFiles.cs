using System.IO.Compression;
using System.Security;
using System.Text;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>Spreadsheets for the import's pages, made by the tests, and uploading one as a person does.</summary>
public static class ImportFiles
{
    /// <summary>The column a council's file calls its directorate by a name the import does not know: the person maps it.</summary>
    public const string UnknownDirectorateHeading = "Service area";

    public const string ExistingProvider = "Persona Care and Support Limited";

    /// <summary>
    /// A council's register in its own layout: two good contracts (one with a provider the register does not
    /// have), one row with a value written "45k" (refused), years as columns, dates day first.
    /// </summary>
    public static string Csv(string prefix) =>
        $"Contract ref,Contract title,Supplier,Form,{UnknownDirectorateHeading},Start date,End date,2025/26,2026/27\r\n" +
        $"{prefix}-001,Night sitting service,{ExistingProvider},Block,Adult Social Care,01/04/2025,31/03/2027,\"£120,000.00\",\"£123,600.00\"\r\n" +
        $"{prefix}-002,Carers' breaks,{NewProvider(prefix)},Block,Adult Social Care,2025-04-01,2027-03-31,45000.50,46350\r\n" +
        $"{prefix}-003,Shared lives,{ExistingProvider},Block,Adult Social Care,01/04/2025,31/03/2027,45k,46k\r\n";

    public static string NewProvider(string prefix) => $"Brookside Carers {prefix} Ltd";

    /// <summary>A workbook whose first sheet is notes and whose second holds the contracts (inline strings only).</summary>
    public static byte[] Workbook(string prefix)
    {
        var rows = Csv(prefix).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Take(3)
            .Select(line => SplitCsv(line)).ToList();
        return Xlsx([("Read me", [["Note", "Updated by"], ["The contracts are on the next sheet", "Commissioning team"]]), ("Contracts", rows)]);
    }

    public static byte[] Xlsx(IReadOnlyList<(string Name, List<string[]> Rows)> sheets)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
            Part("[Content_Types].xml", Head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
                "</Types>");
            Part("_rels/.rels", Head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", Head + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
                string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", Head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                "</Relationships>");
            for (var i = 0; i < sheets.Count; i++)
                Part($"xl/worksheets/sheet{i + 1}.xml", Head + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                    string.Concat(sheets[i].Rows.Select((row, r) => $"<row r=\"{r + 1}\">" +
                        string.Concat(row.Select((cell, c) => $"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell)}</t></is></c>")) + "</row>")) +
                    "</sheetData></worksheet>");
        }
        return buffer.ToArray();
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    /// <summary>
    /// The id of an upload of the commissioner's for AppPages' routes: {upload:P} a CSV just uploaded, {upload-workbook:P}
    /// the workbook of two sheets, {dry-run:P} a CSV mapped and dry-run, {imported:P} one imported. P prefixes its references.
    /// </summary>
    public static async Task<string?> ResolveAsync(AppServer app, string kind, string prefix)
    {
        if (kind is not ("upload" or "upload-workbook" or "dry-run" or "imported")) return null;
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();
        if (kind == "upload-workbook") await UploadAsync(page, prefix + ".xlsx", Workbook(prefix));
        else await UploadAsync(page, prefix + ".csv", Encoding.UTF8.GetBytes(Csv(prefix)));
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        if (kind is "dry-run" or "imported")
        {
            await ColumnField(page, UnknownDirectorateHeading).SelectOptionAsync(new SelectOptionValue { Label = "Directorate" });
            await Fill.PressAsync(page, "Run dry run");
        }
        if (kind == "imported") await Fill.PressAsync(page, "Import contracts");
        return int.TryParse(id, out _) ? id : throw new InvalidOperationException($"The upload for {{{kind}:{prefix}}} was not taken: at {page.Url}");
    }

    /// <summary>Opens "Import contracts", chooses the file and presses "Upload file", as a person does.</summary>
    public static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        if (!new Uri(page.Url).AbsolutePath.Equals("/Import", StringComparison.OrdinalIgnoreCase))
            await page.GotoAsync("/Import");
        await page.GetByLabel("Spreadsheet file").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
            Buffer = content,
        });
        await Fill.PressAsync(page, "Upload file");
    }

    /// <summary>The select of what a column of the file is imported as.</summary>
    public static ILocator ColumnField(IPage page, string heading) => page.GetByLabel($"Import column \u201c{heading}\u201d as", new() { Exact = true });

    /// <summary>The figure a count of the dry run shows ("To create").</summary>
    public static async Task<string> CountAsync(IPage page, string label) =>
        (await page.Locator("#counts .govuk-summary-list__row").Filter(new() { Has = page.Locator("dt", new() { HasText = label }) })
            .Locator("dd").TextContentAsync())?.Trim() ?? "";
}
