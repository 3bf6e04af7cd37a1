using System.Globalization;

namespace Commissioning.Infrastructure.Import.Reading;

/// <summary>Thrown inside the readers to stop reading a file with one message for the user; never leaves <see cref="ImportFileReader"/>.</summary>
internal sealed class ImportRefusal(string message) : Exception(message);

/// <summary>
/// Collects a file's rows as a reader finds them (CSV or XLSX alike) and shapes them into an <see cref="ImportTable"/>:
/// the first row is the header; trailing blank rows go; blank rows within stay (the planner skips them); every row
/// is as wide as the header. Refuses as soon as there are more data rows than the limit, so a huge file is not read to the end.
/// </summary>
internal sealed class TableShaper(ImportLimits limits)
{
    /// <summary>No register has this many columns; a sheet claiming more is a mistake or an attack on memory.</summary>
    public const int MaxColumns = 1_000;

    private readonly List<(int RowNumber, string[] Cells)> _rows = [];
    private int _keep; // rows up to and including the last non-blank one
    private bool _pastLimit;

    public List<string> Notices { get; } = [];

    public void Add(int rowNumber, string[] cells)
    {
        if (cells.Length > MaxColumns && cells.Skip(MaxColumns).Any(c => !string.IsNullOrWhiteSpace(c)))
            throw new ImportRefusal($"Row {rowNumber} has cells beyond column {ColumnName(MaxColumns - 1)}: the import reads at most {MaxColumns:N0} columns.");
        if (cells.Length > MaxColumns) cells = cells[..MaxColumns];
        var blank = IsBlank(cells);
        // Past the limit, a blank row need not be kept: a row with data after it is refused anyway.
        if (blank && _rows.Count >= limits.MaxRows + 1) { _pastLimit = true; return; }
        _rows.Add((rowNumber, blank ? [] : cells));
        if (blank) return;
        _keep = _rows.Count;
        if (_keep - 1 > limits.MaxRows || _pastLimit)
            throw new ImportRefusal($"The file has more than {limits.MaxRows:N0} rows of contracts: the largest import is {limits.MaxRows:N0} rows. " +
                "Split it into smaller files and import each in turn.");
    }

    public ImportTable Build(string fileName, string sha256, IReadOnlyList<string> sheetNames, string? sheetName)
    {
        var rows = _rows.Take(_keep).ToList();
        if (rows.Count == 0)
            throw new ImportRefusal(sheetName is null ? "The file is empty: it has no rows." : $"The sheet “{sheetName}” is empty: it has no rows.");
        var (firstNumber, firstCells) = rows[0];
        if (firstNumber != 1 || IsBlank(firstCells))
            throw new ImportRefusal("The first row is blank: the first row must hold the column headings (such as Reference, Title, Provider). " +
                "Delete any blank or title rows above the headings.");
        if (LooksLikeData(firstCells))
            throw new ImportRefusal("The first row looks like a contract, not column headings (" +
                string.Join(", ", firstCells.Where(c => !string.IsNullOrWhiteSpace(c)).Take(3).Select(c => $"“{Shorten(c.Trim())}”")) +
                "): add a row of headings at the top, such as Reference, Title, Provider, Start date, End date.");

        var width = rows.Max(r => LastNonBlank(r.Cells) + 1);
        var headers = Headers(firstCells, width, rows);
        var data = new List<ImportRow>(rows.Count - 1);
        foreach (var (number, cells) in rows.Skip(1))
        {
            var padded = new string[width];
            for (var i = 0; i < width; i++) padded[i] = i < cells.Length ? cells[i] ?? "" : "";
            data.Add(new ImportRow(number, padded));
        }
        if (data.Count == 0)
            Notices.Add("The file has column headings but no rows of contracts below them.");
        return new ImportTable(fileName, sha256, sheetNames, sheetName, headers, data, Notices);
    }

    private List<string> Headers(string[] first, int width, List<(int RowNumber, string[] Cells)> rows)
    {
        var headers = new List<string>(width);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < width; i++)
        {
            var header = (i < first.Length ? first[i] : "").Trim();
            if (header.Length == 0)
            {
                header = $"Column {ColumnName(i)}";
                if (rows.Skip(1).Any(r => i < r.Cells.Length && !string.IsNullOrWhiteSpace(r.Cells[i])))
                    Notices.Add($"Column {ColumnName(i)} has no heading: it is called “{header}” here.");
            }
            if (seen.TryGetValue(header, out var earlier))
            {
                var renamed = $"{header} (column {ColumnName(i)})";
                Notices.Add($"Columns {ColumnName(earlier)} and {ColumnName(i)} are both headed “{header}”: " +
                    $"column {ColumnName(i)} is called “{renamed}” here, and only column {ColumnName(earlier)} is proposed for import.");
                header = renamed;
            }
            else seen[header] = i;
            headers.Add(header);
        }
        return headers;
    }

    /// <summary>
    /// A first row with no known heading and a cell that reads as a value (a number, a date, an amount) is data:
    /// a file saved without its heading row. Year headings ("2024/25") and known names are headings.
    /// </summary>
    private static bool LooksLikeData(string[] cells)
    {
        var texts = cells.Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).ToList();
        static bool IsNumber(string t) =>
            decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        // "2024/25" is a heading; "2024" alone is one only beside a known heading (it could as well be a value).
        if (texts.Any(t => ImportColumns.Aliases.ContainsKey(ImportColumns.Key(t)) || (!IsNumber(t) && ImportColumns.FinancialYearOf(t) is not null)))
            return false;
        return texts.Any(t => IsNumber(t)
            || (t.Any(char.IsDigit) && ImportValues.Date(t).Ok)
            || (t.Contains('£') && ImportValues.Money(t).Ok));
    }

    public static bool IsBlank(string[] cells) => cells.All(string.IsNullOrWhiteSpace);

    private static int LastNonBlank(string[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(cells[i])) return i;
        return -1;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>A column's letters as a spreadsheet shows them: 0 → A, 5 → F, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
