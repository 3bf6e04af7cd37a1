namespace Commissioning.Domain.Common;

/// <summary>
/// A span of calendar days that includes both its first and its last day,
/// as contract terms are written ("1 April 2021 to 31 March 2031").
/// </summary>
public sealed record DateRange
{
    public DateOnly Start { get; }
    public DateOnly End { get; }

    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
            throw new ArgumentException($"The end ({Dates.Long(end)}) cannot be before the start ({Dates.Long(start)}).", nameof(end));
        Start = start;
        End = end;
    }

    /// <summary>Number of days, counting both ends: 1 April to 1 April is one day.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(DateRange other) => other.Start <= End && other.End >= Start;

    /// <summary>The days both ranges share, or null when they share none.</summary>
    public DateRange? Intersection(DateRange other) =>
        Overlaps(other)
            ? new DateRange(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End)
            : null;

    /// <summary>
    /// A term of whole months from a first day: 1 April 2021 for 120 months ends 31 March 2031.
    /// It ends the day before the corresponding day N months on; where that month has no such
    /// day (31 January + 1 month) it ends on that month's last day (29 February 2024).
    /// </summary>
    public static DateRange OfMonths(DateOnly start, int months)
    {
        if (months < 1) throw new ArgumentOutOfRangeException(nameof(months), months, "A term must last at least one month.");
        var corresponding = start.AddMonths(months); // AddMonths clamps 31 January to the end of February
        return new DateRange(start, corresponding.Day == start.Day ? corresponding.AddDays(-1) : corresponding);
    }

    public override string ToString() => $"{Dates.Long(Start)} to {Dates.Long(End)}";
}
