using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Lifecycle;

internal static class Life
{
    public static readonly Actor Commissioner = new("u-1", "Jo Commissioner");
    public static readonly DateTime At = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static EventRecord Record(DateOnly on, string reason = "Agreed at the Strategic Commissioning Board", string? decision = "SCB 01/03/2021") =>
        new(on, reason, decision, Commissioner, At);

    /// <summary>
    /// Kent homecare as the paper describes it: one year plus two further one-year extensions, both used,
    /// £33,632,993.52 a year. The start date is illustrative.
    /// </summary>
    public static BlockContract KentHomecare(bool optionsExercised = true) =>
        new BlockContractBuilder()
            .WithReference("KCC-HOMECARE")
            .WithAnnualSum(Money.Pounds(33_632_993.52m))
            .From(Days.On(2015, 6, 1)).To(Days.On(2016, 5, 31))
            .WithOption(12, optionsExercised).WithOption(12, optionsExercised)
            .WithNotice(3)
            .AwardedOn(Days.On(2015, 5, 1))
            .Build();

    /// <summary>A contract outside the light-touch regime, for the change notice rule.</summary>
    public static BlockContract NotLightTouch(decimal annualPounds = 1_000_000m)
    {
        var contract = A.Block().WithAnnualSum(Money.Pounds(annualPounds)).Build();
        contract.Describe(A.Description() with { ServiceCategory = ServiceCategory.Other });
        return contract;
    }
}
