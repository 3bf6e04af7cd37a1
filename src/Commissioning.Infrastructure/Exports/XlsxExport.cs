using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Commissioning.Domain.Common;

namespace Commissioning.Infrastructure.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as one Excel worksheet: a bold, frozen header row with
/// filters, then the rows with every number a real number. Money is the exact decimal formatted
/// "£#,##0.00", integers "#,##0", percent the fraction itself (0.125) formatted "0.0%", dates
/// real dates formatted "d mmm yyyy". A totals row follows the rows in bold. The full title is
/// the workbook's Title property; the sheet name is the table's <see cref="ExportTable.SheetName"/>
/// (else its title) cut to Excel's limits, and a preamble, when the table has one, sits above the
/// headings to say what the sheet's name cannot.
/// <para>
/// The file is streamed: the zip and the sheet's XML are written as the rows are read (see
/// <see cref="XlsxParts"/>), text as inline strings so that no shared-string table is held, and
/// column widths measured on the headings, the totals and the first <see cref="WidthSampleRows"/>
/// rows. A spreadsheet library would build the whole workbook in memory first (decision 0027).
/// </para>
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Extension = ".xlsx";

    public const string MoneyFormat = "£#,##0.00";
    /// <summary>A change of money: "+£30,843.12", "-£1,500.00", "£0.00", as the pages show it.</summary>
    public const string MoneyChangeFormat = "+£#,##0.00;-£#,##0.00;£0.00";
    public const string IntegerFormat = "#,##0";
    public const string PercentFormat = "0.0%";
    public const string DateFormat = "d mmm yyyy";

    /// <summary>Rows read ahead to size the columns before the first row is written.</summary>
    public const int WidthSampleRows = 200;

    private const int SheetNameMaxLength = 31;
    private const double MinimumWidth = 8, MaximumWidth = 60;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string FileName(ExportTable table) => table.FileStem + Extension;

    /// <summary>The whole file in memory: for tests and small tables; a download streams with <see cref="WriteAsync"/>.</summary>
    public static byte[] ToBytes(ExportTable table)
    {
        using var stream = new MemoryStream();
        WriteAsync(table, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>Writes the workbook to <paramref name="stream"/> as the rows are read, a chunk at a time; leaves the stream open.</summary>
    public static async Task WriteAsync(ExportTable table, Stream stream, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var output = new ChunkedOutput(stream);
        var sheetName = SheetName(table.SheetName ?? table.Title);
        var headerRow = table.Preamble.Count == 0 ? 1 : table.Preamble.Count + 2;
        int rows;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxParts.WritePackage(zip, table.Title);
            await using var source = table.ReadRowsAsync(ct).GetAsyncEnumerator(ct);
            // Read a few rows ahead: the column widths come before the rows in the sheet's XML.
            var sample = new List<IReadOnlyList<object?>>();
            var more = true;
            while (sample.Count < WidthSampleRows && (more = await source.MoveNextAsync()))
                sample.Add(source.Current);

            using (var sheet = new SheetWriter(zip, table.Columns.Count))
            {
                sheet.Start(headerRow, Widths(table, sample));
                for (var p = 0; p < table.Preamble.Count; p++)
                    sheet.Row(p + 1, [table.Preamble[p]], bold: p == 0);
                sheet.Row(headerRow, table.Columns.Select(c => (object?)c.Heading).ToArray(), bold: true);

                rows = 0;
                foreach (var row in sample)
                    sheet.Row(headerRow + ++rows, row, bold: false);
                sample = null;
                while (more && await source.MoveNextAsync())
                {
                    sheet.Row(headerRow + ++rows, source.Current, bold: false);
                    await output.PassOnAsync(ct);
                }

                // Totals are values, not formulas, so any reader sees the figure; bold, and outside the
                // filter so that sorting the rows never moves them.
                if (table.Totals is { } totals)
                    sheet.Row(headerRow + rows + 1, totals, bold: true);
                sheet.End(headerRow, headerRow + rows);
            }
            XlsxParts.WriteWorkbook(zip, sheetName, headerRow, headerRow + rows, table.Columns.Count);
        }
        await output.PassOnAsync(ct, all: true);
    }

    /// <summary>
    /// The title as a worksheet name Excel accepts: none of []:*?/\ (each becomes a hyphen, so
    /// 2021/22 stays readable), no apostrophe at either end, at most 31 characters (cut at a
    /// word where one is near), not empty and not Excel's reserved "History".
    /// </summary>
    public static string SheetName(string title)
    {
        var chars = (title ?? "").Select(ch => ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(ch) ? '-' : ch);
        var name = string.Concat(chars).Trim().Trim('\'').Trim();
        if (name.Length > SheetNameMaxLength)
        {
            var cut = name.LastIndexOf(' ', SheetNameMaxLength);
            name = name[..(cut >= SheetNameMaxLength / 2 ? cut : SheetNameMaxLength)].TrimEnd(' ', ',', ';', '-', '\'');
        }
        if (name.Length == 0) return "Table";
        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? "History table" : name;
    }

    private static double[] Widths(ExportTable table, List<IReadOnlyList<object?>> sample)
    {
        var rows = table.Totals is { } totals ? sample.Append(totals) : sample;
        return table.Columns.Select((column, c) =>
        {
            // Roughly the characters shown, in Calibri 11 character widths; bold headings run wider.
            var widest = column.Heading.Split('\n').Max(line => line.Length) * 1.1;
            foreach (var row in rows)
                widest = Math.Max(widest, Shown(row[c]));
            return Math.Clamp(Math.Ceiling(widest) + 2, MinimumWidth, MaximumWidth);
        }).ToArray();
    }

    private static int Shown(object? value) => value switch
    {
        null => 0,
        string text => text.Split('\n').Max(line => line.Length),
        Money money => money.ToString().Length,
        MoneyChange change => change.ToString().Length,
        long number => number.ToString("#,##0", Invariant).Length,
        decimal fraction => (fraction * 100m).ToString("0.0", Invariant).Length + 1,
        DateOnly => 11,
        _ => 10,
    };

    /// <summary>The worksheet's XML, written row by row into its zip entry.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private static readonly int ExcelDayZero = new DateOnly(1899, 12, 30).DayNumber;
        private readonly Stream _entry;
        private readonly XmlWriter _xml;
        private readonly string[] _letters;
        private readonly char[] _scratch = new char[64];

        public SheetWriter(ZipArchive zip, int columns)
        {
            _entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            _xml = XmlWriter.Create(_entry, XlsxParts.XmlSettings);
            _letters = Enumerable.Range(1, columns).Select(XlsxParts.ColumnLetters).ToArray();
        }

        public void Start(int headerRow, double[] widths)
        {
            _xml.WriteStartDocument(standalone: true);
            _xml.WriteStartElement("worksheet", XlsxParts.Main);
            _xml.WriteStartElement("sheetViews");
            _xml.WriteStartElement("sheetView");
            _xml.WriteAttributeString("workbookViewId", "0");
            _xml.WriteStartElement("pane");
            _xml.WriteAttributeString("ySplit", headerRow.ToString(Invariant));
            _xml.WriteAttributeString("topLeftCell", "A" + (headerRow + 1).ToString(Invariant));
            _xml.WriteAttributeString("activePane", "bottomLeft");
            _xml.WriteAttributeString("state", "frozen");
            _xml.WriteEndElement();
            _xml.WriteEndElement();
            _xml.WriteEndElement();
            _xml.WriteStartElement("cols");
            for (var c = 0; c < widths.Length; c++)
            {
                _xml.WriteStartElement("col");
                _xml.WriteAttributeString("min", (c + 1).ToString(Invariant));
                _xml.WriteAttributeString("max", (c + 1).ToString(Invariant));
                _xml.WriteAttributeString("width", widths[c].ToString(Invariant));
                _xml.WriteAttributeString("customWidth", "1");
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
            _xml.WriteStartElement("sheetData");
        }

        public void Row(int number, IReadOnlyList<object?> cells, bool bold)
        {
            _xml.WriteStartElement("row");
            _xml.WriteAttributeString("r", number.ToString(Invariant));
            for (var c = 0; c < cells.Count; c++)
                Cell(c, number, cells[c], bold);
            _xml.WriteEndElement();
        }

        public void End(int headerRow, int lastRow)
        {
            _xml.WriteEndElement(); // sheetData
            _xml.WriteStartElement("autoFilter");
            _xml.WriteAttributeString("ref", $"A{headerRow}:{_letters[^1]}{lastRow}");
            _xml.WriteEndElement();
            _xml.WriteEndElement(); // worksheet
            _xml.WriteEndDocument();
        }

        public void Dispose()
        {
            _xml.Dispose();
            _entry.Dispose();
        }

        private void Cell(int column, int row, object? value, bool bold)
        {
            if (value is null && !bold) return; // an empty cell is no cell; a totals row keeps its bold
            _xml.WriteStartElement("c");
            _xml.WriteStartAttribute("r");
            _xml.WriteString(_letters[column]);
            row.TryFormat(_scratch, out var length, default, Invariant);
            _xml.WriteChars(_scratch, 0, length);
            _xml.WriteEndAttribute();
            switch (value)
            {
                case null:
                    Style(XlsxParts.Plain, bold);
                    break;
                case string text:
                    text = XlsxParts.CellText(text);
                    Style(text.Contains('\n') ? XlsxParts.Wrapped : XlsxParts.Plain, bold);
                    _xml.WriteAttributeString("t", "inlineStr");
                    _xml.WriteStartElement("is");
                    _xml.WriteStartElement("t");
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n')))
                        _xml.WriteAttributeString("xml", "space", null, "preserve");
                    _xml.WriteString(text);
                    _xml.WriteEndElement();
                    _xml.WriteEndElement();
                    break;
                case Money money:
                    Number(XlsxParts.Money, bold, money.Amount);
                    break;
                case MoneyChange change:
                    Number(XlsxParts.Change, bold, change.Amount);
                    break;
                case long number:
                    Style(XlsxParts.Integer, bold);
                    Value(number.TryFormat(_scratch, out length, default, Invariant), length);
                    break;
                case decimal fraction:
                    Number(XlsxParts.Percent, bold, fraction);
                    break;
                case DateOnly date:
                    Style(XlsxParts.Date, bold);
                    Value((date.DayNumber - ExcelDayZero).TryFormat(_scratch, out length, default, Invariant), length);
                    break;
                default:
                    throw new InvalidOperationException($"An export cell of type {value.GetType().Name} cannot be written to a spreadsheet.");
            }
            _xml.WriteEndElement();
        }

        // The decimal's own digits, so money stays exact to the penny in the file ("12393408.00").
        private void Number(int style, bool bold, decimal amount)
        {
            Style(style, bold);
            Value(amount.TryFormat(_scratch, out var length, default, Invariant), length);
        }

        private void Style(int style, bool bold) => _xml.WriteAttributeString("s", (style + (bold ? 1 : 0)).ToString(Invariant));

        private void Value(bool formatted, int length)
        {
            if (!formatted) throw new InvalidOperationException("A number too long for a spreadsheet cell.");
            _xml.WriteStartElement("v");
            _xml.WriteRaw(_scratch, 0, length); // digits, '.', '-' only: nothing to escape
            _xml.WriteEndElement();
        }
    }
}
