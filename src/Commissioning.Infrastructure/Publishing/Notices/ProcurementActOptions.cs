using Commissioning.Domain.Common;
using Commissioning.Domain.Publishing.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Infrastructure.Publishing.Notices;

/// <summary>The "ProcurementAct" settings: the notice duties' day counts and the £5 million threshold (decision 0033).</summary>
public sealed class ProcurementActOptions
{
    public const string Section = "ProcurementAct";

    /// <summary>Procurements begun on or after this day are under the Act (24 February 2025).</summary>
    public DateOnly InForceFrom { get; set; } = NoticeSettings.ActInForce;
    public int ContractDetailsDays { get; set; } = NoticeSettings.Default.ContractDetailsDays;
    public int LightTouchContractDetailsDays { get; set; } = NoticeSettings.Default.LightTouchContractDetailsDays;
    public int TerminationDays { get; set; } = NoticeSettings.Default.TerminationDays;
    public int PerformanceIntervalMonths { get; set; } = NoticeSettings.Default.PerformanceIntervalMonths;
    /// <summary>In pounds: over it (not at it) a contract owes a copy, KPIs and performance notices.</summary>
    public decimal HighValueThreshold { get; set; } = NoticeSettings.Default.HighValueThreshold.Amount;

    public NoticeSettings ToSettings() => new()
    {
        InForceFrom = InForceFrom, ContractDetailsDays = ContractDetailsDays, LightTouchContractDetailsDays = LightTouchContractDetailsDays,
        TerminationDays = TerminationDays, PerformanceIntervalMonths = PerformanceIntervalMonths,
        HighValueThreshold = HighValueThreshold is >= 0 and <= Money.Ceiling && decimal.Round(HighValueThreshold, 2) == HighValueThreshold
            ? Money.Pounds(HighValueThreshold) : NoticeSettings.Default.HighValueThreshold,
    };

    /// <summary>What is wrong with the settings; empty when sound. Start-up stops on any.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = ToSettings().Problems().ToList();
        if (HighValueThreshold is < 0 or > Money.Ceiling || decimal.Round(HighValueThreshold, 2) != HighValueThreshold)
            problems.Add($"ProcurementAct:{nameof(HighValueThreshold)} must be an amount in pounds and pence from 0 to {Money.Ceiling:N0}.");
        return problems;
    }
}

public static class ProcurementActSetup
{
    public static IServiceCollection AddProcurementActNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProcurementActOptions>().Bind(configuration.GetSection(ProcurementActOptions.Section))
            .Validate(o => o.Problems().Count == 0, "The ProcurementAct settings are not valid: day counts from 1 to 366, months from 1 to 60, the threshold in pounds and pence.")
            .ValidateOnStart();
        return services;
    }
}
