using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

// Dates in messages are written the councils' way: 31 March 2031.

public sealed class EventNeedsAnAuthorisingDecisionRule(string? decision, string what) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(decision);
    public string Message => $"{char.ToUpperInvariant(what[0])}{what[1..]} needs the decision that authorised it (a decision number such as 17/00030b, or the meeting and date).";
}

public sealed class ContinuationNeedsASingleSourceJustificationRule(SingleSourceJustification? justification) : IBusinessRule
{
    public bool IsBroken() => justification is null || Missing.Count > 0;
    private List<string> Missing => justification is null ? [] :
    [
        .. string.IsNullOrWhiteSpace(justification.Text) ? ["its text"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(justification.LegalRisk) ? ["the legal risk"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(justification.ApprovedBy) ? ["who approved it"] : Array.Empty<string>(),
    ];
    public string Message => justification is null
        ? "A negotiated continuation outside competition needs a single source justification before it can be approved."
        : $"The single source justification is incomplete: give {string.Join(" and ", Missing)}.";
}

public sealed class OnlyADraftContinuationCanBeApprovedRule(NegotiatedContinuation continuation) : IBusinessRule
{
    public bool IsBroken() => continuation.Status != ContinuationStatus.Draft;
    public string Message => "This continuation has already been approved.";
}

public sealed class ContinuationMustBelongToTheContractRule(NegotiatedContinuation continuation, Contract contract) : IBusinessRule
{
    public bool IsBroken() => continuation.ContractId != contract.Id;
    public string Message => "This continuation belongs to a different contract.";
}

public sealed class ContinuationDraftMustStillBeOpenRule(NegotiatedContinuation? draft, Contract contract) : IBusinessRule
{
    public bool IsBroken() => draft is null || draft.Status != ContinuationStatus.Draft || draft.ContractId != contract.Id;
    public string Message => "This draft continuation has already been approved or is not one of this contract's drafts.";
}

public sealed class VariationMustSayWhatChangedRule(VariationChange changes) : IBusinessRule
{
    public bool IsBroken() => changes == VariationChange.None;
    public string Message => "Say what the variation changes: value, term, scope or parties.";
}

public sealed class VariationNeedsAClauseRule(string? clause) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(clause);
    public string Message => "Give the clause the variation relies on (for example, clause 53).";
}

public sealed class VariedValueMustMatchWhatChangedRule(VariationChange changes, Money? newValue, Money? oldValue) : IBusinessRule
{
    public bool IsBroken() => changes.HasFlag(VariationChange.Value) ? newValue is null || newValue == oldValue : newValue is not null;
    public string Message => changes.HasFlag(VariationChange.Value)
        ? "A variation of value needs the new annual value, different from the current one."
        : "A new annual value was given but the variation does not say it changes the value.";
}

public sealed class VariedTermMustMatchWhatChangedRule(VariationChange changes, DateOnly? newEnd, DateOnly currentEnd) : IBusinessRule
{
    public bool IsBroken() => changes.HasFlag(VariationChange.Term) ? newEnd is null || newEnd == currentEnd : newEnd is not null;
    public string Message => changes.HasFlag(VariationChange.Term)
        ? "A variation of term needs the new end date, different from the current one."
        : "A new end date was given but the variation does not say it changes the term.";
}

public sealed class LeadTimeMustBeInRangeRule(int leadTimeMonths) : IBusinessRule
{
    public bool IsBroken() => leadTimeMonths is < 0 or > KeyDates.MaxLeadTimeMonths;
    public string Message => $"An internal lead time must be between 0 and {KeyDates.MaxLeadTimeMonths} months.";
}

public sealed class ExpiryCannotBeRecordedTwiceRule(bool alreadyRecorded, DateOnly end) : IBusinessRule
{
    public bool IsBroken() => alreadyRecorded;
    public string Message => $"Natural expiry on {Dates.Long(end)} is already recorded; record it again only after the end date moves.";
}
