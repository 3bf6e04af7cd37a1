using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Tests.Contracts;

/// <summary>Behaviours that were once wrong, held in place.</summary>
public class FixedBugsTests
{
    private static DateOnly On(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("999999999999999999999999999999")]
    [InlineData("99999999999999999999999999999999999.99")]
    public void MoneyTryParse_FarTooManyDigits_IsTooLargeNotAnException(string text)
    {
        Assert.False(Money.TryParse(text, out _, out var problem));
        Assert.Equal(MoneyProblem.TooLarge, problem);
    }

    [Fact]
    public void MoneyTryParse_NonAsciiDigits_AreMalformedNotAnException()
    {
        Assert.False(Money.TryParse("\u0661\u0662\u0663", out _, out var problem));
        Assert.Equal(MoneyProblem.Malformed, problem);
    }

    [Fact]
    public void FinancialYearTryParse_NonAsciiDigits_AreRefusedNotAnException() =>
        Assert.False(FinancialYear.TryParse("\u0662\u0660\u0662\u0661/\u0662\u0662", out _));

    [Fact]
    public void SetRateCard_RefusedEmptyCard_LeavesTheOldCard()
    {
        var spot = new SpotContract(1, [new RateCardLine("Home care", RateUnit.Hour, Money.Pounds(20.18m))], null);

        Assert.Throws<BusinessRuleException>(() => spot.SetRateCard([]));

        Assert.Single(spot.RateCard);
    }

    [Fact]
    public void SetRateCard_WithItsOwnCard_KeepsIt()
    {
        var spot = new SpotContract(1, [new RateCardLine("Home care", RateUnit.Hour, Money.Pounds(20.18m))], null);

        spot.SetRateCard(spot.RateCard);

        Assert.Equal("Home care", Assert.Single(spot.RateCard).Service);
    }

    [Fact]
    public void Only_the_rule_checking_terminations_are_public()
    {
        // Terminate itself checks nothing: were it callable, a termination could skip the rules TerminateOn checks.
        var public_ = typeof(Contract).GetMethods().Where(m => m.Name.StartsWith("Terminate", StringComparison.Ordinal)).Select(m => m.Name).Order();

        Assert.Equal(["TerminateByNotice", "TerminateOn"], public_);
    }

    [Fact]
    public void Terminate_AfterTheCurrentEndDate_IsRefused()
    {
        var block = new BlockContract(1, Money.Pounds(100m));
        block.SetTerm(new ContractTerm(On(2021, 4, 1), On(2022, 3, 31), [], 3));

        var ex = Assert.Throws<BusinessRuleException>(() => block.TerminateOn(On(2022, 4, 30), "Too late"));
        Assert.IsType<TerminationMustTakeEffectByTheCurrentEndRule>(ex.Rule);
        Assert.Contains("current end date", ex.Message);
        Assert.Null(block.TerminatedOn);
    }

    [Fact]
    public void ExtensionOptions_AreAppliedOneAfterAnother()
    {
        // From 30 January, one month ends 29 February; a second month from 1 March ends 31 March.
        var block = new BlockContract(1, Money.Pounds(100m));
        block.SetTerm(new ContractTerm(On(2023, 2, 1), On(2024, 1, 30), [new(1, true), new(1, true)], 0));

        Assert.Equal(On(2024, 3, 31), block.CurrentEndDate);
        // Two months as one sum from 31 January would end on 30 March instead.
        Assert.Equal(On(2024, 3, 30), DateRange.OfMonths(On(2024, 1, 31), 2).End);
    }
}
