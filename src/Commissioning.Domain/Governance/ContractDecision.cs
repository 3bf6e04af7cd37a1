using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// A decision about a contract (award, renewal, extension, variation, continuation, termination)
/// and the governance route it takes: an ordered list of steps, each a body, a date, the action
/// asked of it and the outcome. Steps are kept in date order; same-day steps keep the order given.
/// </summary>
/// <remarks>
/// An <em>approval step</em> is one whose action is <see cref="GovernanceAction.Approve"/> or
/// <see cref="GovernanceAction.Decide"/>: the body is asked to authorise, not to receive, note,
/// consider or recommend. The decision is approved when the route has at least one approval step
/// and every approval step is approved, or was deferred or rejected and a later step at the same
/// body approved it (a paper taken back after deferral).
/// </remarks>
public sealed class ContractDecision : AuditedAggregate
{
    public const int TitleMaxLength = 300;
    public const int ReferenceMaxLength = 30;
    public const int MinuteMaxLength = 4000;

    private readonly List<RouteStep> _steps = [];

    private ContractDecision() { }

    public ContractDecision(int contractId, DecisionDetails details)
    {
        if (contractId <= 0) throw new ArgumentException("A decision must be about a contract in the register.", nameof(contractId));
        ContractId = contractId;
        Describe(details);
    }

    /// <summary>The contract the decision is about; for an award or renewal, the contract it lets.</summary>
    public int ContractId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The decision number, e.g. Kent's "17/00030b".</summary>
    public string? DecisionReference { get; private set; }
    /// <summary>The executive forward plan reference, e.g. B&amp;NES "E 3270".</summary>
    public string? ForwardPlanReference { get; private set; }
    public bool IsKeyDecision { get; private set; }
    /// <summary>Part of the paper is exempt from publication ("Unrestricted – Exempt Appendix").</summary>
    public bool HasExemptAppendix { get; private set; }

    public IReadOnlyList<RouteStep> Steps => _steps;

    public void Describe(DecisionDetails details)
    {
        if (!Enum.IsDefined(details.Kind)) throw new ArgumentOutOfRangeException(nameof(details), details.Kind, "Unknown kind of decision.");
        if (string.IsNullOrWhiteSpace(details.Title)) throw new ArgumentException("A decision must have a title.", nameof(details));
        Kind = details.Kind;
        Title = details.Title.Trim();
        DecisionReference = Blank(details.DecisionReference);
        ForwardPlanReference = Blank(details.ForwardPlanReference);
        IsKeyDecision = details.IsKeyDecision;
        HasExemptAppendix = details.HasExemptAppendix;
    }

    /// <summary>Adds a step for <paramref name="body"/> on <paramref name="date"/>, placed after every step on or before that date.</summary>
    public RouteStep AddStep(DecisionBody body, DateOnly date, GovernanceAction action)
    {
        if (body.Id <= 0) throw new ArgumentException("Save the decision-making body before routing a decision to it.", nameof(body));
        return Insert(new RouteStep(body.Id, body.Name, body.Kind, date, action, meetingId: null));
    }

    /// <summary>Adds a step at a scheduled meeting: the body and date are the meeting's.</summary>
    public RouteStep AddStep(Meeting meeting, GovernanceAction action)
    {
        if (meeting.Id <= 0) throw new ArgumentException("Save the meeting before routing a decision to it.", nameof(meeting));
        return Insert(new RouteStep(meeting.BodyId, meeting.BodyName, meeting.BodyKind, meeting.Date, action, meeting.Id));
    }

    /// <summary>The step at a 1-based position in the route.</summary>
    public RouteStep Step(int position) =>
        position >= 1 && position <= _steps.Count
            ? _steps[position - 1]
            : throw new ArgumentOutOfRangeException(nameof(position), position, $"The route has {_steps.Count} step(s).");

    /// <summary>
    /// Moves a step that has not met yet to a new date, and to its place in date order. A step
    /// linked to a meeting is no longer at that meeting once its date changes, so the link goes.
    /// </summary>
    public void Reschedule(int position, DateOnly date)
    {
        var step = Step(position);
        if (step.Date == date) return;
        MoveToDate(step, date);
        step.MeetingId = null;
    }

    /// <summary>Keeps steps linked to <paramref name="meeting"/> on its date after the meeting is moved.</summary>
    public void FollowMeeting(Meeting meeting)
    {
        foreach (var step in _steps.Where(s => s.MeetingId is { } id && id == meeting.Id && s.Date != meeting.Date).ToList())
            MoveToDate(step, meeting.Date);
    }

    /// <summary>Changes the order of steps; the route must still run in date order, so this orders steps on the same day.</summary>
    public void Move(int position, int newPosition)
    {
        var step = Step(position);
        _ = Step(newPosition);
        var proposed = _steps.ToList();
        proposed.RemoveAt(position - 1);
        proposed.Insert(newPosition - 1, step);
        Check(new RouteMustRunInDateOrderRule(proposed));
        _steps.Clear();
        _steps.AddRange(proposed);
        Renumber();
    }

    public void RemoveStep(int position)
    {
        var step = Step(position);
        Check(new RecordedStepIsHistoryRule(step));
        _steps.Remove(step);
        Renumber();
    }

    /// <summary>
    /// Records what the body did, from the day it met. Recording again corrects the outcome
    /// (the audit trail keeps who changed it).
    /// </summary>
    public void RecordOutcome(int position, StepOutcome outcome, string? minute, DateOnly today)
    {
        var step = Step(position);
        if (!Enum.IsDefined(outcome)) throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome.");
        if (outcome == StepOutcome.Pending) throw new ArgumentException("Record what the meeting did: recommended, approved, noted, deferred or rejected.", nameof(outcome));
        Check(new OutcomeWaitsForTheMeetingRule(step, today));
        step.Outcome = outcome;
        step.Minute = Blank(minute);
        step.OutcomeRecordedOn = today;
    }

    /// <summary>
    /// The approvals the decision still lacks, in route order, each saying which step and why.
    /// Empty once the decision is approved.
    /// </summary>
    public IReadOnlyList<MissingApproval> MissingApprovals()
    {
        var approvalSteps = _steps.Where(s => s.IsApprovalStep).ToList();
        if (approvalSteps.Count == 0) return [MissingApproval.NoApprovalStep];
        return approvalSteps
            .Where(s => s.Outcome != StepOutcome.Approved && !ApprovedLater(s))
            .Select(s => new MissingApproval(s))
            .ToList();
    }

    public bool IsApproved => MissingApprovals().Count == 0;

    /// <summary>The day the last approval was given, once the decision is approved.</summary>
    public DateOnly? ApprovedOn => IsApproved ? _steps.Where(s => s.IsApprovalStep && s.Outcome == StepOutcome.Approved).Max(s => s.Date) : null;

    /// <summary>The steps dated before a meeting, in route order: the cover sheet's "Governance and Reporting" history.</summary>
    public IReadOnlyList<RouteStep> StepsBefore(DateOnly meetingDate) => _steps.Where(s => s.Date < meetingDate).ToList();

    /// <summary>The route's step at a meeting: linked to it, or else the same body on the same day.</summary>
    public RouteStep? StepAt(Meeting meeting) =>
        _steps.FirstOrDefault(s => s.MeetingId is { } id && id == meeting.Id && id > 0)
        ?? _steps.FirstOrDefault(s => s.BodyId == meeting.BodyId && s.Date == meeting.Date);

    /// <summary>
    /// Refuses, with the missing steps named, unless this decision is about
    /// <paramref name="contractId"/> and approved: a contract is not made active on a decision
    /// still waiting for (or refused) approval.
    /// </summary>
    public void EnsureAuthorises(int contractId)
    {
        Check(new DecisionMustBeForTheContractRule(this, contractId));
        Check(new DecisionMustBeApprovedRule(this));
    }

    private bool ApprovedLater(RouteStep step) =>
        _steps.Any(s => s.Position > step.Position && s.BodyId == step.BodyId && s.IsApprovalStep && s.Outcome == StepOutcome.Approved);

    private void MoveToDate(RouteStep step, DateOnly date)
    {
        Check(new RecordedStepIsHistoryRule(step));
        _steps.Remove(step);
        step.Date = date;
        Insert(step);
    }

    private RouteStep Insert(RouteStep step)
    {
        var at = _steps.FindLastIndex(s => s.Date <= step.Date) + 1;
        _steps.Insert(at, step);
        Renumber();
        return step;
    }

    private void Renumber()
    {
        for (var i = 0; i < _steps.Count; i++) _steps[i].Position = i + 1;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record DecisionDetails(
    DecisionKind Kind,
    string Title,
    string? DecisionReference = null,
    string? ForwardPlanReference = null,
    bool IsKeyDecision = false,
    bool HasExemptAppendix = false);

/// <summary>One step of a governance route: a body, the day it meets (or decides), what it is asked and what it did.</summary>
public sealed class RouteStep : Entity
{
    private RouteStep() { }

    internal RouteStep(int bodyId, string bodyName, DecisionBodyKind bodyKind, DateOnly date, GovernanceAction action, int? meetingId)
    {
        if (!Enum.IsDefined(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");
        BodyId = bodyId;
        BodyName = bodyName;
        BodyKind = bodyKind;
        Date = date;
        Action = action;
        MeetingId = meetingId;
        Outcome = StepOutcome.Pending;
    }

    /// <summary>1-based place in the route.</summary>
    public int Position { get; internal set; }
    public int BodyId { get; private set; }
    /// <summary>The body's name when the step was added: the history keeps the name it had then.</summary>
    public string BodyName { get; private set; } = "";
    public DecisionBodyKind BodyKind { get; private set; }
    public DateOnly Date { get; internal set; }
    public GovernanceAction Action { get; private set; }
    public StepOutcome Outcome { get; internal set; }
    public string? Minute { get; internal set; }
    public DateOnly? OutcomeRecordedOn { get; internal set; }
    public int? MeetingId { get; internal set; }

    /// <summary>The body is asked to approve or decide, so the decision needs its approval.</summary>
    public bool IsApprovalStep => Action is GovernanceAction.Approve or GovernanceAction.Decide;

    public bool HasOutcome => Outcome != StepOutcome.Pending;

    /// <summary>"Cabinet on 24/03/2021".</summary>
    public override string ToString() => $"{BodyName} on {Dates.Long(Date)}";
}

/// <summary>An approval the decision lacks: which step, and in words, why it does not count yet.</summary>
public sealed record MissingApproval(RouteStep? Step, string Description)
{
    internal static readonly MissingApproval NoApprovalStep =
        new(null, "no step in the governance route approves or decides it: add the body that takes the decision");

    internal MissingApproval(RouteStep step) : this(step, Describe(step)) { }

    private static string Describe(RouteStep step) =>
        $"{step} (asked to {step.Action.ToText().ToLowerInvariant()}, {(step.Outcome == StepOutcome.Pending ? "outcome pending" : step.Outcome.ToText().ToLowerInvariant())})";
}
