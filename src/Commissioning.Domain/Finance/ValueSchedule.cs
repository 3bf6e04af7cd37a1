using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

/// <summary>A year's agreed value as the schedule needs it.</summary>
public sealed record AgreedValue(FinancialYear Year, Money Annual, Money YearValue, Money Uplift);

/// <summary>A savings target as the schedule needs it.</summary>
public sealed record PlannedSaving(FinancialYear Year, Money Amount, SavingsKind Kind);

/// <summary>The value a contract starts from: its predecessor's last agreed year, else its contracted annual value.</summary>
public sealed record OpeningBaseline(Money Annual, FinancialYear? Year, string Source);

public enum ValueSource { Agreed, Projected, Unknown }

public sealed record ScheduleRow(
    FinancialYear Year,
    PartYear PartYear,
    bool BeyondCurrentTerm,
    Money? Baseline,
    Money Uplift,
    Money Savings,
    Money? Annual,
    Money? YearValue,
    Money? YearValueOverMaximumTerm,
    ValueSource Source);

/// <summary>
/// A contract's values year by year over its maximum term. Agreed years stand as agreed; every
/// other year is projected from the year before less that year's cashable savings, so a
/// recurring reduction carries forward without anyone retyping it (Persona: £12,393,408 in
/// 2019/20, less £1m in 2021/22 and a further £1.5m in 2022/23, is £9,893,408 from 2022/23 on).
/// Projections assume no uplift: an uplift is agreed in a review, never guessed.
/// </summary>
public sealed class ValueSchedule
{
    public IReadOnlyList<ScheduleRow> Rows { get; }
    public OpeningBaseline? Opening { get; }

    public ValueSchedule(DateRange currentTerm, DateRange maximumTerm, OpeningBaseline? opening,
        IEnumerable<AgreedValue> agreed, IEnumerable<PlannedSaving> savings)
    {
        if (!maximumTerm.Contains(currentTerm)) throw new ArgumentException("The maximum term must contain the current term.", nameof(maximumTerm));
        Opening = opening;
        var agreedByYear = agreed.ToDictionary(a => a.Year);
        var cashable = savings.Where(s => s.Kind == SavingsKind.CashableReduction)
            .GroupBy(s => s.Year).ToDictionary(g => g.Key, g => Money.Sum(g.Select(s => s.Amount)));

        var rows = new List<ScheduleRow>();
        var previous = opening?.Annual;
        foreach (var year in FinancialYear.Spanning(maximumTerm))
        {
            var beyond = !currentTerm.Overlaps(year.Range);
            var part = PartYear.Of(beyond ? maximumTerm : currentTerm, year)!;
            var partMax = PartYear.Of(maximumTerm, year)!;
            var saving = cashable.GetValueOrDefault(year, Money.Zero);
            ScheduleRow row;
            if (agreedByYear.TryGetValue(year, out var a))
            {
                var overMax = partMax == part ? a.YearValue : partMax.Apply(a.Annual);
                row = new(year, part, beyond, previous, a.Uplift, saving, a.Annual, a.YearValue, overMax, ValueSource.Agreed);
            }
            else if (previous is { } baseline)
            {
                var annual = saving >= baseline ? Money.Zero : baseline - saving;
                row = new(year, part, beyond, baseline, Money.Zero, saving, annual, part.Apply(annual), partMax.Apply(annual), ValueSource.Projected);
            }
            else
            {
                row = new(year, part, beyond, null, Money.Zero, saving, null, null, null, ValueSource.Unknown);
            }
            rows.Add(row);
            previous = row.Annual;
        }
        Rows = rows;
    }

    public ScheduleRow? RowFor(FinancialYear year) => Rows.FirstOrDefault(r => r.Year == year);

    /// <summary>Sum of the years' values over the current term; years with no value are left out and counted.</summary>
    public Money CurrentTermTotal => Money.Sum(Rows.Where(r => !r.BeyondCurrentTerm && r.YearValue is not null).Select(r => r.YearValue!.Value));
    public Money MaximumTermTotal => Money.Sum(Rows.Where(r => r.YearValueOverMaximumTerm is not null).Select(r => r.YearValueOverMaximumTerm!.Value));
    public int UnknownYears => Rows.Count(r => r.Source == ValueSource.Unknown);

    /// <summary>
    /// Where a year stands before its review: the baseline (last year's value), an uplift of
    /// <paramref name="upliftPercent"/> on it (to the nearest penny) and the year's cashable savings.
    /// </summary>
    public YearPosition PositionFor(FinancialYear year, decimal? upliftPercent)
    {
        var row = RowFor(year);
        var baseline = row?.Baseline;
        var uplift = baseline is { } b && upliftPercent is { } pct
            ? Money.FromPence((long)Math.Round(b.Pence * pct / 100m, MidpointRounding.AwayFromZero))
            : Money.Zero;
        return new YearPosition(baseline, uplift, row?.Savings ?? Money.Zero);
    }

    /// <summary>The value the position points to: baseline plus uplift less savings, never below zero.</summary>
    public static Money? Suggested(YearPosition p)
    {
        if (p.Baseline is not { } b) return null;
        var up = b + p.Uplift;
        return p.Savings >= up ? Money.Zero : up - p.Savings;
    }
}
