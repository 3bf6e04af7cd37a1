using Commissioning.Domain.Governance;

namespace Commissioning.Web.ViewComponents;

/// <summary>
/// The governance section of the contract page: the contract's decisions with their approval
/// and route, and a link to every cover sheet written for them.
/// </summary>
public sealed class ContractGovernanceViewComponent(CommissioningDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Sheet(int Id, int DecisionId, string MeetingTitle, DateOnly MeetingDate);

    public sealed record Model(int ContractId, IReadOnlyList<(ContractDecision Decision, IReadOnlyList<Sheet> Sheets)> Decisions, bool CanEdit);

    public async Task<IViewComponentResult> InvokeAsync(int contractId)
    {
        var ct = HttpContext.RequestAborted;
        // Tracked on purpose: routes are put back in position order only as tracked rows load (OwnedCollectionOrder).
        var decisions = await db.ContractDecisions.Where(d => d.ContractId == contractId).OrderBy(d => d.Id).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        // Most contracts have no decision yet: no cover sheets to look for.
        var sheets = ids.Count == 0 ? [] : await db.CoverSheets.AsNoTracking().Where(s => s.ContractDecisionId != null && ids.Contains(s.ContractDecisionId.Value))
            .Join(db.Meetings, s => s.MeetingId, m => m.Id, (s, m) => new Sheet(s.Id, s.ContractDecisionId!.Value, m.Title, m.Date))
            .ToListAsync(ct);
        var canEdit = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.EditGovernance)).Succeeded;
        var rows = decisions
            .Select(d => (d, (IReadOnlyList<Sheet>)sheets.Where(s => s.DecisionId == d.Id).OrderBy(s => s.MeetingDate).ToList()))
            .ToList();
        return View(new Model(contractId, rows, canEdit));
    }
}
