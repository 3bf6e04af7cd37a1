using System.Globalization;
using System.Text.RegularExpressions;

namespace Commissioning.Domain.Common;

/// <summary>
/// An English local-government financial year: 1 April to 31 March, written "2021/22".
/// </summary>
public readonly partial record struct FinancialYear : IComparable<FinancialYear>
{
    public const int EarliestStartYear = 1990;
    public const int LatestStartYear = 2200;

    public int StartYear { get; }

    public FinancialYear(int startYear)
    {
        if (startYear is < EarliestStartYear or > LatestStartYear)
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear,
                $"A financial year must start between {EarliestStartYear} and {LatestStartYear}.");
        StartYear = startYear;
    }

    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);
    public DateRange Range => new(Start, End);

    public FinancialYear Next => new(StartYear + 1);
    public FinancialYear Previous => new(StartYear - 1);

    /// <summary>The financial year a day falls in: 31 March 2022 is in 2021/22, 1 April 2022 in 2022/23.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Every financial year that a range touches, in order.</summary>
    public static IEnumerable<FinancialYear> Spanning(DateRange range)
    {
        for (var year = Containing(range.Start); year.Start <= range.End; year = year.Next)
            yield return year;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);
    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;
    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;
    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;
    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    public override string ToString() => $"{StartYear}/{(StartYear + 1) % 100:00}";

    [GeneratedRegex(@"^([0-9]{4})\s*[/-]\s*([0-9]{2}|[0-9]{4})$")]
    private static partial Regex Shape();

    /// <summary>Reads "2021/22" (or "2021-22", "2021/2022"); the second year must follow the first.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var match = Shape().Match((text ?? "").Trim());
        if (!match.Success) return false;
        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var expected = match.Groups[2].Value.Length == 2 ? (first + 1) % 100 : first + 1;
        if (second != expected || first is < EarliestStartYear or > LatestStartYear) return false;
        year = new FinancialYear(first);
        return true;
    }
}
