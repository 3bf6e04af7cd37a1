using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>A contract is not made active on a decision whose route still waits for, or was refused, an approval.</summary>
public sealed class DecisionMustBeApprovedRule(ContractDecision decision) : IBusinessRule
{
    public bool IsBroken() => decision.MissingApprovals().Count > 0;

    public string Message =>
        $"The {decision.Kind.ToText().ToLowerInvariant()} decision '{decision.Title}' is not approved yet, so the contract cannot be made active on it. " +
        $"Missing: {string.Join("; ", decision.MissingApprovals().Select(m => m.Description))}.";
}

public sealed class DecisionMustBeForTheContractRule(ContractDecision decision, int contractId) : IBusinessRule
{
    public bool IsBroken() => decision.ContractId != contractId;
    public string Message => $"The decision '{decision.Title}' is about another contract: choose a decision about this one.";
}

/// <summary>Steps run in date order; steps on the same day may come in any order.</summary>
public sealed class RouteMustRunInDateOrderRule(IReadOnlyList<RouteStep> steps) : IBusinessRule
{
    private (RouteStep Earlier, RouteStep Later)? FirstClash =>
        steps.Zip(steps.Skip(1)).Where(p => p.Second.Date < p.First.Date).Select(p => ((RouteStep, RouteStep)?)(p.First, p.Second)).FirstOrDefault();

    public bool IsBroken() => FirstClash is not null;

    public string Message => FirstClash is { } clash
        ? $"{clash.Later} cannot come after {clash.Earlier}: the route runs in date order. Change the date instead."
        : "";
}

/// <summary>An outcome is what a body did, so it can only be recorded once the body has met.</summary>
public sealed class OutcomeWaitsForTheMeetingRule(RouteStep step, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => today < step.Date;
    public string Message => $"{step.BodyName} meets on {Dates.Long(step.Date)}: its outcome can be recorded from that day.";
}

/// <summary>A step with a recorded outcome happened: it is kept, on its date.</summary>
public sealed class RecordedStepIsHistoryRule(RouteStep step) : IBusinessRule
{
    public bool IsBroken() => step.HasOutcome;
    public string Message => $"{step} has its outcome recorded ({step.Outcome.ToText().ToLowerInvariant()}), so it is part of the history and cannot be moved or removed.";
}

public sealed class AgendaItemNumbersMustBeUniqueRule(Meeting meeting, string? number, AgendaItem? except) : IBusinessRule
{
    public bool IsBroken() =>
        number is not null && meeting.Agenda.Any(i => !ReferenceEquals(i, except) && string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase));

    public string Message => $"Item {number} is already on the agenda for {meeting.Title} on {Dates.Long(meeting.Date)}: choose another item number.";
}

public sealed class DecisionCanBeOnAnAgendaOnceRule(Meeting meeting, int contractDecisionId) : IBusinessRule
{
    public bool IsBroken() => meeting.Agenda.Any(i => i.ContractDecisionId == contractDecisionId);
    public string Message => $"This decision is already on the agenda for {meeting.Title} on {Dates.Long(meeting.Date)}.";
}

/// <summary>Issued versions are frozen: there must be a draft to issue.</summary>
public sealed class CoverSheetMustHaveADraftRule(CoverSheet sheet) : IBusinessRule
{
    public bool IsBroken() => sheet.Draft is null;
    public string Message => $"Version {sheet.Current.Number} is already issued and nothing has changed since: edit the cover sheet to start version {sheet.Current.Number + 1}.";
}

/// <summary>A cover sheet is issued only when nothing is missing; the message lists every missing item.</summary>
public sealed class CoverSheetMustBeCompleteRule(IReadOnlyList<string> problems) : IBusinessRule
{
    public bool IsBroken() => problems.Count > 0;
    public string Message => "The cover sheet cannot be issued yet:" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p));
}

/// <summary>An issued version is what went into the agenda pack; it never changes.</summary>
public sealed class IssuedVersionIsFrozenRule(CoverSheetVersion version) : IBusinessRule
{
    public bool IsBroken() => version.Status == CoverSheetVersionStatus.Issued;
    public string Message => $"Version {version.Number} was issued on {Dates.Long(version.IssuedAtUtc!.Value)} and cannot be changed; edits start a new version.";
}

public sealed class AgendaItemWithACoverSheetStaysRule(AgendaItem item, IReadOnlyCollection<int> itemsWithCoverSheets) : IBusinessRule
{
    public bool IsBroken() => itemsWithCoverSheets.Contains(item.Id);
    public string Message => $"{item.Title} has a cover sheet, so it stays on the agenda: its cover sheet versions belong to this item.";
}
