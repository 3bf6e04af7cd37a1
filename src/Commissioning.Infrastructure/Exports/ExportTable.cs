using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Commissioning.Domain.Common;

namespace Commissioning.Infrastructure.Exports;

/// <summary>What a column holds, which decides how CSV and XLSX write its cells.</summary>
public enum ExportColumnKind
{
    /// <summary>A <see cref="string"/>.</summary>
    Text,

    /// <summary>
    /// A <see cref="Domain.Common.Money"/>, or a <see cref="Domain.Common.MoneyChange"/> (which may be
    /// negative), written as an exact number of pounds.
    /// </summary>
    Money,

    /// <summary>A <see cref="long"/> (an <see cref="int"/> is accepted and widened).</summary>
    Integer,

    /// <summary>
    /// A <see cref="decimal"/> fraction: 0.125m is 12.5%. XLSX stores 0.125 formatted "0.0%";
    /// CSV writes 12.5 and adds " (%)" to the heading, so that each reads as 12.5%.
    /// </summary>
    Percent,

    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,
}

/// <summary>A column of an exported table: its heading and the kind of value its cells hold.</summary>
public sealed record ExportColumn(string Heading, ExportColumnKind Kind)
{
    public static ExportColumn Text(string heading) => new(heading, ExportColumnKind.Text);
    public static ExportColumn Money(string heading) => new(heading, ExportColumnKind.Money);
    public static ExportColumn Integer(string heading) => new(heading, ExportColumnKind.Integer);

    /// <summary>Cells are fractions: 0.125m is 12.5% (see <see cref="ExportColumnKind.Percent"/>).</summary>
    public static ExportColumn Percent(string heading) => new(heading, ExportColumnKind.Percent);

    public static ExportColumn Date(string heading) => new(heading, ExportColumnKind.Date);
}

/// <summary>
/// A table as a page shows it, ready for <see cref="CsvExport"/> and <see cref="XlsxExport"/>:
/// <code>
/// var table = new ExportTable("Agreed annual values by commissioning form, 2021/22",
///         ExportColumn.Text("Commissioning form"), ExportColumn.Integer("Contracts"),
///         ExportColumn.Money("Agreed annual value"), ExportColumn.Percent("Share of total"))
///     .AddRows(model.Forms, f => [f.Name, f.Count, f.AnnualValue, f.Share]);
/// </code>
/// A cell is a <see cref="string"/>, <see cref="Domain.Common.Money"/>, <see cref="long"/>,
/// <see cref="decimal"/> or <see cref="DateOnly"/> as its column's kind says, or null for an
/// empty cell. Rows that do not fit the columns are refused when added, not when written.
/// <para>
/// A long list need not be held in memory: <see cref="StreamRows{T}(IAsyncEnumerable{T}, Func{T, object?[]})"/>
/// takes the rows from a query as the file is written (after any rows added in memory), so
/// that an export of 100,000 rows costs the memory of one row. Such rows are checked as they are
/// written: one that does not fit stops the file (decision 0027 says what a download does then).
/// </para>
/// </summary>
public sealed class ExportTable
{
    private const int FileStemMaxLength = 80;

    private readonly List<IReadOnlyList<object?>> _rows = [];
    private readonly string? _fileStem;
    private Func<CancellationToken, IAsyncEnumerable<object?[]>>? _streamed;

    public ExportTable(string title, params IEnumerable<ExportColumn> columns)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException("An exported table needs a title; it names the sheet and the file.", nameof(title));
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToList();
        if (list.Count == 0)
            throw new ArgumentException("An exported table needs at least one column.", nameof(columns));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
                throw new ArgumentException($"Column {i + 1} is null.", nameof(columns));
            if (string.IsNullOrWhiteSpace(list[i].Heading))
                throw new ArgumentException($"Column {i + 1} needs a heading.", nameof(columns));
            if (!Enum.IsDefined(list[i].Kind))
                throw new ArgumentException($"Column {i + 1} ('{list[i].Heading}') has no known kind ({list[i].Kind}).", nameof(columns));
        }

        Title = title.Trim();
        Columns = list.AsReadOnly();
    }

    public string Title { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The rows added in memory; rows given to <c>StreamRows</c> are read only when the file is written.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>True when some rows come from <c>StreamRows</c> and are read only as the file is written.</summary>
    public bool IsStreamed => _streamed is not null;

    /// <summary>The totals row, written after the rows (bold in Excel, outside its filter), or null for none.</summary>
    public IReadOnlyList<object?>? Totals { get; private set; }

    /// <summary>
    /// Lines above the table in Excel, the first in bold: what the table is about when the sheet's
    /// name cannot say it (a contract's title and provider). CSV leaves them out, so that its first
    /// line stays the headings.
    /// </summary>
    public IReadOnlyList<string> Preamble { get; init; } = [];

    /// <summary>The Excel sheet's name, before it is made safe; the title when not set.</summary>
    public string? SheetName { get; init; }

    /// <summary>
    /// The file name without extension: from the title unless set, and always made safe
    /// ("Agreed annual values by form, 2021/22" gives "agreed-annual-values-by-form-2021-22").
    /// </summary>
    public string FileStem
    {
        get => _fileStem ?? ToFileStem(Title);
        init => _fileStem = ToFileStem(value);
    }

    /// <summary>Adds a row; its cells must match the columns in number and kind.</summary>
    public ExportTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_streamed is not null)
            throw new InvalidOperationException($"'{Title}' streams its rows: add rows in memory before StreamRows.");
        _rows.Add(Array.AsReadOnly(Check(cells, _rows.Count + 1)));
        return this;
    }

    private object?[] Check(object?[] cells, int rowNumber)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new ArgumentException(
                $"Row {rowNumber} of '{Title}' has {cells.Length} cell(s) but the table has {Columns.Count} column(s).", nameof(cells));

        var row = new object?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
            row[i] = Fit(cells[i], Columns[i], rowNumber);
        return row;
    }

    /// <summary>Sets the totals row; its cells must match the columns like any row's.</summary>
    public ExportTable WithTotals(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"The totals row of '{Title}' has {cells.Length} cell(s) but the table has {Columns.Count} column(s).", nameof(cells));
        Totals = Array.AsReadOnly(cells.Select((cell, i) => Fit(cell, Columns[i], _rows.Count + 1)).ToArray());
        return this;
    }

    /// <summary>Adds a row for each item, e.g. <c>AddRows(forms, f => [f.Name, f.Count, f.Value])</c>.</summary>
    public ExportTable AddRows<T>(IEnumerable<T> items, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var item in items)
            AddRow(cells(item));
        return this;
    }

    /// <summary>
    /// Rows read from <paramref name="items"/> (a query's <c>AsAsyncEnumerable()</c>) only when the
    /// file is written, after the rows added in memory: none is kept. The source is read once per
    /// file written. A table has at most one such source.
    /// </summary>
    public ExportTable StreamRows<T>(IAsyncEnumerable<T> items, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(cells);
        if (_streamed is not null)
            throw new InvalidOperationException($"'{Title}' already streams its rows from a source.");
        _streamed = ct => Project(items, cells, ct);
        return this;
    }

    /// <summary>As the asynchronous overload, for rows made as they are asked for (an iterator).</summary>
    public ExportTable StreamRows<T>(IEnumerable<T> items, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(items);
        return StreamRows(ToAsync(items), cells);
    }

    /// <summary>
    /// Every row in order, the rows in memory then the streamed ones, each checked against the
    /// columns; the writers read the table through this alone.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in _rows)
            yield return row;
        if (_streamed is null) yield break;

        var rowNumber = _rows.Count;
        await foreach (var cells in _streamed(ct).WithCancellation(ct))
        {
            ct.ThrowIfCancellationRequested();
            yield return Check(cells, ++rowNumber);
        }
    }

    private static async IAsyncEnumerable<object?[]> Project<T>(IAsyncEnumerable<T> items, Func<T, object?[]> cells,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in items.WithCancellation(ct))
            yield return cells(item);
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
            yield return item;
        await Task.CompletedTask;
    }

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens, at most 80 characters:
    /// safe in a Content-Disposition header and on any file system. Never empty.
    /// </summary>
    public static string ToFileStem(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // é -> e
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var stem = slug.ToString().Trim('-');
        if (stem.Length > FileStemMaxLength)
        {
            var cut = stem.LastIndexOf('-', FileStemMaxLength);
            stem = stem[..(cut > FileStemMaxLength / 2 ? cut : FileStemMaxLength)].Trim('-');
        }
        return stem.Length == 0 ? "export" : stem;
    }

    private object? Fit(object? cell, ExportColumn column, int rowNumber) => (column.Kind, cell) switch
    {
        (_, null) => null,
        (ExportColumnKind.Text, string text) => text,
        (ExportColumnKind.Money, Money money) => money,
        (ExportColumnKind.Money, MoneyChange change) => change,
        (ExportColumnKind.Integer, long number) => number,
        (ExportColumnKind.Integer, int number) => (long)number,
        (ExportColumnKind.Percent, decimal fraction) => fraction,
        (ExportColumnKind.Date, DateOnly date) => date,
        _ => throw new ArgumentException(
            $"Row {rowNumber} of '{Title}': column '{column.Heading}' holds {Expected(column.Kind)} or null, not {Describe(cell)}.", "cells"),
    };

    private static string Expected(ExportColumnKind kind) => kind switch
    {
        ExportColumnKind.Text => "text (a string)",
        ExportColumnKind.Money => "Money",
        ExportColumnKind.Integer => "a whole number (long or int)",
        ExportColumnKind.Percent => "a decimal fraction (0.125m for 12.5%)",
        ExportColumnKind.Date => "a DateOnly",
        _ => kind.ToString(),
    };

    private static string Describe(object cell) =>
        cell is IFormattable f
            ? $"{cell.GetType().Name} {f.ToString(null, CultureInfo.InvariantCulture)}"
            : $"{cell.GetType().Name} '{cell}'";
}
