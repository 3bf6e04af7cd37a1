using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>Every contract decision with where its approval stands.</summary>
public sealed class IndexModel(CommissioningDbContext db) : PageModel
{
    public IReadOnlyList<ContractDecision> Decisions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> References { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Tracked on purpose: routes are put back in position order only as tracked rows load (OwnedCollectionOrder).
        var decisions = await db.ContractDecisions.ToListAsync(ct);
        References = await GovernanceDisplay.ContractReferencesAsync(db, decisions.Select(d => d.ContractId), ct);
        // Waiting decisions first (they need the secretary), then by contract.
        Decisions = decisions.OrderBy(d => d.IsApproved).ThenBy(d => References.GetValueOrDefault(d.ContractId)).ThenBy(d => d.Title).ToList();
    }
}
