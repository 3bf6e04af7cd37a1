using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

/// <summary>A cell read as a value: the value, or the reason it cannot be; a notice says how an ambiguous cell was read.</summary>
public sealed record Parsed<T>(bool Ok, T Value, string? Error, string? Notice = null)
{
    public static Parsed<T> Good(T value, string? notice = null) => new(true, value, null, notice);
    public static Parsed<T> Bad(string error) => new(false, default!, error);
}

/// <summary>Reads one cell's text as money, a date, a form, a year list. Pure: no database, no culture but en-GB's rules.</summary>
public static class ImportValues
{
    // Owner: the "reading" part. Stubs until they land.
    public static Parsed<Money> Money(string text) => throw new NotImplementedException();
    public static Parsed<DateOnly> Date(string text) => throw new NotImplementedException();
    public static Parsed<CommissioningForm> Form(string text) => throw new NotImplementedException();
    public static Parsed<int> WholeNumber(string text) => throw new NotImplementedException();

    /// <summary>Contracts Finder's paired lists: "2024/25,2025/26" with "100000,102000" become (2024, £100,000.00), (2025, £102,000.00).</summary>
    public static Parsed<IReadOnlyList<(int FinancialYearStart, Money Amount)>> SpendProfile(string years, string amounts) =>
        throw new NotImplementedException();

    /// <summary>True when a cell would run as a formula if opened in a spreadsheet (=, +, -, @ first): such cells are refused.</summary>
    public static bool LooksLikeFormula(string text) => throw new NotImplementedException();
}
