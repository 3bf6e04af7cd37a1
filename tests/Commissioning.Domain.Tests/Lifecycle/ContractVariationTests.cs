using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Lifecycle;

public class ContractVariationTests
{
    private static ContractVariation Vary(Contract contract, VariationTerms terms) =>
        ContractVariation.Record(contract, terms, Life.Record(On(2022, 6, 1), "Additional hours for hospital discharge"));

    [Fact]
    public void Record_ValueChange_AppliesItAndRecordsBeforeAfterAndPercent()
    {
        var contract = Life.NotLightTouch(1_000_000m);

        var v = Vary(contract, new(VariationChange.Value, " clause 53 ", NewAnnualValue: Money.Pounds(1_050_000m)));

        Assert.Equal(ContractEventKind.Variation, v.Kind);
        Assert.Equal("clause 53", v.Clause);
        Assert.Equal(Money.Pounds(1_000_000m), v.ValueBefore);
        Assert.Equal(Money.Pounds(1_050_000m), v.ValueAfter);
        Assert.Equal(5.00m, v.ValueChangePercent);
        Assert.Equal(0m, v.TermChangePercent);
        Assert.Equal(Money.Pounds(1_050_000m), contract.AnnualValue);
        Assert.Equal(v.EndDateBefore, v.EndDateAfter);
    }

    [Fact]
    public void Record_ValueChange_IsMeasuredAgainstTheValueGivenForTheCurrentYear()
    {
        // Let at £1,000,000 but worth £1,150,000 this year (agreed after uplifts): a new value of
        // £1,207,500 is 5% on this year's value (57,500 / 1,150,000), not 20.75% on the let value.
        var contract = Life.NotLightTouch(1_000_000m);

        var v = ContractVariation.Record(contract, new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(1_207_500m)),
            Life.Record(On(2022, 6, 1), "More hours"), valueBefore: Money.Pounds(1_150_000m));

        Assert.Equal(Money.Pounds(1_150_000m), v.ValueBefore);
        Assert.Equal(5.00m, v.ValueChangePercent);
        Assert.Equal(ChangeNoticeRule.WithinTenPercent, v.ChangeNoticeRule);
        Assert.Equal(Money.Pounds(1_207_500m), contract.AnnualValue);
    }

    [Fact]
    public void Record_TermChange_MovesTheEndAndMeasuresAgainstTheMaximumTerm()
    {
        var contract = Life.NotLightTouch();

        var v = Vary(contract, new(VariationChange.Term, "clause 53", NewEndDate: On(2031, 9, 30)));

        Assert.Equal(On(2031, 3, 31), v.EndDateBefore);
        Assert.Equal(On(2031, 9, 30), v.EndDateAfter);
        Assert.Equal(On(2031, 9, 30), contract.CurrentEndDate);
        Assert.Equal(On(2031, 9, 30), contract.MaximumEndDate);
        Assert.Equal(5.01m, v.TermChangePercent); // 183 days of a 3,652-day term
        Assert.Equal(v.ValueBefore, v.ValueAfter);
    }

    [Fact]
    public void Record_LightTouchContract_NeedsNoChangeNoticeWhateverTheSize()
    {
        var contract = A.PersonaContract(); // supported living: light touch

        var v = Vary(contract, new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(20_000_000m)));

        Assert.False(v.ChangeNoticeWarning);
        Assert.Equal(ChangeNoticeRule.LightTouchContract, v.ChangeNoticeRule);
        Assert.Contains("light-touch", v.ChangeNotice.Explanation);
        Assert.True(v.ValueChangePercent > 10m);
    }

    [Theory]
    [InlineData("1100000.00", false, ChangeNoticeRule.WithinTenPercent)]  // exactly 10%: not more than 10%
    [InlineData("1100000.01", true, ChangeNoticeRule.MoreThanTenPercent)] // a penny over
    [InlineData("899999.99", true, ChangeNoticeRule.MoreThanTenPercent)]   // a decrease counts too
    [InlineData("900000.00", false, ChangeNoticeRule.WithinTenPercent)]
    public void Record_ValueChange_WarnsAboveTenPercent(string newPounds, bool warn, ChangeNoticeRule rule)
    {
        var v = Vary(Life.NotLightTouch(1_000_000m), new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(decimal.Parse(newPounds, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(warn, v.ChangeNoticeWarning);
        Assert.Equal(rule, v.ChangeNoticeRule);
    }

    [Fact]
    public void Record_TermChange_WarnsAboveTenPercent_AndSaysItIsOnlyAWarning()
    {
        // Twelve months more is 366 days (29 February 2032) against a 3,652-day term: 10.02%.
        var contract = Life.NotLightTouch();

        var v = Vary(contract, new(VariationChange.Term, "clause 53", NewEndDate: On(2032, 3, 31)));

        Assert.True(v.ChangeNoticeWarning);
        Assert.Equal(ChangeNoticeRule.MoreThanTenPercent, v.ChangeNoticeRule);
        Assert.Equal(10.02m, v.TermChangePercent);
        Assert.Contains("the term moved by more than 10%", v.ChangeNoticeExplanation);
        Assert.Contains("not a refusal", v.ChangeNoticeExplanation);
        Assert.Equal(On(2032, 3, 31), contract.CurrentEndDate); // applied all the same
    }

    [Fact]
    public void Record_ScopeOnly_IsNotAssessed_AndSaysSo()
    {
        var v = Vary(Life.NotLightTouch(), new(VariationChange.Scope | VariationChange.Parties, "clause 12"));

        Assert.False(v.ChangeNoticeWarning);
        Assert.Equal(ChangeNoticeRule.WithinTenPercent, v.ChangeNoticeRule);
        Assert.Contains("scope or parties is not assessed", v.ChangeNoticeExplanation);
    }

    [Fact]
    public void Record_ValueOfASpotContractWithNoEstimate_Warns()
    {
        var spot = new SpotContract(1, [A.RateCardLine()], estimatedAnnualValue: null);
        spot.Describe(A.Description() with { ServiceCategory = ServiceCategory.Other });
        spot.SetTerm(A.Block().Term);

        var v = Vary(spot, new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(50_000m)));

        Assert.True(v.ChangeNoticeWarning);
        Assert.Equal(ChangeNoticeRule.ValueChangeNotMeasurable, v.ChangeNoticeRule);
        Assert.Null(v.ValueChangePercent);
    }

    [Fact]
    public void Assess_IsLightTouchForEverySocialCareCategoryButOther()
    {
        Assert.All(Enum.GetValues<ServiceCategory>().Where(c => c != ServiceCategory.Other),
            c => Assert.True(ChangeNoticeAssessment.IsLightTouch(c)));
        Assert.False(ChangeNoticeAssessment.IsLightTouch(ServiceCategory.Other));
    }

    public static TheoryData<VariationTerms, string> BadTerms => new()
    {
        { new(VariationChange.None, "clause 53"), "Say what the variation changes: value, term, scope or parties." },
        { new(VariationChange.Scope, " "), "Give the clause the variation relies on (for example, clause 53)." },
        { new(VariationChange.Value, "clause 53"), "A variation of value needs the new annual value, different from the current one." },
        { new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(1_000_000m)), "A variation of value needs the new annual value, different from the current one." },
        { new(VariationChange.Scope, "clause 53", NewAnnualValue: Money.Pounds(2m)), "A new annual value was given but the variation does not say it changes the value." },
        { new(VariationChange.Term, "clause 53"), "A variation of term needs the new end date, different from the current one." },
        { new(VariationChange.Scope, "clause 53", NewEndDate: new DateOnly(2032, 3, 31)), "A new end date was given but the variation does not say it changes the term." },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void Record_BadTerms_AreRefusedWithAMessage_AndChangeNothing(VariationTerms terms, string message)
    {
        var contract = Life.NotLightTouch(1_000_000m);

        var ex = Assert.Throws<BusinessRuleException>(() => Vary(contract, terms));

        Assert.Equal(message, ex.Message);
        Assert.Equal(Money.Pounds(1_000_000m), contract.AnnualValue);
        Assert.Equal(On(2031, 3, 31), contract.CurrentEndDate);
    }

    [Fact]
    public void Record_AnEndBeforeTheStart_IsRefused()
    {
        var contract = Life.NotLightTouch();

        var ex = Assert.Throws<BusinessRuleException>(() => Vary(contract, new(VariationChange.Term, "clause 53", NewEndDate: On(2021, 3, 31))));

        Assert.Equal("The new end date, 31 March 2021, is before the contract starts on 1 April 2021", ex.Message);
        Assert.Equal(On(2031, 3, 31), contract.CurrentEndDate);
    }

    [Fact]
    public void Record_AnEndBeforeTheStart_IsNamedBeforeTheMissingDecision()
    {
        var contract = Life.NotLightTouch();

        var ex = Assert.Throws<BusinessRuleException>(() => ContractVariation.Record(contract,
            new(VariationChange.Term, "clause 53", NewEndDate: On(2021, 3, 30)), Life.Record(On(2025, 4, 1), decision: null)));

        Assert.IsType<VariedEndCannotBeBeforeTheStartRule>(ex.Rule);
        Assert.Equal("The new end date, 30 March 2021, is before the contract starts on 1 April 2021", ex.Message);
        // The contract refuses it too when varied directly, not only through the event.
        Assert.IsType<VariedEndCannotBeBeforeTheStartRule>(Assert.Throws<BusinessRuleException>(() => contract.Vary(null, On(2021, 3, 31))).Rule);
        Assert.Equal(On(2031, 3, 31), contract.CurrentEndDate);
    }

    [Fact]
    public void Record_LeadProviderValueBelowItsSubContracts_IsRefused()
    {
        var lead = new LeadProviderContract(1, Money.Pounds(100_000m), [new SubContract(2, "Night support", Money.Pounds(80_000m))]);
        lead.Describe(A.Description());
        lead.SetTerm(A.Block().Term);

        var ex = Assert.Throws<BusinessRuleException>(() => Vary(lead, new(VariationChange.Value, "clause 53", NewAnnualValue: Money.Pounds(70_000m))));

        Assert.IsType<SubContractsCannotExceedContractValueRule>(ex.Rule);
        Assert.Equal(Money.Pounds(100_000m), lead.AnnualValue);
    }
}
