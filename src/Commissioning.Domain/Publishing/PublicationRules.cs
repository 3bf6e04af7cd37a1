using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Domain.Publishing;

/// <summary>
/// Which contracts the Local Government Transparency Code 2015 makes a council publish for a quarter: every
/// contract let (awarded, never withdrawn) that is in force on at least one day of the quarter and whose value
/// exceeds the threshold (£5,000 by default; "exceeds", so £5,000.00 is out and £5,000.01 is in). The one rule
/// that the contracts file, the OCDS feed and the public page all apply (decision 0032).
/// </summary>
public static class PublicationRules
{
    public static readonly Money DefaultThreshold = Money.Pounds(5_000m);

    /// <summary>
    /// The value compared with the threshold, in the Code's words "the sum to be paid over the length of the contract
    /// or the estimated annual spending": for a spot contract, which fixes no sum, its estimated annual spend (null when
    /// none is recorded); for the other forms the sum over the current term. That sum is the register's own
    /// (<see cref="PublicationFacts.TermValue"/>: the contract's value schedule, agreed years as agreed and later years
    /// as projected, the figure its page shows) when the caller has it; otherwise the annual value over the term, each
    /// financial year's share pro-rated as the finance pages do (<see cref="PartYear"/>). A contract of £4,000 a year
    /// for three years is worth £12,000 and is published.
    /// </summary>
    public static Money? ComparedValue(PublicationFacts c)
    {
        if (c.AnnualValue is not { } annual) return null;
        if (c.Form == CommissioningForm.Spot) return annual;
        if (c.TermValue is { } total) return total;
        var term = new DateRange(c.StartDate, c.LastDayInForce);
        return Money.Sum(FinancialYear.Spanning(term).Select(y => PartYear.Of(term, y)!.Apply(annual)));
    }

    /// <summary>In force on any day of the quarter: started by its last day and not ended (or terminated) before its first.</summary>
    public static bool InForceDuring(PublicationFacts c, Quarter quarter) =>
        c.StartDate <= quarter.End && c.LastDayInForce >= quarter.Start;

    /// <summary>
    /// Published for the quarter: let (a draft is not a contract yet, and the Code is about contracts let), not
    /// withdrawn (entered in error: it never existed), in force during the quarter, worth more than the threshold.
    /// </summary>
    public static bool IsPublishable(PublicationFacts c, Quarter quarter, Money threshold) =>
        Exclusion(c, quarter, threshold) is null;

    /// <summary>Why a contract is not in the quarter's file, or null when it is.</summary>
    public static string? Exclusion(PublicationFacts c, Quarter quarter, Money threshold)
    {
        if (c.IsWithdrawn) return "withdrawn as entered in error";
        if (c.AwardedOn is null) return "a draft: not yet awarded";
        if (!InForceDuring(c, quarter)) return $"not in force during {quarter}";
        if (ComparedValue(c) is not { } value)
            return "a spot contract with no estimated annual spend recorded";
        if (value <= threshold) return $"worth {value}, not more than {threshold}";
        return null;
    }

    public static bool IsPublishable(Contract c, Quarter quarter, Money threshold) =>
        IsPublishable(PublicationFacts.Of(c), quarter, threshold);
}

/// <summary>The facts about a contract the publication rule reads, so a query can supply them without loading the aggregate.</summary>
public sealed record PublicationFacts(
    CommissioningForm Form,
    DateOnly? AwardedOn,
    bool IsWithdrawn,
    DateOnly StartDate,
    DateOnly CurrentEndDate,
    DateOnly? TerminatedOn,
    Money? AnnualValue,
    Money? TermValue = null)
{
    // TermValue: the contract's value schedule over its current term (ContractSchedules in Infrastructure), so that a
    // published "value over the term" is the total the contract's own page shows, reviews and savings included.

    /// <summary>The last day the contract binds: the day a termination took effect, else the current end date.</summary>
    public DateOnly LastDayInForce => TerminatedOn is { } t && t < CurrentEndDate ? t : CurrentEndDate;

    public static PublicationFacts Of(Contract c) =>
        new(c.Form, c.AwardedOn, c.IsWithdrawn, c.StartDate, c.CurrentEndDate, c.TerminatedOn, c.AnnualValue);
}
