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

    /// <summary>The whole file in memory: for tests and small tables; a download streams with <see cref="WriteAsync"/>.</summary>
    public static byte[] ToBytes(ExportTable table)
    {
        using var stream = new MemoryStream();
        WriteAsync(table, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the byte order mark and the table to <paramref name="stream"/> as the rows are read,
    /// a chunk at a time (see <see cref="ChunkedOutput"/>); leaves the stream open.
    /// </summary>
    public static async Task WriteAsync(ExportTable table, Stream stream, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var output = new ChunkedOutput(stream);
        await using (var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 4096, leaveOpen: true))
        {
            WriteLine(writer, table.Columns.Select(Heading));
            await foreach (var row in table.ReadRowsAsync(ct))
            {
                WriteRow(writer, table, row);
                await output.PassOnAsync(ct);
            }
            if (table.Totals is { } totals)
                WriteRow(writer, table, totals);
        }
        await output.PassOnAsync(ct, all: true);
    }

    /// <summary>The CSV as text, without the byte order mark (for tests and small tables).</summary>
    public static string ToText(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bytes = ToBytes(table);
        return new UTF8Encoding(false).GetString(bytes, Utf8WithBom.Preamble.Length, bytes.Length - Utf8WithBom.Preamble.Length);
    }

    private static void WriteRow(TextWriter writer, ExportTable table, IReadOnlyList<object?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(row[i], table.Columns[i].Kind));
        }
        writer.Write(LineEnd);
    }

    private static void WriteLine(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields));
        writer.Write(LineEnd);
    }

    private static string Heading(ExportColumn column) =>
        Text(column.Kind == ExportColumnKind.Percent && !column.Heading.Contains('%')
            ? column.Heading + " (%)"
            : column.Heading);

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
