using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Contracts;

public class FormRulesTests
{
    private static readonly Money HalfAMillion = Money.Pounds(500_000m);

    // ---- block ----

    [Fact]
    public void BlockContract_HoldsItsProviderAndAnnualSum()
    {
        var contract = new BlockContract(providerId: 7, Money.Pounds(12_393_408m));

        Assert.Equal(CommissioningForm.Block, contract.Form);
        Assert.Equal(7, contract.ProviderId);
        Assert.Equal(1_239_340_800L, contract.AnnualValuePence);
        Assert.Equal(Money.Pounds(12_393_408m), contract.AnnualValue);
        Assert.Empty(contract.RateCard);
    }

    [Fact]
    public void BlockContract_SetProviderAndSum_ReplacesBoth()
    {
        var contract = new BlockContract(providerId: 7, Money.Pounds(12_393_408m));

        contract.SetProviderAndSum(8, Money.Pounds(33_632_993.52m));

        Assert.Equal(8, contract.ProviderId);
        Assert.Equal(Money.Pounds(33_632_993.52m), contract.AnnualValue);
    }

    [Fact]
    public void BlockContract_MayHaveAnEmptyRateCard()
    {
        var contract = new BlockContract(providerId: 7, Money.Pounds(12_393_408m));

        contract.SetRateCard([]);

        Assert.Empty(contract.RateCard);
    }

    // ---- spot ----

    [Fact]
    public void SpotContract_WithoutARateCardLine_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() => new SpotContract(3, [], null));

        Assert.IsType<SpotContractNeedsARateCardRule>(ex.Rule);
        Assert.Equal("A spot contract needs at least one rate card line: it is priced by its rates.", ex.Message);
    }

    [Fact]
    public void SpotContract_WithOneRateCardLine_IsAllowed()
    {
        var contract = new SpotContract(3, [A.RateCardLine("Personal care", 24.50m)], null);

        Assert.Equal(CommissioningForm.Spot, contract.Form);
        Assert.Equal(3, contract.ProviderId);
        var line = Assert.Single(contract.RateCard);
        Assert.Equal("Personal care", line.Service);
        Assert.Equal(RateUnit.Hour, line.Unit);
        Assert.Equal(2_450L, line.UnitRatePence);
        Assert.Equal(Money.Pounds(24.50m), line.UnitRate);
    }

    [Fact]
    public void SpotContract_WithoutAnEstimate_HasNoAnnualValue()
    {
        var contract = new SpotContract(3, [A.RateCardLine()], null);

        Assert.Null(contract.AnnualValuePence);
        Assert.Null(contract.AnnualValue);
    }

    [Fact]
    public void SpotContract_WithAnEstimate_HoldsItAsTheAnnualValue()
    {
        var contract = new SpotContract(3, [A.RateCardLine()], Money.Pounds(250_000m));

        Assert.Equal(Money.Pounds(250_000m), contract.AnnualValue);

        contract.SetProvider(4, null);

        Assert.Equal(4, contract.ProviderId);
        Assert.Null(contract.AnnualValue);
    }

    [Fact]
    public void SpotContract_SetRateCard_ReplacesTheLines()
    {
        var contract = new SpotContract(3, [A.RateCardLine("Personal care")], null);

        contract.SetRateCard([A.RateCardLine("Night sit", 120m), A.RateCardLine("Respite", 95m)]);

        Assert.Equal(["Night sit", "Respite"], contract.RateCard.Select(l => l.Service));
    }

    [Fact]
    public void SpotContract_SetRateCardToNothing_IsRefused()
    {
        var contract = new SpotContract(3, [A.RateCardLine()], null);

        var ex = Assert.Throws<BusinessRuleException>(() => contract.SetRateCard([]));

        Assert.IsType<SpotContractNeedsARateCardRule>(ex.Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RateCardLine_WithoutAService_IsRefused(string service)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RateCardLine(service, RateUnit.Week, Money.Pounds(1m)));
        Assert.Equal("service", ex.ParamName);
    }

    [Fact]
    public void RateCardLine_TrimsItsService()
    {
        Assert.Equal("Night sit", new RateCardLine("  Night sit ", RateUnit.Night, Money.Pounds(120m)).Service);
    }

    // ---- lead provider ----

    [Fact]
    public void LeadProviderContract_HoldsItsLeadValueAndSubContracts()
    {
        var contract = new LeadProviderContract(5, HalfAMillion,
            [new SubContract(6, "Day opportunities", Money.Pounds(200_000m)), new SubContract(7, "Transport", Money.Pounds(50_000m))]);

        Assert.Equal(CommissioningForm.LeadProvider, contract.Form);
        Assert.Equal(5, contract.LeadProviderId);
        Assert.Equal(5, contract.ProviderId);
        Assert.Equal(HalfAMillion, contract.AnnualValue);
        Assert.Equal([6, 7], contract.SubContracts.Select(s => s.ProviderId));
    }

    [Fact]
    public void LeadProviderContract_WithNoSubContracts_IsAllowed()
    {
        var contract = new LeadProviderContract(5, HalfAMillion, []);

        Assert.Empty(contract.SubContracts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LeadProviderContract_WithoutALead_IsRefused(int leadProviderId)
    {
        var ex = Assert.Throws<BusinessRuleException>(() => new LeadProviderContract(leadProviderId, HalfAMillion, []));

        Assert.IsType<LeadProviderMustBeAPartyRule>(ex.Rule);
        Assert.Equal("A lead provider contract must name its lead provider among the parties.", ex.Message);
    }

    [Fact]
    public void LeadProviderContract_SubContractingToItself_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new LeadProviderContract(5, HalfAMillion, [new SubContract(6, "Transport", Money.Pounds(1m)), new SubContract(5, "Day opportunities", Money.Pounds(1m))]));

        Assert.IsType<LeadProviderCannotSubContractToItselfRule>(ex.Rule);
        Assert.Equal("The lead provider cannot be one of its own sub-contractors.", ex.Message);
    }

    [Fact]
    public void LeadProviderContract_SubContractsAddingUpToMoreThanTheValue_AreRefusedNamingBothTotals()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new LeadProviderContract(5, HalfAMillion,
                [new SubContract(6, "Day opportunities", Money.Pounds(300_000m)), new SubContract(7, "Transport", Money.Pounds(200_000.01m))]));

        Assert.IsType<SubContractsCannotExceedContractValueRule>(ex.Rule);
        Assert.Equal("The sub-contracts add up to £500,000.01, more than the contract's annual value of £500,000.00.", ex.Message);
    }

    [Fact]
    public void LeadProviderContract_SubContractsAddingUpToExactlyTheValue_AreAllowed()
    {
        var contract = new LeadProviderContract(5, HalfAMillion,
            [new SubContract(6, "Day opportunities", Money.Pounds(300_000m)), new SubContract(7, "Transport", Money.Pounds(200_000m))]);

        Assert.Equal(HalfAMillion, Money.Sum(contract.SubContracts.Select(s => s.AnnualValue)));
    }

    [Fact]
    public void LeadProviderContract_ARefusedChange_LeavesTheContractAsItWas()
    {
        var contract = new LeadProviderContract(5, HalfAMillion, [new SubContract(6, "Transport", Money.Pounds(1_000m))]);

        Assert.Throws<BusinessRuleException>(() =>
            contract.SetLeadAndSubContracts(8, Money.Pounds(10m), [new SubContract(9, "Transport", Money.Pounds(11m))]));

        Assert.Equal(5, contract.LeadProviderId);
        Assert.Equal(HalfAMillion, contract.AnnualValue);
        Assert.Equal(6, Assert.Single(contract.SubContracts).ProviderId);
    }

    [Fact]
    public void LeadProviderContract_SetLeadAndSubContracts_ReplacesThem()
    {
        var contract = new LeadProviderContract(5, HalfAMillion, [new SubContract(6, "Transport", Money.Pounds(1_000m))]);

        contract.SetLeadAndSubContracts(8, Money.Pounds(900m), [new SubContract(9, "Meals", Money.Pounds(100m)), new SubContract(10, "Laundry", Money.Pounds(100m))]);

        Assert.Equal(8, contract.LeadProviderId);
        Assert.Equal(Money.Pounds(900m), contract.AnnualValue);
        Assert.Equal([9, 10], contract.SubContracts.Select(s => s.ProviderId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void SubContract_WithoutAService_IsRefused(string service)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SubContract(6, service, Money.Pounds(1m)));
        Assert.Equal("service", ex.ParamName);
    }

    [Fact]
    public void SubContract_HoldsItsProviderTrimmedServiceAndValue()
    {
        var sub = new SubContract(6, " Transport ", Money.Pounds(33_632_993.52m));

        Assert.Equal(6, sub.ProviderId);
        Assert.Equal("Transport", sub.Service);
        Assert.Equal(3_363_299_352L, sub.AnnualValuePence);
        Assert.Equal(Money.Pounds(33_632_993.52m), sub.AnnualValue);
    }

    // ---- consortium ----

    [Fact]
    public void ConsortiumContract_WithOneMember_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new ConsortiumContract([new ConsortiumMember(1, "Lead", isLead: true)], HalfAMillion));

        Assert.IsType<ConsortiumNeedsTwoMembersRule>(ex.Rule);
        Assert.Equal("A consortium needs at least two members.", ex.Message);
    }

    [Fact]
    public void ConsortiumContract_WithNoMembers_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() => new ConsortiumContract([], HalfAMillion));

        Assert.IsType<ConsortiumNeedsTwoMembersRule>(ex.Rule);
    }

    [Fact]
    public void ConsortiumContract_WithNoLead_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new ConsortiumContract([new ConsortiumMember(1, "Care", false), new ConsortiumMember(2, "Housing", false)], HalfAMillion));

        Assert.IsType<ConsortiumNeedsExactlyOneLeadRule>(ex.Rule);
        Assert.Equal("Choose which member leads the consortium.", ex.Message);
    }

    [Fact]
    public void ConsortiumContract_WithTwoLeads_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new ConsortiumContract([new ConsortiumMember(1, "Care", true), new ConsortiumMember(2, "Housing", true), new ConsortiumMember(3, "Transport", false)], HalfAMillion));

        Assert.IsType<ConsortiumNeedsExactlyOneLeadRule>(ex.Rule);
        Assert.Equal("A consortium has exactly one lead member: choose only one.", ex.Message);
    }

    [Fact]
    public void ConsortiumContract_WithTheSameProviderTwice_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            new ConsortiumContract([new ConsortiumMember(1, "Care", true), new ConsortiumMember(2, "Housing", false), new ConsortiumMember(1, "Housing", false)], HalfAMillion));

        Assert.IsType<ConsortiumMembersMustBeDistinctRule>(ex.Rule);
        Assert.Equal("Each provider can be a member of the consortium only once.", ex.Message);
    }

    [Fact]
    public void ConsortiumContract_ProviderId_IsTheLeadMembersProvider()
    {
        var contract = new ConsortiumContract(
            [new ConsortiumMember(11, "Housing", false), new ConsortiumMember(12, "Care", true), new ConsortiumMember(13, "Transport", false)],
            HalfAMillion);

        Assert.Equal(CommissioningForm.Consortium, contract.Form);
        Assert.Equal(12, contract.ProviderId);
        Assert.Equal(HalfAMillion, contract.AnnualValue);
        Assert.Equal([11, 12, 13], contract.Members.Select(m => m.ProviderId));
    }

    [Fact]
    public void ConsortiumContract_SetMembers_MovesTheProviderToTheNewLead()
    {
        var contract = new ConsortiumContract([new ConsortiumMember(11, "Housing", true), new ConsortiumMember(12, "Care", false)], HalfAMillion);

        contract.SetMembers([new ConsortiumMember(11, "Housing", false), new ConsortiumMember(12, "Care", true)], Money.Pounds(1m));

        Assert.Equal(12, contract.ProviderId);
        Assert.Equal(Money.Pounds(1m), contract.AnnualValue);
    }

    [Fact]
    public void ConsortiumContract_ARefusedChange_LeavesTheMembersAsTheyWere()
    {
        var contract = new ConsortiumContract([new ConsortiumMember(11, "Housing", true), new ConsortiumMember(12, "Care", false)], HalfAMillion);

        Assert.Throws<BusinessRuleException>(() =>
            contract.SetMembers([new ConsortiumMember(13, "Care", true)], Money.Pounds(1m)));

        Assert.Equal(11, contract.ProviderId);
        Assert.Equal(HalfAMillion, contract.AnnualValue);
        Assert.Equal(2, contract.Members.Count);
    }

    [Fact]
    public void ConsortiumMember_TrimsItsRole()
    {
        var member = new ConsortiumMember(11, "  Housing management ", false);

        Assert.Equal("Housing management", member.Role);
        Assert.Equal(11, member.ProviderId);
        Assert.False(member.IsLead);
    }
}
