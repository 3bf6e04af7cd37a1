using System.Globalization;
using ClosedXML.Excel;
using Commissioning.Domain.Common;

namespace Commissioning.Infrastructure.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as one Excel worksheet (ClosedXML): a bold, frozen
/// header row with filters, then the rows with every number a real number. Money is the exact
/// decimal formatted "£#,##0.00", integers "#,##0", percent the fraction itself (0.125)
/// formatted "0.0%", dates real dates formatted "d mmm yyyy". A totals row follows the rows in
/// bold. The full title is the workbook's Title property; the sheet name is the table's
/// <see cref="ExportTable.SheetName"/> (else its title) cut to Excel's limits, and a preamble, when
/// the table has one, sits above the headings to say what the sheet's name cannot.
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

    private const int SheetNameMaxLength = 31;
    private const double MinimumWidth = 8, MaximumWidth = 60;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string FileName(ExportTable table) => table.FileStem + Extension;

    public static byte[] ToBytes(ExportTable table)
    {
        using var stream = new MemoryStream();
        Write(table, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the workbook; leaves the stream open.</summary>
    public static void Write(ExportTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = table.Title;
        var sheet = workbook.Worksheets.Add(SheetName(table.SheetName ?? table.Title));

        // The preamble (if any), a blank row, then the headings.
        for (var p = 0; p < table.Preamble.Count; p++)
        {
            sheet.Cell(p + 1, 1).SetValue(table.Preamble[p]);
            if (p == 0) sheet.Cell(1, 1).Style.Font.Bold = true;
        }
        var headerRow = table.Preamble.Count == 0 ? 1 : table.Preamble.Count + 2;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var header = sheet.Cell(headerRow, c + 1);
            header.SetValue(table.Columns[c].Heading);
            header.Style.Font.Bold = true;
        }

        for (var r = 0; r < table.Rows.Count; r++)
            for (var c = 0; c < table.Columns.Count; c++)
                Fill(sheet.Cell(headerRow + 1 + r, c + 1), table.Rows[r][c]);

        // Totals are values, not formulas, so any reader sees the figure; bold, and outside the
        // filter so that sorting the rows never moves them.
        if (table.Totals is { } totals)
        {
            var row = headerRow + 1 + table.Rows.Count;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Fill(sheet.Cell(row, c + 1), totals[c]);
                sheet.Cell(row, c + 1).Style.Font.Bold = true;
            }
        }

        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, headerRow + table.Rows.Count, table.Columns.Count).SetAutoFilter();
        // Set widths ourselves: AdjustToContents measures text with GDI, which Linux lacks.
        for (var c = 0; c < table.Columns.Count; c++)
            sheet.Column(c + 1).Width = Width(table, c);

        workbook.SaveAs(stream);
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

    private static void Fill(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                // A line break in a cell is LF in Excel (Alt+Enter); XML would turn CRLF into LF anyway.
                text = text.Replace("\r\n", "\n").Replace('\r', '\n');
                // SetValue, unlike the Value setter, keeps a string as text: "=SUM(A1)" is no
                // formula and "0012" no number (the tests read both back).
                cell.SetValue(text);
                if (text.Contains('\n')) cell.Style.Alignment.WrapText = true;
                break;
            case Money money:
                cell.SetValue(money.Amount);
                cell.Style.NumberFormat.Format = MoneyFormat;
                break;
            case MoneyChange change:
                cell.SetValue(change.Amount);
                cell.Style.NumberFormat.Format = MoneyChangeFormat;
                break;
            case long number:
                cell.SetValue(number);
                cell.Style.NumberFormat.Format = IntegerFormat;
                break;
            case decimal fraction:
                cell.SetValue(fraction);
                cell.Style.NumberFormat.Format = PercentFormat;
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.NumberFormat.Format = DateFormat;
                break;
            default:
                throw new InvalidOperationException($"An export cell of type {value.GetType().Name} cannot be written to a spreadsheet.");
        }
    }

    // Roughly the characters shown, in Calibri 11 character widths; bold headings run wider.
    private static double Width(ExportTable table, int column)
    {
        var widest = table.Columns[column].Heading.Split('\n').Max(line => line.Length) * 1.1;
        foreach (var row in table.Rows.Concat(table.Totals is { } totals ? [totals] : []))
            widest = Math.Max(widest, Shown(row[column]));
        return Math.Clamp(Math.Ceiling(widest) + 2, MinimumWidth, MaximumWidth);
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
}
