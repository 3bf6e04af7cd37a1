using System.Text;

namespace Commissioning.Infrastructure.Import.Reading;

/// <summary>
/// Reads CSV (RFC 4180) into rows: quoted cells may hold commas, line breaks and doubled quotes; lines may end
/// CRLF, LF or CR. Written here rather than with CsvHelper so that a row number can be given for a byte that is
/// not UTF-8, reading stops at the row limit, and the production code has no CSV dependency for a page of code.
/// Row numbers count records, as a spreadsheet numbers rows (a cell with a line break does not add one).
/// </summary>
internal static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Read(byte[] bytes, ImportEncoding encoding, TableShaper shaper)
    {
        var text = Decode(bytes, encoding, shaper.Notices);
        var delimiter = Delimiter(text, shaper.Notices);
        Parse(text, delimiter, shaper);
    }

    private static string Decode(byte[] bytes, ImportEncoding encoding, List<string> notices)
    {
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
        {
            if (encoding == ImportEncoding.Windows1252)
                notices.Add("The file starts with UTF-8's byte order mark, so it was read as UTF-8 although Windows-1252 was chosen.");
            return DecodeUtf8(bytes, 3);
        }
        if (StartsWith(bytes, 0xFF, 0xFE) || StartsWith(bytes, 0xFE, 0xFF))
        {
            notices.Add("The file is UTF-16 (what Excel saves as “Unicode Text”), as its byte order mark says: it was read as such.");
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes, 2, bytes.Length - 2);
        }
        if (encoding == ImportEncoding.Windows1252)
        {
            if (bytes.Any(b => b >= 0x80) && IsUtf8(bytes))
                notices.Add("The file was read as Windows-1252, as chosen, but it looks like UTF-8: if letters such as £ or é show as “Â£” or “Ã©”, choose UTF-8 and upload it again.");
            return Windows1252.GetString(bytes);
        }
        return DecodeUtf8(bytes, 0);
    }

    /// <summary>Windows-1252 ("ANSI" on a UK Windows), what older Excel saves as "CSV (Comma delimited)".</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    private static string DecodeUtf8(byte[] bytes, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var bad = at < bytes.Length ? bytes[at] : (byte)0;
            var before = Encoding.UTF8.GetString(bytes, start, at - start);
            var row = RowAt(before);
            var asAnsi = Windows1252.GetString([bad]);
            throw new ImportRefusal($"The file is not UTF-8: row {row} has a character that UTF-8 cannot hold " +
                $"(the byte 0x{bad:X2}, which is “{asAnsi}” in Windows-1252). Files saved by older versions of Excel as " +
                "“CSV (Comma delimited)” are Windows-1252: choose Windows-1252 as the file's encoding and upload it again.");
        }
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try { StrictUtf8.GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix) =>
        bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>The row (record) a position falls in: line breaks outside quotes before it, plus one.</summary>
    private static int RowAt(string before)
    {
        var row = 1;
        var quoted = false;
        for (var i = 0; i < before.Length; i++)
        {
            var c = before[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || (c == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n')))) row++;
        }
        return row;
    }

    /// <summary>Comma, unless the heading row has none and has tabs (Excel's "Text") or semicolons (Excel in much of Europe).</summary>
    private static char Delimiter(string text, List<string> notices)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '\r' or '\n') break;
            else if (c == ',') commas++;
            else if (c == ';') semicolons++;
            else if (c == '\t') tabs++;
        }
        if (commas > 0 || (tabs == 0 && semicolons == 0)) return ',';
        var (delimiter, name) = tabs >= semicolons ? ('\t', "tabs") : (';', "semicolons");
        notices.Add($"The heading row has no commas but has {name}: the columns were taken to be separated by {name}.");
        return delimiter;
    }

    private static void Parse(string text, char delimiter, TableShaper shaper)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var row = 1;
        var i = 0;
        var atRecordStart = true;
        while (i < text.Length)
        {
            atRecordStart = false;
            var c = text[i];
            if (c == '"' && cell.Length == 0)
            {
                // A quoted cell: up to the closing quote, "" standing for one quote. Text after the closing
                // quote and before the delimiter is kept, as Excel keeps it ("a"b reads as ab).
                var opened = row;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new ImportRefusal($"Row {opened} has a quoted cell that is never closed (a cell that starts with \" must end with \"): " +
                            $"check the quotes in row {opened}.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(text[i++]);
                }
                continue;
            }
            if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); i++; continue; }
            if (c is '\r' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                shaper.Add(row++, [.. cells]);
                cells.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                atRecordStart = true;
                continue;
            }
            cell.Append(c);
            i++;
        }
        if (!atRecordStart || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            shaper.Add(row, [.. cells]);
        }
    }
}
