using System.Globalization;

namespace Commissioning.Web.Forms;

/// <summary>What a person typed into the three boxes of a GOV.UK date input, kept as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public DateOnly? ToDate() => TryGetDate(out var d, out _) ? d : null;

    /// <summary>On failure, <paramref name="problem"/> completes "The start date …" / "Enter the start date" style messages.</summary>
    public bool TryGetDate(out DateOnly date, out DateProblem problem)
    {
        date = default;
        if (IsEmpty) { problem = DateProblem.Missing; return false; }
        if (string.IsNullOrWhiteSpace(Day) || string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year)) { problem = DateProblem.Incomplete; return false; }
        if (!int.TryParse(Day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            problem = DateProblem.NotReal;
            return false;
        }
        date = new DateOnly(y, m, d);
        problem = DateProblem.None;
        return true;
    }
}

public enum DateProblem { None, Missing, Incomplete, NotReal }
