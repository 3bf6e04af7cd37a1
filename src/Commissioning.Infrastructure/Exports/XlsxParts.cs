using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;

namespace Commissioning.Infrastructure.Exports;

/// <summary>
/// The fixed parts of a one-sheet SpreadsheetML package (ECMA-376) that <see cref="XlsxExport"/>
/// streams: content types, relationships, core properties (the title), the styles its cells
/// use, and the workbook naming the sheet. Only the sheet itself grows with the rows.
/// </summary>
internal static class XlsxParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Cell styles, as indexes into cellXfs below; each is followed by its bold twin (index + 1).
    public const int Plain = 0, Wrapped = 2, Money = 4, Change = 6, Integer = 8, Percent = 10, Date = 12;

    public static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
    };

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""" +
        """<Default Extension="xml" ContentType="application/xml"/>""" +
        """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
        """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
        """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" +
        """<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>""" +
        """</Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""" +
        """</Relationships>""";

    private static string Styles()
    {
        var formats = new[] { XlsxExport.MoneyFormat, XlsxExport.MoneyChangeFormat, XlsxExport.IntegerFormat, XlsxExport.PercentFormat, XlsxExport.DateFormat };
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        xml.Append($"""<numFmts count="{formats.Length}">""");
        for (var i = 0; i < formats.Length; i++)
            xml.Append($"""<numFmt numFmtId="{164 + i}" formatCode="{SecurityElement.Escape(formats[i])}"/>""");
        xml.Append("</numFmts>");
        xml.Append("""<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>""");
        xml.Append("""<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>""");
        xml.Append("""<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>""");
        xml.Append("""<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""");
        // In the order of the constants above: plain, wrapped, then one per number format; each then bold.
        var xfs = new List<string> { """numFmtId="0" """, """numFmtId="0" applyAlignment="1" """ };
        xfs.AddRange(formats.Select((_, i) => $"""numFmtId="{164 + i}" applyNumberFormat="1" """));
        xml.Append($"""<cellXfs count="{xfs.Count * 2}">""");
        foreach (var (xf, wrapped) in xfs.Select((xf, i) => (xf, i == 1)))
            foreach (var bold in new[] { false, true })
                xml.Append($"""<xf {xf}fontId="{(bold ? 1 : 0)}" fillId="0" borderId="0" xfId="0"{(bold ? " applyFont=\"1\"" : "")}>""")
                    .Append(wrapped ? """<alignment wrapText="1"/>""" : "").Append("</xf>");
        xml.Append("</cellXfs>");
        xml.Append("""<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");
        return xml.ToString();
    }

    private static readonly string StylesXml = Styles();

    /// <summary>Everything before the sheet: content types, relationships, the title, the styles.</summary>
    public static void WritePackage(ZipArchive zip, string title)
    {
        Text(zip, "[Content_Types].xml", ContentTypes);
        Text(zip, "_rels/.rels", PackageRelationships);
        Text(zip, "docProps/core.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">""" +
            $"<dc:title>{SecurityElement.Escape(CellText(title))}</dc:title></cp:coreProperties>");
        Text(zip, "xl/styles.xml", StylesXml);
        Text(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
    }

    /// <summary>The workbook part, written after the sheet because its filter's range needs the row count.</summary>
    public static void WriteWorkbook(ZipArchive zip, string sheetName, int headerRow, int lastRow, int columns)
    {
        using var entry = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(entry, XmlSettings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, OfficeRelationships);
        xml.WriteStartElement("sheets");
        xml.WriteStartElement("sheet");
        xml.WriteAttributeString("name", sheetName);
        xml.WriteAttributeString("sheetId", "1");
        xml.WriteAttributeString("id", OfficeRelationships, "rId1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        // Excel names every filtered range so; without it Excel still opens the file but shows no filter buttons in some versions.
        xml.WriteStartElement("definedNames");
        xml.WriteStartElement("definedName");
        xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
        xml.WriteAttributeString("localSheetId", "0");
        xml.WriteAttributeString("hidden", "1");
        xml.WriteString($"'{sheetName.Replace("'", "''")}'!$A${headerRow}:${ColumnLetters(columns)}${lastRow}");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>1 is A, 26 is Z, 27 is AA.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
            letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// Text as a cell holds it: a line break is LF (Excel's Alt+Enter); a character XML cannot
    /// carry, and text that looks like Excel's own escape (_x0041_), are escaped as Excel does
    /// (_x0001_, _x005F_x0041_), so that the cell reads back as given.
    /// </summary>
    public static string CellText(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
            clean = (XmlConvert.IsXmlChar(text[i]) || IsPair(text, i) || (i > 0 && IsPair(text, i - 1))) && !LooksEscaped(text, i);
        if (clean) return text;

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
                escaped.Append(text, i++, 2);
            else if (LooksEscaped(text, i))
                escaped.Append("_x005F_");
            else if (!XmlConvert.IsXmlChar(text[i]))
                escaped.Append($"_x{(int)text[i]:X4}_");
            else
                escaped.Append(text[i]);
        }
        return escaped.ToString();
    }

    private static bool IsPair(string text, int i) => i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);

    private static bool LooksEscaped(string text, int i) =>
        text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
        && text.AsSpan(i + 2, 4).ContainsAnyExcept("0123456789ABCDEFabcdef") == false;

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
