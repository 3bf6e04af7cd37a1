using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance;

/// <summary>
/// The forward plan: meetings from today with what goes to each (agenda items, and decisions
/// routed there but not yet on the agenda), and the key decisions due in the next 28 days.
/// </summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    public ForwardPlan Plan { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> References { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        // Tracked on purpose: agendas and routes are put back in position order only as tracked rows load (OwnedCollectionOrder).
        var meetings = await db.Meetings.Where(m => m.Date >= today).ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var onAgendas = meetings.SelectMany(m => m.Agenda).Select(i => i.ContractDecisionId).OfType<int>().Distinct().ToList();
        // The decisions the plan can mention: on an upcoming agenda, routed to an upcoming meeting, or with a step from today.
        var decisions = await db.ContractDecisions
            .Where(d => onAgendas.Contains(d.Id) || d.Steps.Any(s => s.Date >= today || (s.MeetingId != null && meetingIds.Contains(s.MeetingId.Value))))
            .ToListAsync(ct);
        Plan = ForwardPlan.Build(today, meetings, decisions);
        References = await GovernanceDisplay.ContractReferencesAsync(db, decisions.Select(d => d.ContractId), ct);
    }
}
