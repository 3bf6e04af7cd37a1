using Commissioning.Domain.Common;

namespace Commissioning.Domain.Publishing.Notices;

/// <summary>
/// The day counts and thresholds of the notice duties (configuration "ProcurementAct:", decision 0033). A period "of 30
/// days beginning with the day" of an event ends on the 30th day counting that day as the first.
/// </summary>
public sealed record NoticeSettings
{
    public static readonly DateOnly ActInForce = new(2025, 2, 24);
    public const int MaxDays = 366;
    public const int MaxMonths = 60;

    /// <summary>Procurements begun on or after this day are under the Act.</summary>
    public DateOnly InForceFrom { get; init; } = ActInForce;
    public int ContractDetailsDays { get; init; } = 30;
    public int LightTouchContractDetailsDays { get; init; } = 120;
    public int TerminationDays { get; init; } = 30;
    public int PerformanceIntervalMonths { get; init; } = 12;
    /// <summary>Over this (not at it) a contract's estimated value owes a copy of the contract, three KPIs and performance notices.</summary>
    public Money HighValueThreshold { get; init; } = Money.Pounds(5_000_000m);

    public static readonly NoticeSettings Default = new();

    /// <summary>What is wrong with the settings, for the start-up check; empty when they are sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Days(string name, int value)
        {
            if (value is < 1 or > MaxDays) problems.Add($"ProcurementAct:{name} must be between 1 and {MaxDays} days.");
        }
        Days(nameof(ContractDetailsDays), ContractDetailsDays);
        Days(nameof(LightTouchContractDetailsDays), LightTouchContractDetailsDays);
        Days(nameof(TerminationDays), TerminationDays);
        if (PerformanceIntervalMonths is < 1 or > MaxMonths)
            problems.Add($"ProcurementAct:{nameof(PerformanceIntervalMonths)} must be between 1 and {MaxMonths} months.");
        return problems;
    }
}
