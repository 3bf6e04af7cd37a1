using System.Globalization;
using System.Text.RegularExpressions;
using Commissioning.Domain.Common;

namespace Commissioning.Domain.Publishing;

/// <summary>
/// A quarter of an English local-government financial year, the period the Transparency Code publishes by:
/// Q1 is April to June, Q2 July to September, Q3 October to December, Q4 January to March of the next calendar
/// year. Written "2025/26 Q1" (1 April to 30 June 2025); both ends are included.
/// </summary>
public readonly partial record struct Quarter : IComparable<Quarter>
{
    public FinancialYear Year { get; }
    /// <summary>1 to 4.</summary>
    public int Number { get; }

    public Quarter(FinancialYear year, int number)
    {
        if (number is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter must be numbered 1 to 4.");
        if (year == default)
            throw new ArgumentException("A quarter needs a financial year.", nameof(year));
        Year = year;
        Number = number;
    }

    public DateOnly Start => Year.Start.AddMonths(3 * (Number - 1));
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public DateRange Range => new(Start, End);

    public Quarter Next => Number == 4 ? new(Year.Next, 1) : new(Year, Number + 1);
    public Quarter Previous => Number == 1 ? new(Year.Previous, 4) : new(Year, Number - 1);

    /// <summary>The quarter a day falls in: 30 June 2025 is in 2025/26 Q1, 1 July 2025 in Q2, 31 March 2026 in Q4.</summary>
    public static Quarter Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        var monthsIn = (date.Year * 12 + date.Month) - (year.Start.Year * 12 + year.Start.Month);
        return new Quarter(year, monthsIn / 3 + 1);
    }

    /// <summary>The latest quarter that has wholly ended before <paramref name="today"/>: on 1 July 2025, 2025/26 Q1; on 30 June, 2024/25 Q4.</summary>
    public static Quarter LastCompleteBefore(DateOnly today) => Containing(today).Previous;

    public int CompareTo(Quarter other) => Start.CompareTo(other.Start);
    public static bool operator <(Quarter a, Quarter b) => a.Start < b.Start;
    public static bool operator >(Quarter a, Quarter b) => a.Start > b.Start;
    public static bool operator <=(Quarter a, Quarter b) => a.Start <= b.Start;
    public static bool operator >=(Quarter a, Quarter b) => a.Start >= b.Start;

    /// <summary>"2025/26 Q1".</summary>
    public override string ToString() => $"{Year} Q{Number}";

    /// <summary>A form of the name safe in a URL or a file name: "2025-26-Q1".</summary>
    public string Key => $"{Year.StartYear}-{(Year.StartYear + 1) % 100:00}-Q{Number}";

    /// <summary>"1 April to 30 June 2025".</summary>
    public string Describe() => $"{Start.ToString("d MMMM", CultureInfo.InvariantCulture)} to {Dates.Long(End)}"; // a quarter never spans two calendar years

    [GeneratedRegex(@"^([0-9]{4}\s*[/-]\s*(?:[0-9]{2}|[0-9]{4}))\s*[- ]?\s*Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();

    /// <summary>Reads "2025/26 Q1" or its <see cref="Key"/> "2025-26-Q1".</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var match = Shape().Match((text ?? "").Trim());
        if (!match.Success || !FinancialYear.TryParse(match.Groups[1].Value, out var year)) return false;
        quarter = new Quarter(year, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }
}
