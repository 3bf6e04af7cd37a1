using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

/// <summary>A fixed annual sum for a whole service, whatever the activity.</summary>
public sealed class BlockContract : Contract
{
    private BlockContract() { }

    public BlockContract(int providerId, Money annualSum)
    {
        ProviderId = providerId;
        AnnualValuePence = annualSum.Pence;
    }

    public override CommissioningForm Form => CommissioningForm.Block;

    public void SetProviderAndSum(int providerId, Money annualSum)
    {
        ProviderId = providerId;
        AnnualValuePence = annualSum.Pence;
    }
}

/// <summary>No guaranteed volume: packages bought as needed at the rates on the rate card.</summary>
public sealed class SpotContract : Contract
{
    private SpotContract() { }

    public SpotContract(int providerId, IEnumerable<RateCardLine> rateCard, Money? estimatedAnnualValue)
    {
        SetProvider(providerId, estimatedAnnualValue);
        SetRateCard(rateCard);
    }

    public override CommissioningForm Form => CommissioningForm.Spot;

    public void SetProvider(int providerId, Money? estimatedAnnualValue)
    {
        ProviderId = providerId;
        AnnualValuePence = estimatedAnnualValue?.Pence;
    }

    protected override void CheckRateCard(IReadOnlyList<RateCardLine> lines) => Check(new SpotContractNeedsARateCardRule(lines));
}

/// <summary>One provider holds the contract and sub-contracts parts of it to others.</summary>
public sealed class LeadProviderContract : Contract
{
    private readonly List<SubContract> _subContracts = [];

    private LeadProviderContract() { }

    public LeadProviderContract(int leadProviderId, Money annualValue, IEnumerable<SubContract> subContracts) =>
        SetLeadAndSubContracts(leadProviderId, annualValue, subContracts);

    public override CommissioningForm Form => CommissioningForm.LeadProvider;

    public int LeadProviderId => ProviderId ?? 0;
    public IReadOnlyList<SubContract> SubContracts => _subContracts;

    public void SetLeadAndSubContracts(int leadProviderId, Money annualValue, IEnumerable<SubContract> subContracts)
    {
        var list = subContracts.ToList();
        Check(new LeadProviderMustBeAPartyRule(leadProviderId));
        Check(new LeadProviderCannotSubContractToItselfRule(leadProviderId, list));
        Check(new SubContractsCannotExceedContractValueRule(annualValue, list));
        ProviderId = leadProviderId;
        AnnualValuePence = annualValue.Pence;
        _subContracts.Clear();
        _subContracts.AddRange(list);
    }
}

/// <summary>Several providers jointly and severally liable for one contract; the consortium is not itself a legal entity.</summary>
public sealed class ConsortiumContract : Contract
{
    private readonly List<ConsortiumMember> _members = [];

    private ConsortiumContract() { }

    public ConsortiumContract(IEnumerable<ConsortiumMember> members, Money annualValue) => SetMembers(members, annualValue);

    public override CommissioningForm Form => CommissioningForm.Consortium;

    public IReadOnlyList<ConsortiumMember> Members => _members;

    public void SetMembers(IEnumerable<ConsortiumMember> members, Money annualValue)
    {
        var list = members.ToList();
        Check(new ConsortiumNeedsTwoMembersRule(list));
        Check(new ConsortiumNeedsExactlyOneLeadRule(list));
        Check(new ConsortiumMembersMustBeDistinctRule(list));
        _members.Clear();
        _members.AddRange(list);
        ProviderId = list.Single(m => m.IsLead).ProviderId;
        AnnualValuePence = annualValue.Pence;
    }
}
