using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

public sealed class ExtensionOptionsMustBeUsedInOrderRule(IReadOnlyList<ExtensionOption> options) : IBusinessRule
{
    // Exercised options must be a run from the first: option 2 cannot be used before option 1.
    public bool IsBroken() => options.SkipWhile(o => o.IsExercised).Any(o => o.IsExercised);
    public string Message => "Extension options are used in order: an option cannot be exercised before the ones above it.";
}

public sealed class SpotContractNeedsARateCardRule(IReadOnlyList<RateCardLine> lines) : IBusinessRule
{
    public bool IsBroken() => lines.Count == 0;
    public string Message => "A spot contract needs at least one rate card line: it is priced by its rates.";
}

public sealed class LeadProviderMustBeAPartyRule(int leadProviderId) : IBusinessRule
{
    public bool IsBroken() => leadProviderId <= 0;
    public string Message => "A lead provider contract must name its lead provider among the parties.";
}

public sealed class LeadProviderCannotSubContractToItselfRule(int leadProviderId, IReadOnlyList<SubContract> subContracts) : IBusinessRule
{
    public bool IsBroken() => subContracts.Any(s => s.ProviderId == leadProviderId);
    public string Message => "The lead provider cannot be one of its own sub-contractors.";
}

public sealed class SubContractsCannotExceedContractValueRule(Money annualValue, IReadOnlyList<SubContract> subContracts) : IBusinessRule
{
    private Money Total => Money.Sum(subContracts.Select(s => s.AnnualValue));
    public bool IsBroken() => Total > annualValue;
    public string Message => $"The sub-contracts add up to {Total}, more than the contract's annual value of {annualValue}.";
}

public sealed class ConsortiumNeedsTwoMembersRule(IReadOnlyList<ConsortiumMember> members) : IBusinessRule
{
    public bool IsBroken() => members.Count < 2;
    public string Message => "A consortium needs at least two members.";
}

public sealed class ConsortiumNeedsExactlyOneLeadRule(IReadOnlyList<ConsortiumMember> members) : IBusinessRule
{
    public bool IsBroken() => members.Count(m => m.IsLead) != 1;
    public string Message => members.Any(m => m.IsLead)
        ? "A consortium has exactly one lead member: choose only one."
        : "Choose which member leads the consortium.";
}

public sealed class ConsortiumMembersMustBeDistinctRule(IReadOnlyList<ConsortiumMember> members) : IBusinessRule
{
    public bool IsBroken() => members.GroupBy(m => m.ProviderId).Any(g => g.Count() > 1);
    public string Message => "Each provider can be a member of the consortium only once.";
}
