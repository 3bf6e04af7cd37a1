using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// What a new cover sheet starts with, whichever page starts it (the item's "Create cover sheet" or the agenda's
/// "Add an item" with "Start a cover sheet"): the presenter the agenda names for this meeting; the author and leads,
/// and the presenter if the agenda names none, from the last sheet for the same decision (who wrote and presents a
/// paper rarely changes between meetings on one decision). Null when there is nothing to carry over.
/// </summary>
public static class StartingContent
{
    public static async Task<CoverSheetContent?> ForAsync(CommissioningDbContext db, int? decisionId, string? presenter, CancellationToken ct)
    {
        presenter = string.IsNullOrWhiteSpace(presenter) ? null : presenter.Trim();
        CoverSheetVersion? last = null;
        if (decisionId is { } id)
        {
            var earlier = await db.CoverSheets.AsNoTracking().Where(s => s.ContractDecisionId == id).ToListAsync(ct);
            last = earlier.Select(s => s.Current).OrderByDescending(v => v.MeetingDate).FirstOrDefault();
        }
        if (last is null && presenter is null) return null;
        return new CoverSheetContent
        {
            PresentedBy = presenter ?? last?.PresentedBy ?? "", Author = last?.Author ?? "", ClinicalLead = last?.ClinicalLead, CouncilLead = last?.CouncilLead,
        };
    }
}
