using System.Globalization;
using System.Text;
using System.Xml;

namespace Commissioning.Infrastructure.Import.Reading;

/// <summary>
/// Reads one worksheet of an .xlsx workbook (ECMA-376 SpreadsheetML) as text cells, streaming the sheet's XML
/// (no document tree is built). What a cell holds, not what Excel last displayed: a formula is "=" and its
/// formula (its cached result is not used); a number is its invariant text; a number in a date-formatted cell
/// is its date, "yyyy-MM-dd".
/// </summary>
internal static class XlsxWorkbook
{
    /// <summary>No register needs more distinct texts than this; a workbook claiming more is refused before they are held.</summary>
    public const int MaxSharedStrings = 1_000_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static (IReadOnlyList<string> SheetNames, string SheetName) Read(byte[] bytes, string fileName, string? sheetName,
        ImportLimits limits, TableShaper shaper)
    {
        using var package = XlsxPackage.Open(bytes, fileName, limits.MaxUncompressedBytes);
        try
        {
            return ReadPackage(package, fileName, sheetName, shaper);
        }
        catch (XmlException e)
        {
            throw XlsxPackage.Damaged(fileName, e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "it contains a document type definition, which Excel never writes"
                : "its XML is not well formed");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            // A broken deflate stream, or a part compressed or encrypted in a way .NET's zip does not read.
            throw XlsxPackage.Damaged(fileName);
        }
    }

    private static (IReadOnlyList<string>, string) ReadPackage(XlsxPackage package, string fileName, string? sheetName, TableShaper shaper)
    {
        var workbookPath = package.RelationshipsOf("").Values
            .Where(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
            ?? "xl/workbook.xml";
        if (!package.Has(workbookPath))
            throw new ImportRefusal($"“{fileName}” is a zip file but not an Excel workbook: it has no workbook inside. " +
                "Open it in Excel and save it as “Excel Workbook (.xlsx)”, or as CSV.");

        var (sheets, date1904) = Sheets(package, workbookPath);
        var parts = package.RelationshipsOf(workbookPath);
        var worksheets = sheets.Where(s => parts.TryGetValue(s.RelationshipId, out var p) && p.Type.EndsWith("/worksheet", StringComparison.Ordinal)).ToList();
        var names = worksheets.Select(s => s.Name).ToList();
        if (worksheets.Count == 0)
            throw new ImportRefusal($"“{fileName}” has no worksheets (sheets of rows and columns) to import.");

        Sheet chosen;
        if (sheetName is not null)
        {
            chosen = worksheets.FirstOrDefault(s => s.Name == sheetName)
                ?? worksheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportRefusal($"The workbook has no sheet called “{sheetName}”: its sheets are {string.Join(", ", names.Select(n => $"“{n}”"))}.");
        }
        else
        {
            chosen = worksheets.FirstOrDefault(s => !s.Hidden) ?? worksheets[0];
            if (chosen != worksheets[0])
                shaper.Notices.Add($"The workbook's first sheet, “{worksheets[0].Name}”, is hidden: the first sheet you can see, “{chosen.Name}”, was read.");
        }

        var sharedStrings = parts.Values.Where(p => p.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Select(p => p.Target).FirstOrDefault();
        var styles = parts.Values.Where(p => p.Type.EndsWith("/styles", StringComparison.Ordinal)).Select(p => p.Target).FirstOrDefault();
        var strings = sharedStrings is null ? [] : SharedStrings(package, sharedStrings);
        var dateStyles = styles is null ? [] : DateStyles(package, styles);
        if (date1904)
            shaper.Notices.Add("The workbook uses Excel's 1904 date system (from older Macs): dates in date-formatted cells were read with it.");

        ReadSheet(package, parts[chosen.RelationshipId].Target, strings, dateStyles, date1904, shaper);
        return (names, chosen.Name);
    }

    private sealed record Sheet(string Name, string RelationshipId, bool Hidden);

    private static (List<Sheet>, bool Date1904) Sheets(XlsxPackage package, string workbookPath)
    {
        var sheets = new List<Sheet>();
        var date1904 = false;
        using var xml = package.Read(workbookPath)!;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "workbookPr")
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet")
            {
                var id = RelationshipId(xml);
                var name = xml.GetAttribute("name");
                if (id is not null && name is not null)
                    sheets.Add(new Sheet(name, id, xml.GetAttribute("state") is "hidden" or "veryHidden"));
            }
        }
        return (sheets, date1904);
    }

    private static string? RelationshipId(XmlReader xml)
    {
        for (var i = 0; i < xml.AttributeCount; i++)
        {
            xml.MoveToAttribute(i);
            if (xml.LocalName == "id" && XlsxPackage.IsOfficeRelationship(xml.NamespaceURI))
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        }
        xml.MoveToElement();
        return null;
    }

    private static List<string> SharedStrings(XlsxPackage package, string path)
    {
        var strings = new List<string>();
        using var xml = package.Read(path);
        if (xml is null) return strings;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(RichText(xml));
                if (strings.Count > MaxSharedStrings) throw TooManyStrings(strings.Count);
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sst"
                && int.TryParse(xml.GetAttribute("uniqueCount") ?? xml.GetAttribute("count"), out var declared) && declared > MaxSharedStrings)
                throw TooManyStrings(declared);
            xml.Read();
        }
        return strings;
    }

    private static ImportRefusal TooManyStrings(int count) =>
        new($"The workbook holds more than {MaxSharedStrings:N0} different texts ({count:N0} declared), far more than a register of contracts: it was not read. Save it as CSV.");

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs joined, leaving out phonetic guides (&lt;rPh&gt;).
    /// Like the other element readers here, it starts on the element and leaves the reader just after it.
    /// </summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") { text.Append(xml.ReadElementContentAsString()); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "phoneticPr") { xml.Skip(); continue; }
            xml.Read();
        }
        if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        return text.ToString();
    }

    // The built-in number formats that show dates (ECMA-376 Part 1, 18.8.30): 14–22 and 45–47, with the East Asian
    // ones (27–36, 50–58). Some are times only; a time (a value under 1) is left a number.
    private static readonly HashSet<int> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>For each cell style (index into cellXfs), whether its number format shows a date.</summary>
    private static bool[] DateStyles(XlsxPackage package, string path)
    {
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        using var xml = package.Read(path);
        if (xml is null) return [];
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), out var id) && IsDateFormat(xml.GetAttribute("formatCode") ?? ""))
                customDates.Add(id);
            else if (xml.LocalName == "cellXfs") inCellXfs = !xml.IsEmptyElement;
            else if (inCellXfs && xml.LocalName == "xf")
            {
                var format = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                styles.Add(BuiltInDateFormats.Contains(format) || customDates.Contains(format));
            }
        }
        return [.. styles];
    }

    /// <summary>
    /// Whether a custom format code shows a date: it has d, m or y outside quoted text, escaped characters and
    /// [brackets] (colours, locales, elapsed hours). Only its first section (positive numbers) counts.
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        bool inQuotes = false, inBrackets = false, day = false, month = false, time = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            if (inQuotes) { if (c == '"') inQuotes = false; continue; }
            if (inBrackets) { if (c == ']') inBrackets = false; continue; }
            if (c == ';') break;
            switch (c)
            {
                case '"': inQuotes = true; break;
                case '[': inBrackets = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'd' or 'y': day = true; break;
                case 'm': month = true; break;
                case 'h' or 's': time = true; break;
            }
        }
        // "mm" is minutes beside hours or seconds ("h:mm"), months otherwise ("mmm-yy").
        return day || (month && !time);
    }

    private static void ReadSheet(XlsxPackage package, string path, List<string> strings, bool[] dateStyles, bool date1904, TableShaper shaper)
    {
        using var xml = package.Read(path) ?? throw new ImportRefusal("The chosen sheet is missing from the workbook: it is damaged. Open it in Excel and save it again.");
        var sharedFormulas = new Dictionary<string, string>();
        var lastRow = 0;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") { xml.Read(); continue; }
            // Rows are numbered by their "r"; one without (allowed) follows the one before.
            var rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, Invariant, out var r) && r > lastRow ? r : lastRow + 1;
            lastRow = rowNumber;
            var cells = new List<string>();
            if (xml.IsEmptyElement) { xml.Read(); shaper.Add(rowNumber, []); continue; }
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
                {
                    // Cells may be sparse: each says its own place ("AA12"); one without follows the one before.
                    var column = ColumnIndex(xml.GetAttribute("r")) ?? cells.Count;
                    if (column >= TableShaper.MaxColumns)
                        throw new ImportRefusal($"Row {rowNumber} has cells beyond column {TableShaper.ColumnName(TableShaper.MaxColumns - 1)}: " +
                            $"the import reads at most {TableShaper.MaxColumns:N0} columns.");
                    var value = Cell(xml, strings, dateStyles, date1904, sharedFormulas);
                    while (cells.Count <= column) cells.Add("");
                    cells[column] = value;
                    continue;
                }
                if (xml.NodeType == XmlNodeType.Element) { xml.Skip(); continue; }
                xml.Read();
            }
            if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
            shaper.Add(rowNumber, [.. cells]);
        }
    }

    private static string Cell(XmlReader xml, List<string> strings, bool[] dateStyles, bool date1904, Dictionary<string, string> sharedFormulas)
    {
        var type = xml.GetAttribute("t") ?? "n";
        var style = int.TryParse(xml.GetAttribute("s"), out var s) ? s : 0;
        string? value = null, formula = null, inline = null;
        if (xml.IsEmptyElement) xml.Read();
        else
        {
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
                switch (xml.LocalName)
                {
                    case "v":
                        value = xml.ReadElementContentAsString();
                        break;
                    case "f":
                        // A shared formula is written once, on its first cell; the others name it by "si".
                        var si = xml.GetAttribute("si");
                        var text = xml.ReadElementContentAsString();
                        if (si is not null)
                        {
                            if (text.Length > 0) sharedFormulas[si] = text;
                            else text = sharedFormulas.GetValueOrDefault(si, "");
                        }
                        formula = text;
                        break;
                    case "is":
                        inline = RichText(xml);
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }
            if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        }
        // The cached result of a formula is what Excel last showed, not what the cell holds: never used.
        if (formula is not null) return "=" + formula;
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, Invariant, out var index) && index < strings.Count ? strings[index] : "",
            "inlineStr" => inline ?? value ?? "",
            "str" => value ?? "",
            "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value ?? "",
            "d" => value is not null && value.Length >= 10 ? value[..10] : value ?? "",
            "e" => value ?? "",
            _ => Number(value, style < dateStyles.Length && dateStyles[style], date1904),
        };
    }

    // 31 December 9999 in the 1904 date system.
    private const int LastDay1904 = 2_957_003;

    /// <summary>
    /// A number as its invariant text, to the 15 significant digits Excel keeps (so 1234.5599999999999, a double's
    /// long spelling, reads 1234.56 as Excel shows it); in a date-formatted cell, its date as yyyy-MM-dd.
    /// </summary>
    private static string Number(string? value, bool isDate, bool date1904)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (!double.TryParse(value, NumberStyles.Float, Invariant, out var number) || double.IsNaN(number) || double.IsInfinity(number))
            return value;
        if (isDate && number >= 1 && number < 2_958_466)
        {
            var day = (int)Math.Floor(number);
            if (date1904) return day <= LastDay1904 ? new DateOnly(1904, 1, 1).AddDays(day).ToString("yyyy-MM-dd", Invariant) : value;
            if (day != 60) return ImportValues.DateOfSerial(day).ToString("yyyy-MM-dd", Invariant);
        }
        var significant = value.Count(char.IsDigit) - value.TakeWhile(c => c is '0' or '.' or '-').Count(char.IsDigit);
        if (!value.Contains('E', StringComparison.OrdinalIgnoreCase) && significant <= 15) return value;
        // Written out in full ("1E+16" → "10000000000000000") where a decimal can hold it.
        var shown = number.ToString("G15", Invariant);
        return Math.Abs(number) < 1e28 && (number == 0 || Math.Abs(number) >= 1e-20)
            ? decimal.Parse(shown, NumberStyles.Float, Invariant).ToString(Invariant)
            : shown;
    }

    /// <summary>The zero-based column of a cell reference: "A1" → 0, "AA12" → 26; null if there is no reference.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (++letters > 3) return null;
        }
        return letters == 0 ? null : column - 1;
    }
}
