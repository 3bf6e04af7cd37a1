using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

/// <summary>A year's agreed value as the schedule needs it.</summary>
public sealed record AgreedValue(FinancialYear Year, Money Annual, Money YearValue, Money Uplift);

/// <summary>A savings target as the schedule needs it.</summary>
public sealed record PlannedSaving(FinancialYear Year, Money Amount, SavingsKind Kind);

/// <summary>The value a contract starts from: its predecessor's last agreed year, else its contracted annual value.</summary>
public sealed record OpeningBaseline(Money Annual, FinancialYear? Year, string Source);

public enum ValueSource { Agreed, Projected, Unknown }

/// <summary>
/// One year of the schedule. Its parts add up: <see cref="Baseline"/> (none counts as £0.00) +
/// <see cref="Uplift"/> − <see cref="Savings"/> + <see cref="OtherChange"/> = <see cref="Annual"/>.
/// <see cref="OtherChange"/> is what an agreed value differs from its working by (a renewal let at a
/// new price, a figure a finance officer agreed other than the suggestion); a projection has none.
/// </summary>
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
    ValueSource Source,
    MoneyChange OtherChange = default);

/// <summary>
/// A contract's values year by year over its maximum term. Agreed years stand as agreed; every
/// other year is projected from the year before less that year's cashable savings, so a
/// recurring reduction carries forward without anyone retyping it (Persona: £12,393,408 in
/// 2019/20, less £1m in 2021/22 and a further £1.5m in 2022/23, is £9,893,408 from 2022/23 on).
/// Projections assume no uplift: an uplift is agreed in a review, never guessed. A projection's
/// savings are those it could take: never more than the baseline, as a value is never below zero.
/// </summary>
public sealed class ValueSchedule
{
    private readonly Dictionary<FinancialYear, Money> _cashable;

    public IReadOnlyList<ScheduleRow> Rows { get; }
    public OpeningBaseline? Opening { get; }

    public ValueSchedule(DateRange currentTerm, DateRange maximumTerm, OpeningBaseline? opening,
        IEnumerable<AgreedValue> agreed, IEnumerable<PlannedSaving> savings)
    {
        if (!maximumTerm.Contains(currentTerm)) throw new ArgumentException("The maximum term must contain the current term.", nameof(maximumTerm));
        Opening = opening;
        var agreedByYear = agreed.ToDictionary(a => a.Year);
        var cashable = _cashable = savings.Where(s => s.Kind == SavingsKind.CashableReduction)
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
                // Whatever the baseline, uplift and savings do not explain was agreed as well: show it, so the row adds up.
                var other = new MoneyChange(a.Annual.Pence - (previous?.Pence ?? 0) - a.Uplift.Pence + saving.Pence);
                row = new(year, part, beyond, previous, a.Uplift, saving, a.Annual, a.YearValue, overMax, ValueSource.Agreed, other);
            }
            else if (previous is { } baseline)
            {
                var taken = saving >= baseline ? baseline : saving;
                var annual = baseline - taken;
                row = new(year, part, beyond, baseline, Money.Zero, taken, annual, part.Apply(annual), partMax.Apply(annual), ValueSource.Projected);
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
        return new YearPosition(baseline, uplift, _cashable.GetValueOrDefault(year, Money.Zero));
    }

    /// <summary>The value the position points to: baseline plus uplift less savings, never below zero.</summary>
    public static Money? Suggested(YearPosition p)
    {
        if (p.Baseline is not { } b) return null;
        var up = b + p.Uplift;
        return p.Savings >= up ? Money.Zero : up - p.Savings;
    }
}
