using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

// Dates in messages are written the councils' way: 31 March 2031.

/// <summary><c>what</c> names the event with its article: "an extension", "a termination".</summary>
public sealed class EventNeedsAReasonRule(string? reason, string what) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
    public string Message => $"{char.ToUpperInvariant(what[0])}{what[1..]} needs a reason.";
}

public sealed class EventNeedsAnAuthorisingDecisionRule(string? decision, string what) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(decision);
    public string Message => $"{char.ToUpperInvariant(what[0])}{what[1..]} needs the decision that authorised it (a decision number such as 17/00030b, or the meeting and date).";
}

public sealed class TerminatedContractCannotChangeRule(Contract contract) : IBusinessRule
{
    public bool IsBroken() => contract.TerminatedOn is not null;
    public string Message => $"The contract was terminated with effect from {Dates.Long(contract.TerminatedOn)}; it can no longer be extended, continued, varied or terminated again.";
}

public sealed class WithdrawnContractCannotChangeRule(Contract contract) : IBusinessRule
{
    public bool IsBroken() => contract.IsWithdrawn;
    public string Message => "The contract was withdrawn as entered in error; nothing more can be recorded against it.";
}

public sealed class ContractAlreadyWithdrawnRule(Contract contract) : IBusinessRule
{
    public bool IsBroken() => contract.IsWithdrawn;
    public string Message => $"The contract was already withdrawn on {Dates.Long(contract.WithdrawnAtUtc!.Value)}.";
}

public sealed class ContractMustHaveAnExtensionOptionLeftRule(Contract contract) : IBusinessRule
{
    public bool IsBroken() => contract.ExtensionOptions.All(o => o.IsExercised);
    public string Message => contract.ExtensionOptions.Count == 0
        ? "The contract has no extension options to exercise."
        : $"Every extension option has already been used (the last one took the contract to {Dates.Long(contract.CurrentEndDate)}); an option cannot be used twice.";
}

public sealed class ExtensionOptionCannotBeUsedTwiceRule(ExtensionOption option) : IBusinessRule
{
    public bool IsBroken() => option.IsExercised;
    public string Message => $"Extension option {option.Sequence} has already been exercised; an option cannot be used twice.";
}

public sealed class ExtensionOptionsMustBeExercisedInOrderRule(IReadOnlyList<ExtensionOption> options, ExtensionOption option) : IBusinessRule
{
    private ExtensionOption? Earlier => options.FirstOrDefault(o => o.Sequence < option.Sequence && !o.IsExercised);
    public bool IsBroken() => Earlier is not null;
    public string Message => $"Extension options are used in order: option {option.Sequence} cannot be exercised before option {Earlier?.Sequence}.";
}

public sealed class ExtensionCannotExceedMaximumEndDateRule(DateOnly newEnd, DateOnly maximumEnd) : IBusinessRule
{
    public bool IsBroken() => newEnd > maximumEnd;
    public string Message => $"The extension would take the contract to {Dates.Long(newEnd)}, beyond its maximum end date of {Dates.Long(maximumEnd)}.";
}

public sealed class ContinuationMustMoveTheEndLaterRule(DateOnly currentEnd, DateOnly newEnd) : IBusinessRule
{
    public bool IsBroken() => newEnd <= currentEnd;
    public string Message => $"A continuation must run past the current end date of {Dates.Long(currentEnd)}; {Dates.Long(newEnd)} does not.";
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

public sealed class TerminationCannotTakeEffectBeforeTheStartRule(DateOnly start, DateOnly lastDay) : IBusinessRule
{
    public bool IsBroken() => lastDay < start;
    public string Message => $"A termination cannot take effect on {Dates.Long(lastDay)}, before the contract starts on {Dates.Long(start)}.";
}

public sealed class TerminationMustTakeEffectByTheCurrentEndRule(DateOnly currentEnd, DateOnly lastDay) : IBusinessRule
{
    public bool IsBroken() => lastDay > currentEnd;
    public string Message => $"A termination must take effect by the current end date, {Dates.Long(currentEnd)}; after that the contract simply expires.";
}

public sealed class NoticeCannotBeShorterThanTheNoticePeriodRule(int contractMonths, int givenMonths) : IBusinessRule
{
    public bool IsBroken() => givenMonths < contractMonths;
    public string Message => $"The contract requires {contractMonths} months' notice; {givenMonths} months is too short.";
}

public sealed class NoticeMustBeServedBeforeItTakesEffectRule(DateOnly servedOn, DateOnly takesEffectOn) : IBusinessRule
{
    public bool IsBroken() => servedOn > takesEffectOn;
    public string Message => $"Notice served on {Dates.Long(servedOn)} cannot end the contract on {Dates.Long(takesEffectOn)}: it was served after the date it would take effect.";
}

public sealed class NoticeMustRunItsFullPeriodRule(DateOnly servedOn, int months, DateOnly earliest, DateOnly takesEffectOn) : IBusinessRule
{
    public bool IsBroken() => takesEffectOn < earliest;
    public string Message => $"{months} months' notice served on {Dates.Long(servedOn)} runs to {Dates.Long(earliest)} at the earliest, not {Dates.Long(takesEffectOn)}.";
}

public sealed class NoticeMustTakeEffectByTheCurrentEndRule(DateOnly servedOn, int months, DateOnly lastDay, DateOnly currentEnd) : IBusinessRule
{
    public bool IsBroken() => lastDay > currentEnd;
    public string Message => $"{months} months' notice served on {Dates.Long(servedOn)} would take effect on {Dates.Long(lastDay)}, after the current end date of {Dates.Long(currentEnd)}: "
        + $"to end the contract by then, notice had to be served by {Dates.Long(Contract.LatestNoticeDate(currentEnd, months))}. Otherwise let it expire.";
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
