using System.Globalization;
using System.Security.Cryptography;
using Commissioning.Infrastructure.Import.Reading;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// Reads an uploaded .csv or .xlsx into an <see cref="ImportTable"/>, or refuses it with one clear message.
/// Never throws for what a file contains: a damaged, empty, huge or hostile file is a refusal, not an error page.
/// </summary>
public static class ImportFileReader
{
    public const string Accepted = "a .csv file or an Excel workbook (.xlsx)";

    public static ImportReadResult Read(Stream content, string fileName, ImportReadOptions options, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        // Only the name: some browsers send the whole path, with either kind of slash.
        var name = (fileName ?? "")[((fileName ?? "").LastIndexOfAny(['/', '\\']) + 1)..];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return ImportReadResult.Refused(extension switch
            {
                ".xls" => $"“{name}” is an Excel 97–2003 workbook (.xls): open it in Excel and save it as “Excel Workbook (.xlsx)” or as CSV, then choose that file.",
                ".xlsm" or ".xlsb" or ".ods" or ".numbers" or ".txt" or ".tsv" =>
                    $"“{name}” cannot be imported: choose {Accepted}. Save it from its spreadsheet program as CSV or as an Excel Workbook (.xlsx).",
                _ => $"“{name}” cannot be imported: choose {Accepted}.",
            });

        var tooLarge = TooLarge(content, limits.MaxBytes);
        if (tooLarge is not null) return ImportReadResult.Refused(tooLarge);
        var bytes = ReadAtMost(content, limits.MaxBytes);
        if (bytes is null) return ImportReadResult.Refused(SizeMessage(null, limits.MaxBytes));
        if (bytes.Length == 0) return ImportReadResult.Refused($"“{name}” is empty: it has no rows.");

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var shaper = new TableShaper(limits);
        try
        {
            if (extension == ".csv")
            {
                CsvText.Read(bytes, options.Encoding, shaper);
                return ImportReadResult.Read(shaper.Build(name, sha256, [], null));
            }
            var (sheetNames, sheetName) = XlsxWorkbook.Read(bytes, name, options.SheetName, limits, shaper);
            return ImportReadResult.Read(shaper.Build(name, sha256, sheetNames, sheetName));
        }
        catch (ImportRefusal refusal)
        {
            return ImportReadResult.Refused(refusal.Message);
        }
    }

    /// <summary>A refusal when the stream says how long it is and that is too long: the file is then not read at all.</summary>
    private static string? TooLarge(Stream content, long maxBytes)
    {
        if (!content.CanSeek) return null;
        var remaining = content.Length - content.Position;
        return remaining > maxBytes ? SizeMessage(remaining, maxBytes) : null;
    }

    /// <summary>The stream's bytes, or null as soon as there are more than <paramref name="maxBytes"/>.</summary>
    private static byte[]? ReadAtMost(Stream content, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private const double Megabyte = 1024 * 1024;

    /// <summary>"The file is 50.0 MB: the largest file that can be imported is 10 MB." (in bytes where MB would hide the difference).</summary>
    internal static string SizeMessage(long? bytes, long maxBytes)
    {
        var limit = maxBytes / Megabyte;
        var limitText = limit == Math.Floor(limit) ? $"{limit:0} MB" : $"{limit.ToString("0.0", CultureInfo.InvariantCulture)} MB";
        var size = bytes switch
        {
            null => $"more than {limitText}",
            _ when Math.Round(bytes.Value / Megabyte, 1) <= Math.Round(limit, 1) => $"{bytes.Value.ToString("N0", CultureInfo.InvariantCulture)} bytes",
            _ => (bytes.Value / Megabyte).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        };
        var limitExact = size.EndsWith(" bytes", StringComparison.Ordinal) ? $"{limitText} ({maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)" : limitText;
        return $"The file is {size}: the largest file that can be imported is {limitExact}. Split it into smaller files, or leave out columns the register does not need.";
    }
}
