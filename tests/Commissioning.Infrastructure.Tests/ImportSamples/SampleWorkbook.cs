using System.IO.Compression;
using System.Security;
using System.Text;

namespace Commissioning.Infrastructure.Tests.ImportSamples;

/// <summary>
/// Writes .xlsx packages part by part, so a test controls exactly what a workbook holds (inline strings, shared
/// formulas, 1904 dates, a DTD, lying sizes), which a library such as ClosedXML would tidy away. It made the
/// committed multi-sheet.xlsx and zip-bomb.xlsx (see <see cref="ImportSampleFiles"/>).
/// </summary>
public sealed class SampleWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly List<(string Name, string Rows, bool Hidden)> _sheets = [];
    private readonly List<string> _sharedStrings = [];
    private readonly List<(string Path, Action<Stream> Write)> _extraParts = [];

    public bool Date1904 { get; init; }

    /// <summary>Custom number formats (id 164 on) whose cell styles are 1, 2, …; style 0 is General.</summary>
    public IReadOnlyList<string> CustomFormats { get; init; } = ["dd/mm/yyyy"];

    /// <summary>Built-in number format ids with a style each, after the custom ones.</summary>
    public IReadOnlyList<int> BuiltInFormats { get; init; } = [14];

    public string? DocType { get; init; }

    /// <summary>Adds a sheet; <paramref name="rowsXml"/> is the content of its &lt;sheetData&gt;.</summary>
    public SampleWorkbook Sheet(string name, string rowsXml, bool hidden = false)
    {
        _sheets.Add((name, rowsXml, hidden));
        return this;
    }

    /// <summary>The index of a shared string, added if new.</summary>
    public int Shared(string text)
    {
        var i = _sharedStrings.IndexOf(text);
        if (i >= 0) return i;
        _sharedStrings.Add(text);
        return _sharedStrings.Count - 1;
    }

    /// <summary>Replaces or adds a part written by the caller (e.g. a sheet that expands without end).</summary>
    public SampleWorkbook Part(string path, Action<Stream> write)
    {
        _extraParts.Add((path, write));
        return this;
    }

    public static string Escape(string text) => SecurityElement.Escape(text);

    // Cell helpers: a shared string, an inline string, a number, a formula with its cached result.
    public string S(string reference, string text) => $"""<c r="{reference}" t="s"><v>{Shared(text)}</v></c>""";
    public static string Inline(string reference, string text) => $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{Escape(text)}</t></is></c>""";
    public static string N(string reference, string number, int style = 0) => $"""<c r="{reference}"{(style == 0 ? "" : $" s=\"{style}\"")}><v>{number}</v></c>""";
    public static string F(string reference, string formula, string cached) => $"""<c r="{reference}"><f>{Escape(formula)}</f><v>{cached}</v></c>""";
    public static string B(string reference, bool value) => $"""<c r="{reference}" t="b"><v>{(value ? 1 : 0)}</v></c>""";
    public static string Row(int number, params string[] cells) => $"""<row r="{number}">{string.Concat(cells)}</row>""";

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overridden = _extraParts.Select(p => p.Path).ToHashSet();
            void Add(string path, string xml)
            {
                if (overridden.Contains(path)) return;
                using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }

            var prolog = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + (DocType ?? "");
            Add("[Content_Types].xml", prolog + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
                """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""" +
                """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
                string.Concat(_sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) +
                """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" +
                """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", prolog + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                $"""<Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", prolog + $"""<workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}">""" +
                (Date1904 ? """<workbookPr date1904="1"/>""" : "") + "<sheets>" +
                string.Concat(_sheets.Select((s, i) => $"""<sheet name="{Escape(s.Name)}" sheetId="{i + 1}"{(s.Hidden ? " state=\"hidden\"" : "")} r:id="rId{i + 1}"/>""")) +
                "</sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", prolog + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                string.Concat(_sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""")) +
                $"""<Relationship Id="rId{_sheets.Count + 1}" Type="{OfficeRelationships}/styles" Target="styles.xml"/>""" +
                $"""<Relationship Id="rId{_sheets.Count + 2}" Type="{OfficeRelationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Add("xl/styles.xml", prolog + $"""<styleSheet xmlns="{Main}"><numFmts count="{CustomFormats.Count}">""" +
                string.Concat(CustomFormats.Select((f, i) => $"""<numFmt numFmtId="{164 + i}" formatCode="{Escape(f)}"/>""")) +
                """</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>""" +
                """<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""" +
                $"""<cellXfs count="{1 + CustomFormats.Count + BuiltInFormats.Count}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>""" +
                string.Concat(CustomFormats.Select((_, i) => $"""<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""")) +
                string.Concat(BuiltInFormats.Select(id => $"""<xf numFmtId="{id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""")) +
                "</cellXfs></styleSheet>");
            for (var i = 0; i < _sheets.Count; i++)
                Add($"xl/worksheets/sheet{i + 1}.xml", prolog + $"""<worksheet xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheetData>{_sheets[i].Rows}</sheetData></worksheet>""");
            // Shared strings last: the sheets' helpers add to them.
            Add("xl/sharedStrings.xml", prolog + $"""<sst xmlns="{Main}" count="{_sharedStrings.Count}" uniqueCount="{_sharedStrings.Count}">""" +
                string.Concat(_sharedStrings.Select(s => $"""<si><t xml:space="preserve">{Escape(s)}</t></si>""")) + "</sst>");
            foreach (var (path, write) in _extraParts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                write(entry);
            }
        }
        return stream.ToArray();
    }
}
