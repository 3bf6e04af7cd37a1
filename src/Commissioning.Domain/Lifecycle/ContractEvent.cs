using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

public enum ContractEventKind { ExtensionExercised, Variation, NegotiatedContinuation, Termination }

/// <summary>
/// What every lifecycle event carries: the day it happens, why, the decision that authorised it
/// (free text: a decision number such as 17/00030b, or the meeting and date), who recorded it and when (UTC).
/// <paramref name="AuthorisingDecisionId"/> links the decision when it is one of the contract's decisions in the register.
/// </summary>
public sealed record EventRecord(DateOnly EventDate, string Reason, string? AuthorisingDecision, Actor RecordedBy, DateTime RecordedAtUtc,
    int? AuthorisingDecisionId = null);

/// <summary>
/// One thing that happened to a contract: an option exercised, a variation, a negotiated continuation
/// or a termination. Events are never edited or deleted: the history is the record. Each kind is
/// its own subclass so that it carries only the details that belong to it.
/// </summary>
public abstract class ContractEvent : Entity
{
    public const int ReasonMaxLength = 4000;
    public const int DecisionMaxLength = 200;

    protected ContractEvent() { }

    protected ContractEvent(Contract contract, EventRecord record, string what, bool decisionRequired = true)
    {
        Check(new EventNeedsAReasonRule(record.Reason, what));
        if (decisionRequired) Check(new EventNeedsAnAuthorisingDecisionRule(record.AuthorisingDecision, what));
        if (record.Reason.Trim().Length > ReasonMaxLength)
            throw new ArgumentException($"A reason can be at most {ReasonMaxLength} characters.", nameof(record));
        if ((record.AuthorisingDecision ?? "").Trim().Length > DecisionMaxLength)
            throw new ArgumentException($"An authorising decision can be at most {DecisionMaxLength} characters.", nameof(record));
        ContractId = contract.Id;
        EventDate = record.EventDate;
        Reason = record.Reason.Trim();
        AuthorisingDecision = string.IsNullOrWhiteSpace(record.AuthorisingDecision) ? null : record.AuthorisingDecision.Trim();
        AuthorisingDecisionId = record.AuthorisingDecisionId;
        RecordedById = record.RecordedBy.UserId;
        RecordedByName = record.RecordedBy.Name;
        RecordedAtUtc = record.RecordedAtUtc;
    }

    public abstract ContractEventKind Kind { get; }

    public int ContractId { get; private set; }
    public DateOnly EventDate { get; private set; }
    public string Reason { get; private set; } = "";
    public string? AuthorisingDecision { get; private set; }
    /// <summary>The register's decision record behind <see cref="AuthorisingDecision"/>, when there is one.</summary>
    public int? AuthorisingDecisionId { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public Actor RecordedBy => new(RecordedById, RecordedByName);
    public DateTime RecordedAtUtc { get; private set; }

    protected void SetDecision(string decision, int? decisionId)
    {
        AuthorisingDecision = decision;
        AuthorisingDecisionId = decisionId;
    }
}

/// <summary>An extension option exercised: the current end date moves on by the option's months.</summary>
public sealed class ExtensionExercised : ContractEvent
{
    private ExtensionExercised() { }

    private ExtensionExercised(Contract contract, EventRecord record) : base(contract, record, "an extension") { }

    public override ContractEventKind Kind => ContractEventKind.ExtensionExercised;

    public int OptionSequence { get; private set; }
    public int Months { get; private set; }
    public DateOnly EndDateBefore { get; private set; }
    public DateOnly EndDateAfter { get; private set; }

    /// <summary>Exercises the contract's next option, in order, and records it.</summary>
    public static ExtensionExercised Next(Contract contract, EventRecord record)
    {
        Check(new WithdrawnContractCannotChangeRule(contract));
        Check(new TerminatedContractCannotChangeRule(contract));
        Check(new ContractMustHaveAnExtensionOptionLeftRule(contract));
        return Option(contract, contract.NextExtensionOption()!.Sequence, record);
    }

    /// <summary>Exercises option <paramref name="sequence"/> and records it; refused out of order or if already used.</summary>
    public static ExtensionExercised Option(Contract contract, int sequence, EventRecord record)
    {
        // The option is the form's first question: a missing one is named before the reason and decision.
        Check(new ContractMustHaveTheExtensionOptionRule(contract, sequence));
        var ev = new ExtensionExercised(contract, record); // checks reason and decision before the contract changes
        var before = contract.CurrentEndDate;
        var after = contract.ExerciseOption(sequence);
        ev.OptionSequence = sequence;
        ev.Months = contract.ExtensionOptions.Single(o => o.Sequence == sequence).Months;
        ev.EndDateBefore = before;
        ev.EndDateAfter = after;
        return ev;
    }
}
