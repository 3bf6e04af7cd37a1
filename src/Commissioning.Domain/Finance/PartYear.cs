using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

public enum ProRataBasis { FullYear, Months, Days }

/// <summary>
/// How much of a financial year a contract term covers, and so what share of the annual value
/// falls in that year. Whole calendar months are pro-rated by months, as budgets are set (the
/// B&amp;NES paper's "8 months' worth"); any other part year by days.
/// </summary>
public sealed record PartYear
{
    public FinancialYear Year { get; }
    public ProRataBasis Basis { get; }
    public int Portion { get; }
    public int Whole { get; }

    public PartYear(FinancialYear year, ProRataBasis basis, int portion, int whole)
    {
        if (whole <= 0 || portion <= 0 || portion > whole)
            throw new ArgumentOutOfRangeException(nameof(portion), $"A part year must be between 1 and {whole}.");
        Year = year;
        Basis = basis;
        Portion = portion;
        Whole = whole;
    }

    /// <summary>The part of <paramref name="year"/> inside <paramref name="term"/>; null if the term misses the year.</summary>
    public static PartYear? Of(DateRange term, FinancialYear year)
    {
        var overlap = term.Intersection(year.Range);
        if (overlap is null) return null;
        if (overlap == year.Range) return new PartYear(year, ProRataBasis.FullYear, 12, 12);
        if (overlap.Start.Day == 1 && overlap.End.AddDays(1).Day == 1)
        {
            var months = MonthIndex(overlap.End) - MonthIndex(overlap.Start) + 1;
            return new PartYear(year, ProRataBasis.Months, months, 12);
        }
        return new PartYear(year, ProRataBasis.Days, overlap.Days, year.Range.Days);
    }

    private static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month;

    public bool IsFullYear => Basis == ProRataBasis.FullYear;

    /// <summary>The share of a full-year value, to the nearest penny (halves away from zero).</summary>
    public Money Apply(Money fullYear) => IsFullYear
        ? fullYear
        : Money.FromPence((long)Math.Round((decimal)fullYear.Pence * Portion / Whole, MidpointRounding.AwayFromZero));

    public override string ToString() => Basis switch
    {
        ProRataBasis.FullYear => "Full year",
        ProRataBasis.Months => $"{Portion} of 12 months",
        _ => $"{Portion} of {Whole} days",
    };
}
