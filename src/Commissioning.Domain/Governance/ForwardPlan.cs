namespace Commissioning.Domain.Governance;

/// <summary>
/// The forward plan page: meetings to come with the items going to each, and the key decisions
/// due to be taken in the next <see cref="KeyDecisionNoticeDays"/> days (the notice a key
/// decision must be given on the forward plan).
/// </summary>
public sealed record ForwardPlan(DateOnly Today, IReadOnlyList<ForwardPlanMeeting> Meetings, IReadOnlyList<ForwardPlanKeyDecision> KeyDecisions)
{
    public const int KeyDecisionNoticeDays = 28;

    /// <summary>The last day of the key-decision window: today and the 28 days after it.</summary>
    public DateOnly KeyDecisionsUntil => Today.AddDays(KeyDecisionNoticeDays);

    /// <summary>
    /// Builds the plan from today onwards (to <paramref name="until"/>, if given). A meeting's items
    /// are its agenda, then any decision whose route is linked to that meeting but which is not
    /// on the agenda yet, so the board secretary sees what is still to be added.
    /// </summary>
    public static ForwardPlan Build(DateOnly today, IEnumerable<Meeting> meetings, IEnumerable<ContractDecision> decisions, DateOnly? until = null)
    {
        var decisionList = decisions.ToList();
        var byId = decisionList.Where(d => d.Id > 0).ToDictionary(d => d.Id);

        var upcoming = meetings
            .Where(m => m.Date >= today && (until is null || m.Date <= until))
            .OrderBy(m => m.Date).ThenBy(m => m.Title, StringComparer.CurrentCulture)
            .Select(m => new ForwardPlanMeeting(m, ItemsFor(m, byId, decisionList)))
            .ToList();

        var windowEnd = today.AddDays(KeyDecisionNoticeDays);
        var keyDecisions = decisionList
            .Where(d => d.IsKeyDecision)
            .SelectMany(d => d.Steps
                .Where(s => s.IsApprovalStep && s.Outcome == StepOutcome.Pending && s.Date >= today && s.Date <= windowEnd)
                .Select(s => new ForwardPlanKeyDecision(d, s)))
            .OrderBy(k => k.Step.Date).ThenBy(k => k.Decision.Title, StringComparer.CurrentCulture)
            .ToList();

        return new ForwardPlan(today, upcoming, keyDecisions);
    }

    private static List<ForwardPlanItem> ItemsFor(Meeting meeting, Dictionary<int, ContractDecision> byId, List<ContractDecision> decisions)
    {
        var items = meeting.Agenda
            .Select(i => new ForwardPlanItem(i.Number, i.Title, i.Action,
                i.ContractDecisionId is { } id && byId.TryGetValue(id, out var d) ? d : null, OnAgenda: true))
            .ToList();
        var onAgenda = meeting.Agenda.Select(i => i.ContractDecisionId).OfType<int>().ToHashSet();
        items.AddRange(decisions
            .Where(d => !onAgenda.Contains(d.Id))
            .Select(d => (Decision: d, Step: d.Steps.FirstOrDefault(s => s.MeetingId == meeting.Id && meeting.Id > 0)))
            .Where(x => x.Step is not null)
            .Select(x => new ForwardPlanItem(null, x.Decision.Title, x.Step!.Action, x.Decision, OnAgenda: false)));
        return items;
    }
}

public sealed record ForwardPlanMeeting(Meeting Meeting, IReadOnlyList<ForwardPlanItem> Items);

/// <summary>An item going to a meeting; <see cref="OnAgenda"/> is false for a decision routed to the meeting but not yet on its agenda.</summary>
public sealed record ForwardPlanItem(string? ItemNumber, string Title, GovernanceAction Action, ContractDecision? Decision, bool OnAgenda);

/// <summary>A key decision due in the window, and the step that takes it.</summary>
public sealed record ForwardPlanKeyDecision(ContractDecision Decision, RouteStep Step)
{
    /// <summary>A key decision should be on the forward plan; this one has no forward plan reference yet.</summary>
    public bool LacksForwardPlanReference => Decision.ForwardPlanReference is null;
}
