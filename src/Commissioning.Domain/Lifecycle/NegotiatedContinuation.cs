using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

public enum ContinuationStatus { Draft, Approved }

/// <summary>
/// Why a contract is continued outside competition, the legal risk that was noted (Kent: "likely to be
/// operating outside of the procurement regulations") and who approved it, when.
/// </summary>
public sealed record SingleSourceJustification(string Text, string LegalRisk, string ApprovedBy, DateOnly ApprovedOn);

/// <summary>
/// A contract continued to a new end date by negotiation, outside a fresh competition (Kent, decision
/// 17/00030b: homecare contracts continued to 31 May 2019). A draft changes nothing; only an approved
/// continuation, which needs a complete single source justification, moves the contract's end date.
/// </summary>
public sealed class NegotiatedContinuation : ContractEvent
{
    public const int JustificationMaxLength = 8000;
    public const int ApproverMaxLength = 200;

    private NegotiatedContinuation() { }

    private NegotiatedContinuation(Contract contract, EventRecord record) : base(contract, record, "a continuation", decisionRequired: false) { }

    public override ContractEventKind Kind => ContractEventKind.NegotiatedContinuation;

    public ContinuationStatus Status { get; private set; }
    public DateOnly EndDateBefore { get; private set; }
    public DateOnly NewEndDate { get; private set; }
    public string? JustificationText { get; private set; }
    public string? LegalRisk { get; private set; }
    public string? JustificationApprovedBy { get; private set; }
    public DateOnly? JustificationApprovedOn { get; private set; }

    public SingleSourceJustification? Justification =>
        JustificationText is null ? null : new(JustificationText, LegalRisk ?? "", JustificationApprovedBy ?? "", JustificationApprovedOn ?? default);

    /// <summary>Drafts a continuation; the justification may follow. The contract is not changed yet.</summary>
    public static NegotiatedContinuation Draft(Contract contract, DateOnly newEndDate, EventRecord record, SingleSourceJustification? justification = null)
    {
        var ev = new NegotiatedContinuation(contract, record);
        Check(new WithdrawnContractCannotChangeRule(contract));
        Check(new TerminatedContractCannotChangeRule(contract));
        Check(new ContinuationMustMoveTheEndLaterRule(contract.CurrentEndDate, newEndDate));
        ev.Status = ContinuationStatus.Draft;
        ev.EndDateBefore = contract.CurrentEndDate;
        ev.NewEndDate = newEndDate;
        if (justification is not null) ev.Justify(justification);
        return ev;
    }

    /// <summary>Records a continuation already decided: drafts it and approves it at once.</summary>
    public static NegotiatedContinuation Approved(Contract contract, DateOnly newEndDate, SingleSourceJustification justification, EventRecord record)
    {
        Check(new ContinuationNeedsASingleSourceJustificationRule(justification));
        var ev = Draft(contract, newEndDate, record, justification);
        ev.Approve(contract);
        return ev;
    }

    /// <summary>
    /// The draft a person is completing, as found among <paramref name="contract"/>'s drafts: refused when it was
    /// not found (approved meanwhile, or never one of this contract's), so a second click approves nothing twice.
    /// </summary>
    public static NegotiatedContinuation DraftToComplete(Contract contract, NegotiatedContinuation? found)
    {
        Check(new ContinuationDraftMustStillBeOpenRule(found, contract));
        return found!;
    }

    /// <summary>Attaches or replaces the justification while the continuation is a draft.</summary>
    public void Justify(SingleSourceJustification justification)
    {
        Check(new OnlyADraftContinuationCanBeApprovedRule(this));
        if ((justification.Text ?? "").Trim().Length > JustificationMaxLength || (justification.LegalRisk ?? "").Trim().Length > JustificationMaxLength)
            throw new ArgumentException($"A justification and its legal risk can each be at most {JustificationMaxLength} characters.", nameof(justification));
        if ((justification.ApprovedBy ?? "").Trim().Length > ApproverMaxLength)
            throw new ArgumentException($"An approver can be at most {ApproverMaxLength} characters.", nameof(justification));
        JustificationText = (justification.Text ?? "").Trim();
        LegalRisk = (justification.LegalRisk ?? "").Trim();
        JustificationApprovedBy = (justification.ApprovedBy ?? "").Trim();
        JustificationApprovedOn = justification.ApprovedOn;
    }

    /// <summary>
    /// Approves the continuation and moves the contract's end date. Refused without a complete single source
    /// justification or an authorising decision; <paramref name="authorisingDecision"/> fills one the draft lacked.
    /// </summary>
    public DateOnly Approve(Contract contract, string? authorisingDecision = null, int? authorisingDecisionId = null)
    {
        Check(new OnlyADraftContinuationCanBeApprovedRule(this));
        Check(new ContinuationMustBelongToTheContractRule(this, contract));
        Check(new ContinuationNeedsASingleSourceJustificationRule(Justification));
        var decision = string.IsNullOrWhiteSpace(authorisingDecision) ? AuthorisingDecision : authorisingDecision.Trim();
        Check(new EventNeedsAnAuthorisingDecisionRule(decision, "a continuation"));
        if (decision!.Length > DecisionMaxLength)
            throw new ArgumentException($"An authorising decision can be at most {DecisionMaxLength} characters.", nameof(authorisingDecision));
        var before = contract.CurrentEndDate; // the end may have moved since the draft
        contract.ContinueTo(NewEndDate);
        EndDateBefore = before;
        SetDecision(decision, string.IsNullOrWhiteSpace(authorisingDecision) ? AuthorisingDecisionId : authorisingDecisionId);
        Status = ContinuationStatus.Approved;
        return NewEndDate;
    }
}
