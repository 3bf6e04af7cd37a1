using System.Globalization;
using System.Text;
using Commissioning.Domain.Common;

namespace Commissioning.Infrastructure.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as RFC 4180 CSV that Excel opens correctly: UTF-8 with a
/// byte order mark (else Excel shows £ as Â£), CRLF line ends, one header row of headings.
/// Numbers are plain invariant numbers so that Excel reads them as numbers whatever its
/// language: money 1234.56 (no £, no thousands separator), integers 1234, dates 2021-04-01.
/// Percent cells hold fractions (0.125m) and are written as 12.5 under a heading with " (%)".
/// A totals row is the last line, its figures numbers like the rest.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string Extension = ".csv";

    private const string LineEnd = "\r\n";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string FileName(ExportTable table) => table.FileStem + Extension;

    public static byte[] ToBytes(ExportTable table)
    {
        using var stream = new MemoryStream();
        Write(table, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the byte order mark and the table; leaves the stream open.</summary>
    public static void Write(ExportTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Utf8WithBom.Preamble);
        stream.Write(Utf8WithBom.GetBytes(ToText(table)));
    }

    /// <summary>The CSV as text, without the byte order mark.</summary>
    public static string ToText(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        AppendLine(csv, table.Columns.Select(Heading));
        foreach (var row in table.Rows.Concat(table.Totals is { } totals ? [totals] : []))
            AppendLine(csv, row.Select((cell, i) => Field(cell, table.Columns[i].Kind)));
        return csv.ToString();
    }

    private static string Heading(ExportColumn column) =>
        Text(column.Kind == ExportColumnKind.Percent && !column.Heading.Contains('%')
            ? column.Heading + " (%)"
            : column.Heading);

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields);
        csv.Append(LineEnd);
    }

    private static string Field(object? cell, ExportColumnKind kind) => cell switch
    {
        null => "",
        string text => Text(text),
        Money money => money.Amount.ToString("0.00", Invariant),
        MoneyChange change => change.Amount.ToString("0.00", Invariant),
        long number => number.ToString(Invariant),
        decimal fraction when kind == ExportColumnKind.Percent => Plain(fraction * 100m),
        DateOnly date => date.ToString("yyyy-MM-dd", Invariant),
        _ => throw new InvalidOperationException($"An export cell of type {cell.GetType().Name} cannot be written as CSV."),
    };

    // Decimal digits as given, trailing zeros dropped, never an exponent: 12.5, 0.01, 100.
    private static string Plain(decimal number) => number.ToString("0.############################", Invariant);

    /// <summary>
    /// Guards against formula injection (OWASP "CSV injection"): a spreadsheet runs a cell
    /// starting with = + - @ tab or CR as a formula, so such text gets a leading apostrophe.
    /// Only text cells: numbers are written by us and a leading minus must stay a minus.
    /// Then quotes the field if it holds a comma, quote or line break (RFC 4180).
    /// </summary>
    private static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;
    }
}
