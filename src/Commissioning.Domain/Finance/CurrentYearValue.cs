using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

/// <summary>Which of its years stands for a contract today.</summary>
public enum YearInForce
{
    /// <summary>The contract is in force in the current financial year.</summary>
    Current,
    /// <summary>It starts in a later year: its first year stands for it.</summary>
    First,
    /// <summary>It ended (or was terminated) in an earlier year: its last year stands for it.</summary>
    Last,
}

/// <summary>
/// A contract's value for the current financial year, as the register shows and sorts it and as a
/// variation is measured against: the year's agreed annual value, else the one its value schedule
/// projects. A contract not in force this year shows its first year (not started yet) or its last
/// year (ended), named. <c>ContractQueries.WithCurrentYearValue</c> is the same rule in SQL.
/// </summary>
public sealed record CurrentYearValue(FinancialYear Year, YearInForce When, Money? Annual, ValueSource Source)
{
    /// <summary>
    /// The current year while the contract is in force in it; else the year it starts in or the
    /// year of its last day (<paramref name="lastDay"/>: its current end, or an earlier termination).
    /// </summary>
    public static (FinancialYear Year, YearInForce When) YearFor(FinancialYear current, DateOnly start, DateOnly lastDay)
    {
        var first = FinancialYear.Containing(start);
        var last = FinancialYear.Containing(lastDay < start ? start : lastDay);
        return current < first ? (first, YearInForce.First) : current > last ? (last, YearInForce.Last) : (current, YearInForce.Current);
    }

    public static CurrentYearValue Of(ValueSchedule schedule, FinancialYear current, DateOnly start, DateOnly lastDay)
    {
        var (year, when) = YearFor(current, start, lastDay);
        var row = schedule.RowFor(year);
        return new CurrentYearValue(year, when, row?.Annual, row?.Source ?? ValueSource.Unknown);
    }

    public bool IsProjected => Source == ValueSource.Projected;

    /// <summary>Names the year when it is not the current one: "first year 2027/28", "last year 2019/20".</summary>
    public string? YearNote => When switch
    {
        YearInForce.First => $"first year {Year}",
        YearInForce.Last => $"last year {Year}",
        _ => null,
    };

    /// <summary>What the register says beside the figure: "projected", "projected, last year 2019/20", "first year 2027/28"; null for this year's agreed value.</summary>
    public string? Note => Annual is null ? null
        : string.Join(", ", new[] { IsProjected ? "projected" : null, YearNote }.OfType<string>()) is { Length: > 0 } note ? note : null;
}
