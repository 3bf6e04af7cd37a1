using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Publishing;

public class PublicationRulesTests
{
    private static readonly Quarter Q1 = new(new FinancialYear(2025), 1); // 1 April to 30 June 2025
    private static readonly Money Threshold = PublicationRules.DefaultThreshold;

    private static PublicationFacts Facts(DateOnly? start = null, DateOnly? end = null, decimal? annual = 100_000m,
        CommissioningForm form = CommissioningForm.Block, DateOnly? awarded = null, bool withdrawn = false, DateOnly? terminated = null,
        bool draft = false) =>
        new(form, draft ? null : awarded ?? On(2024, 1, 1), withdrawn, start ?? On(2024, 4, 1), end ?? On(2027, 3, 31),
            terminated, annual is { } a ? Money.Pounds(a) : null);

    [Fact]
    public void InForce_FromTheQuartersFirstDay() =>
        Assert.True(PublicationRules.IsPublishable(Facts(start: On(2023, 4, 1), end: On(2025, 4, 1)), Q1, Threshold));

    [Fact]
    public void InForce_EndedTheDayBeforeTheQuarter_IsOut() =>
        Assert.Equal("not in force during 2025/26 Q1",
            PublicationRules.Exclusion(Facts(start: On(2023, 4, 1), end: On(2025, 3, 31)), Q1, Threshold));

    [Fact]
    public void InForce_StartingOnTheQuartersLastDay() =>
        Assert.True(PublicationRules.IsPublishable(Facts(start: On(2025, 6, 30), end: On(2028, 6, 29)), Q1, Threshold));

    [Fact]
    public void InForce_StartingTheDayAfterTheQuarter_IsOut() =>
        Assert.False(PublicationRules.IsPublishable(Facts(start: On(2025, 7, 1), end: On(2028, 6, 30)), Q1, Threshold));

    [Fact]
    public void Terminated_TheDayBeforeTheQuarter_IsOut_ButOnItsFirstDayIsIn()
    {
        Assert.False(PublicationRules.IsPublishable(Facts(terminated: On(2025, 3, 31)), Q1, Threshold));
        Assert.True(PublicationRules.IsPublishable(Facts(terminated: On(2025, 4, 1)), Q1, Threshold));
    }

    [Fact]
    public void Withdrawn_IsNeverPublished() =>
        Assert.Equal("withdrawn as entered in error", PublicationRules.Exclusion(Facts(withdrawn: true), Q1, Threshold));

    [Fact]
    public void Draft_IsNotPublished_UntilAwarded()
    {
        Assert.Equal("a draft: not yet awarded", PublicationRules.Exclusion(Facts(draft: true), Q1, Threshold));
        Assert.True(PublicationRules.IsPublishable(Facts(), Q1, Threshold));
    }

    [Theory]
    [InlineData(5_000.00, false)]
    [InlineData(5_000.01, true)]
    public void Spot_ComparedByItsEstimatedAnnualSpend(decimal estimate, bool published)
    {
        // A ten-year spot contract: its term's total would pass £5,000 many times over, but a spot contract fixes no sum.
        var facts = Facts(form: CommissioningForm.Spot, annual: estimate, start: On(2020, 4, 1), end: On(2030, 3, 31));

        Assert.Equal(Money.Pounds(estimate), PublicationRules.ComparedValue(facts));
        Assert.Equal(published, PublicationRules.IsPublishable(facts, Q1, Threshold));
    }

    [Fact]
    public void Spot_WithNoEstimate_IsHeldOutWithAReason() =>
        Assert.Equal("a spot contract with no estimated annual spend recorded",
            PublicationRules.Exclusion(Facts(form: CommissioningForm.Spot, annual: null), Q1, Threshold));

    [Theory]
    [InlineData(5_000.00, false)]
    [InlineData(5_000.01, true)]
    public void Block_ComparedByItsSumOverTheTerm_OneFullYear(decimal annual, bool published)
    {
        var facts = Facts(annual: annual, start: On(2025, 4, 1), end: On(2026, 3, 31));

        Assert.Equal(Money.Pounds(annual), PublicationRules.ComparedValue(facts));
        Assert.Equal(published, PublicationRules.IsPublishable(facts, Q1, Threshold));
    }

    [Fact]
    public void Block_UnderTheThresholdAYear_ButOverItAcrossTheTerm_IsPublished()
    {
        var facts = Facts(annual: 4_000m, start: On(2024, 4, 1), end: On(2027, 3, 31));

        Assert.Equal(Money.Pounds(12_000m), PublicationRules.ComparedValue(facts));
        Assert.True(PublicationRules.IsPublishable(facts, Q1, Threshold));
    }

    [Fact]
    public void Block_WithTheRegistersTermValue_IsComparedByIt_EitherSideOfTheThreshold()
    {
        // £6,000 a year for a year, but reviews brought the year's agreed value down: the register's total is what counts.
        var facts = Facts(annual: 6_000m, start: On(2025, 4, 1), end: On(2026, 3, 31));

        Assert.Equal(Money.Pounds(5_000m), PublicationRules.ComparedValue(facts with { TermValue = Money.Pounds(5_000m) }));
        Assert.False(PublicationRules.IsPublishable(facts with { TermValue = Money.Pounds(5_000m) }, Q1, Threshold));
        Assert.True(PublicationRules.IsPublishable(facts with { TermValue = Money.Pounds(5_000.01m) }, Q1, Threshold));
        // A spot contract is still compared by its estimated annual spend.
        var spot = facts with { Form = CommissioningForm.Spot, TermValue = Money.Pounds(1m) };
        Assert.Equal(Money.Pounds(6_000m), PublicationRules.ComparedValue(spot));
    }

    [Fact]
    public void Block_HalfAYear_ComparedByItsHalfYearsWorth()
    {
        // £10,000.02 a year for April to September: six of twelve months, £5,000.01.
        var facts = Facts(annual: 10_000.02m, start: On(2025, 4, 1), end: On(2025, 9, 30));

        Assert.Equal(Money.Pounds(5_000.01m), PublicationRules.ComparedValue(facts));
        Assert.True(PublicationRules.IsPublishable(facts, Q1, Threshold));
        Assert.False(PublicationRules.IsPublishable(facts with { AnnualValue = Money.Pounds(10_000m) }, Q1, Threshold));
    }

    [Fact]
    public void Threshold_ComesFromTheCaller() =>
        Assert.False(PublicationRules.IsPublishable(Facts(annual: 100_000m), Q1, Money.Pounds(1_000_000m)));

    [Fact]
    public void OfAContract_ReadsItsFacts()
    {
        var persona = A.PersonaContract();

        Assert.True(PublicationRules.IsPublishable(persona, Q1, Threshold));
        Assert.False(PublicationRules.IsPublishable(A.Block().NotAwarded().Build(), Q1, Threshold));
        Assert.False(PublicationRules.IsPublishable(persona, new Quarter(new FinancialYear(2031), 1), Threshold));
    }
}
