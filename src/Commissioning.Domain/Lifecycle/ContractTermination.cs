using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

public enum TerminationKind { Notice, Breach, Agreement, NaturalExpiry }

/// <summary>
/// How a contract ended, and its last day in force. Notice, breach and agreement end it early;
/// natural expiry records that it ran to its current end date, so its status stays "expired".
/// </summary>
public sealed class ContractTermination : ContractEvent
{
    private ContractTermination() { }

    private ContractTermination(Contract contract, EventRecord record, bool decisionRequired)
        : base(contract, record, "a termination", decisionRequired) { }

    public override ContractEventKind Kind => ContractEventKind.Termination;

    public TerminationKind TerminationKind { get; private set; }
    public DateOnly? NoticeServedOn { get; private set; }
    public int? NoticePeriodMonths { get; private set; }
    /// <summary>The last day the contract is in force.</summary>
    public DateOnly LastDay { get; private set; }

    /// <summary>
    /// Notice served on <see cref="EventRecord.EventDate"/>: the contract ends when the notice runs out, or on
    /// <paramref name="takesEffectOn"/> if the notice names a later day.
    /// </summary>
    public static ContractTermination ByNotice(Contract contract, EventRecord record, int? noticeMonths = null, DateOnly? takesEffectOn = null)
    {
        var ev = new ContractTermination(contract, record, decisionRequired: true);
        var months = noticeMonths ?? contract.NoticePeriodMonths;
        ev.LastDay = contract.TerminateByNotice(record.EventDate, record.Reason, months, takesEffectOn);
        ev.TerminationKind = TerminationKind.Notice;
        ev.NoticeServedOn = record.EventDate;
        ev.NoticePeriodMonths = months;
        return ev;
    }

    /// <summary>Ends the contract for breach, its last day in force <paramref name="lastDay"/>.</summary>
    public static ContractTermination ForBreach(Contract contract, EventRecord record, DateOnly lastDay) =>
        Early(contract, record, lastDay, TerminationKind.Breach);

    /// <summary>Ends the contract by agreement of the parties, its last day in force <paramref name="lastDay"/>.</summary>
    public static ContractTermination ByAgreement(Contract contract, EventRecord record, DateOnly lastDay) =>
        Early(contract, record, lastDay, TerminationKind.Agreement);

    /// <summary>
    /// Records that the contract runs to its current end date and is not extended. No decision is required
    /// (letting a contract expire may need none), but a reason is. <paramref name="alreadyRecorded"/> says whether
    /// an expiry on the current end date is already in the history: the contract does not hold its events.
    /// </summary>
    public static ContractTermination NaturalExpiry(Contract contract, EventRecord record, bool alreadyRecorded = false)
    {
        var ev = new ContractTermination(contract, record, decisionRequired: false);
        Check(new WithdrawnContractCannotChangeRule(contract));
        Check(new TerminatedContractCannotChangeRule(contract));
        Check(new ExpiryCannotBeRecordedTwiceRule(alreadyRecorded, contract.CurrentEndDate));
        ev.TerminationKind = TerminationKind.NaturalExpiry;
        ev.LastDay = contract.CurrentEndDate;
        return ev;
    }

    private static ContractTermination Early(Contract contract, EventRecord record, DateOnly lastDay, TerminationKind kind)
    {
        var ev = new ContractTermination(contract, record, decisionRequired: true);
        ev.LastDay = contract.TerminateOn(lastDay, record.Reason);
        ev.TerminationKind = kind;
        return ev;
    }
}
