using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

// What happens to a contract once it is let: renewal, extension, continuation, variation, termination and
// withdrawal, with the rules they check. The event records that keep the history (Lifecycle/) build on these;
// nothing here refers back to them, so Contracts does not depend on Lifecycle.
public abstract partial class Contract
{
    /// <summary>Links this (new) contract as the renewal of <paramref name="predecessor"/>.</summary>
    public void Renews(Contract predecessor)
    {
        Check(new SuccessorMustStartAfterPredecessorRule(predecessor, StartDate));
        PredecessorId = predecessor.Id;
    }

    /// <summary>Extending by N months is a term of N months from the day after the end: 30 April + 1 month ends 31 May.</summary>
    public static DateOnly Extend(DateOnly end, int months) => months == 0 ? end : DateRange.OfMonths(end.AddDays(1), months).End;

    /// <summary>The first extension option not yet exercised, or null when none is left.</summary>
    // A method, not a property, so that EF Core never mistakes it for a navigation to the owned options.
    public ExtensionOption? NextExtensionOption() => _extensionOptions.OrderBy(o => o.Sequence).FirstOrDefault(o => !o.IsExercised);

    /// <summary>Exercises the next extension option in order and returns the new current end date.</summary>
    public DateOnly ExerciseNextOption()
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ContractMustHaveAnExtensionOptionLeftRule(this));
        return ExerciseOption(NextExtensionOption()!.Sequence);
    }

    /// <summary>
    /// Exercises option <paramref name="sequence"/> (numbered from 1) and returns the new current end date.
    /// The option runs from the day after the current end, so it follows any earlier continuation.
    /// </summary>
    public DateOnly ExerciseOption(int sequence)
    {
        Check(new ContractMustHaveTheExtensionOptionRule(this, sequence));
        var option = _extensionOptions.Single(o => o.Sequence == sequence);
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ExtensionOptionCannotBeUsedTwiceRule(option));
        Check(new ExtensionOptionsMustBeExercisedInOrderRule(_extensionOptions, option));
        var newEnd = Extend(CurrentEndDate, option.Months);
        Check(new ExtensionCannotExceedMaximumEndDateRule(newEnd, MaximumEndDate));
        _extensionOptions[_extensionOptions.IndexOf(option)] = new ExtensionOption(option.Sequence, option.Months, isExercised: true);
        CurrentEndDate = newEnd;
        return newEnd;
    }

    /// <summary>
    /// Continues the contract to <paramref name="newEnd"/> outside its options (a negotiated continuation).
    /// The maximum end date grows with it when the continuation runs past it.
    /// </summary>
    public void ContinueTo(DateOnly newEnd)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ContinuationMustMoveTheEndLaterRule(CurrentEndDate, newEnd));
        CurrentEndDate = newEnd;
        if (newEnd > MaximumEndDate) MaximumEndDate = newEnd;
    }

    /// <summary>Applies a variation's new annual value and/or new end date; either may be left as it is.</summary>
    public void Vary(Money? newAnnualValue, DateOnly? newEndDate)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        if (newEndDate is { } end) Check(new VariedEndCannotBeBeforeTheStartRule(StartDate, end));
        if (newAnnualValue is { } value && this is LeadProviderContract lead)
            Check(new SubContractsCannotExceedContractValueRule(value, lead.SubContracts));
        if (newEndDate is { } e)
        {
            CurrentEndDate = e;
            if (e > MaximumEndDate) MaximumEndDate = e;
        }
        if (newAnnualValue is { } v) AnnualValuePence = v.Pence;
    }

    /// <summary>
    /// Terminates on notice served on <paramref name="servedOn"/> and returns the last day the contract is in force.
    /// Without <paramref name="takesEffectOn"/> the notice ends the contract as early as the notice period allows.
    /// A party may give more notice than the contract requires, never less.
    /// </summary>
    public DateOnly TerminateByNotice(DateOnly servedOn, string reason, int? noticeMonths = null, DateOnly? takesEffectOn = null)
    {
        var months = noticeMonths ?? NoticePeriodMonths;
        if (months is < 0 or > MaxNoticeMonths)
            throw new ArgumentOutOfRangeException(nameof(noticeMonths), months, $"A notice period must be between 0 and {MaxNoticeMonths} months.");
        Check(new EventNeedsAReasonRule(reason, "a termination"));
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new NoticeCannotBeShorterThanTheNoticePeriodRule(NoticePeriodMonths, months));
        var earliest = NoticeEndsOn(servedOn, months);
        var lastDay = takesEffectOn ?? earliest;
        Check(new NoticeMustBeServedBeforeItTakesEffectRule(servedOn, lastDay));
        Check(new NoticeMustRunItsFullPeriodRule(servedOn, months, earliest, lastDay));
        Check(new TerminationCannotTakeEffectBeforeTheStartRule(StartDate, lastDay));
        Check(new NoticeMustTakeEffectByTheCurrentEndRule(servedOn, months, lastDay, CurrentEndDate));
        Terminate(lastDay, reason);
        return lastDay;
    }

    /// <summary>Ends the contract by breach or by agreement on <paramref name="lastDay"/>, checking the named rules first.</summary>
    public DateOnly TerminateOn(DateOnly lastDay, string reason)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new EventNeedsAReasonRule(reason, "a termination"));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new TerminationCannotTakeEffectBeforeTheStartRule(StartDate, lastDay));
        Check(new TerminationMustTakeEffectByTheCurrentEndRule(CurrentEndDate, lastDay));
        Terminate(lastDay, reason);
        return lastDay;
    }

    /// <summary>
    /// The last day in force after <paramref name="months"/> months' notice served on <paramref name="servedOn"/>:
    /// a term of that many months from the day of service, so 12 months from 1 April 2030 ends 31 March 2031.
    /// </summary>
    public static DateOnly NoticeEndsOn(DateOnly servedOn, int months) => months == 0 ? servedOn : DateRange.OfMonths(servedOn, months).End;

    /// <summary>The last day notice can be served to end a contract on <paramref name="end"/>; the rule behind <see cref="NoticeDeadline"/>.</summary>
    public static DateOnly LatestNoticeDate(DateOnly end, int months) => end.AddDays(1).AddMonths(-months);

    /// <summary>
    /// Ends the contract early: it is in force to <paramref name="lastDay"/>, then terminated. Private because it
    /// checks nothing: <see cref="TerminateOn"/> and <see cref="TerminateByNotice"/> check their rules, then call it.
    /// </summary>
    private void Terminate(DateOnly lastDay, string reason)
    {
        TerminatedOn = lastDay;
        TerminationReason = reason.Trim();
    }

    /// <summary>
    /// Withdraws a contract entered in error: it leaves the register but nothing is deleted, and its page and
    /// history stay open to administrators. A withdrawal is final.
    /// </summary>
    public void Withdraw(string reason, Actor by, DateTime atUtc)
    {
        Check(new ContractAlreadyWithdrawnRule(this));
        Check(new EventNeedsAReasonRule(reason, "a withdrawal"));
        if (reason.Trim().Length > WithdrawalReasonMaxLength)
            throw new ArgumentException($"A withdrawal reason can be at most {WithdrawalReasonMaxLength} characters.", nameof(reason));
        WithdrawnAtUtc = atUtc;
        WithdrawalReason = reason.Trim();
        WithdrawnById = by.UserId;
        WithdrawnByName = by.Name;
    }
}

// Dates in messages are written the councils' way: 31 March 2031.

public sealed class SuccessorMustStartAfterPredecessorRule(Contract predecessor, DateOnly successorStart) : IBusinessRule
{
    public bool IsBroken() => successorStart <= predecessor.StartDate;
    public string Message => $"A renewal must start after the contract it renews ({predecessor.Reference} starts {Dates.Long(predecessor.StartDate)}).";
}

/// <summary><c>what</c> names the event with its article: "an extension", "a termination".</summary>
public sealed class EventNeedsAReasonRule(string? reason, string what) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
    public string Message => $"{char.ToUpperInvariant(what[0])}{what[1..]} needs a reason.";
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

// The two below end without a full stop: the pages show them at a field, where messages read as instructions.

public sealed class ContractMustHaveTheExtensionOptionRule(Contract contract, int sequence) : IBusinessRule
{
    public bool IsBroken() => contract.ExtensionOptions.All(o => o.Sequence != sequence);
    public string Message => $"The contract has no extension option {sequence}: choose one of its options";
}

public sealed class VariedEndCannotBeBeforeTheStartRule(DateOnly start, DateOnly newEnd) : IBusinessRule
{
    public bool IsBroken() => newEnd < start;
    public string Message => $"The new end date, {Dates.Long(newEnd)}, is before the contract starts on {Dates.Long(start)}";
}
