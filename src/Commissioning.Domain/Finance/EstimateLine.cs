using Commissioning.Domain.Common;
using static Commissioning.Domain.Finance.EstimateWording;

namespace Commissioning.Domain.Finance;

/// <summary>
/// One row of a spot-purchase estimate, as board papers set them out: either hours of care
/// (<see cref="HoursLine"/>) or placements at a weekly cost (<see cref="PlacementsLine"/>).
/// </summary>
public abstract class EstimateLine
{
    public const int LabelMaxLength = 200;
    /// <summary>A year touches at most 53 weeks; a longer line is a typing slip.</summary>
    public const decimal MaxWeeks = 53m;
    /// <summary>More people or placements than any council buys for.</summary>
    public const int MaxCount = 100_000;

    // Private protected: outside this assembly nobody can add a third kind that cannot explain its working.
    private protected EstimateLine(string label, decimal weeks)
    {
        if (string.IsNullOrWhiteSpace(label))
            throw new ArgumentException("A line needs a label, such as \"Supported living\".", nameof(label));
        if (label.Trim().Length > LabelMaxLength)
            throw new ArgumentException($"A line's label can be at most {LabelMaxLength} characters.", nameof(label));
        if (weeks is <= 0 or > MaxWeeks)
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, $"The number of weeks must be more than 0 and at most {Number(MaxWeeks)}, the most in a year.");
        Label = label.Trim();
        Weeks = weeks;
    }

    public string Label { get; }
    public decimal Weeks { get; }

    /// <summary>The line's value before any rounding to pounds or pence, and how it was reached.</summary>
    internal abstract Calculation Calculate(bool wholeHours);

    private protected static int CheckCount(int count, string paramName, string what) =>
        count is < 1 or > MaxCount
            ? throw new ArgumentOutOfRangeException(paramName, count, $"The number of {what} must be between 1 and {Number(MaxCount)}.")
            : count;

    private protected static Money CheckPrice(Money price, string paramName, string what) =>
        price == Money.Zero
            ? throw new ArgumentOutOfRangeException(paramName, price, $"The {what} must be more than £0.00.")
            : price;
}

/// <summary>Hours of care for a number of people: people × hours a week × weeks × hourly rate.</summary>
public sealed class HoursLine : EstimateLine
{
    /// <summary>There are 168 hours in a week.</summary>
    public const decimal MaxHoursPerWeek = 168m;

    public HoursLine(string label, decimal hoursPerWeek, decimal weeks, int people, Money hourlyRate) : base(label, weeks)
    {
        if (hoursPerWeek is <= 0 or > MaxHoursPerWeek)
            throw new ArgumentOutOfRangeException(nameof(hoursPerWeek), hoursPerWeek, $"Hours a week must be more than 0 and at most {Number(MaxHoursPerWeek)}, the hours in a week.");
        HoursPerWeek = hoursPerWeek;
        People = CheckCount(people, nameof(people), "people");
        HourlyRate = CheckPrice(hourlyRate, nameof(hourlyRate), "hourly rate");
    }

    public decimal HoursPerWeek { get; }
    public int People { get; }
    public Money HourlyRate { get; }

    internal override Calculation Calculate(bool wholeHours)
    {
        var hours = People * HoursPerWeek * Weeks;
        var working = $"{Count(People, "person", "people")} × {Quantity(HoursPerWeek, "hour", "hours")} a week × {Quantity(Weeks, "week", "weeks")} = {Quantity(hours, "hour", "hours")}";
        // Board papers buy whole hours, so they price the hours after rounding them (4,143.75 → 4,144).
        var priced = wholeHours ? decimal.Round(hours, 0, MidpointRounding.AwayFromZero) : hours;
        if (priced != hours)
            working += $", rounded to {Number(priced)} whole hours";
        return new Calculation($"{working}; {Quantity(priced, "hour", "hours")} × {HourlyRate}", priced * HourlyRate.Amount);
    }
}

/// <summary>Placements at a weekly cost: placements × weeks × weekly cost.</summary>
public sealed class PlacementsLine : EstimateLine
{
    public PlacementsLine(string label, int placements, decimal weeks, Money weeklyCost) : base(label, weeks)
    {
        Placements = CheckCount(placements, nameof(placements), "placements");
        WeeklyCost = CheckPrice(weeklyCost, nameof(weeklyCost), "weekly cost");
    }

    public int Placements { get; }
    public Money WeeklyCost { get; }

    internal override Calculation Calculate(bool wholeHours) =>
        new($"{Count(Placements, "placement", "placements")} × {Quantity(Weeks, "week", "weeks")} × {WeeklyCost} a week",
            Placements * Weeks * WeeklyCost.Amount);
}

/// <summary>A sum written out ("17 placements × 35 weeks × £513.00 a week") and its exact result.</summary>
internal sealed record Calculation(string Expression, decimal Exact);
