using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>"Add an item" with "Start a cover sheet": the item and its draft sheet in one transaction.</summary>
public sealed partial class DetailsModel
{
    private sealed record Added(string? ErrorKey, string? Error, int SheetId, string Title);

    /// <summary>
    /// Adds the item, saves the meeting over the version the page showed (the sheet needs the item's id),
    /// then starts the sheet and saves it; both commit together or not at all, and a retry runs the
    /// whole unit again from a fresh read (decision 0021). Lands on the sheet's editor.
    /// </summary>
    private async Task<IActionResult> AddWithCoverSheetAsync(ContractDecision? decision, CancellationToken ct)
    {
        if (!(await Authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded) return Forbid();
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var added = await Db.InTransactionAsync(async attempt =>
        {
            var meeting = await Db.Meetings.FirstOrDefaultAsync(m => m.Id == Id, attempt);
            if (meeting is null) return null;
            if (meeting.Version != Version) return Stale;
            AgendaItem item;
            try
            {
                item = AddItem(meeting, decision);
            }
            catch (BusinessRuleException e)
            {
                return new Added(AddErrorKey(e.Rule), e.Message, 0, "");
            }
            if ((await Db.SaveVersionedAsync(meeting, Version, attempt)).IsStale) return Stale;
            var about = decision is null ? null : await Db.ContractDecisions.FirstAsync(d => d.Id == decision.Id, attempt);
            var content = await Web.Pages.CoverSheets.StartingContent.ForAsync(Db, about?.Id, Item.Presenter, attempt);
            var sheet = about is null ? CoverSheet.Create(meeting, item, content) : CoverSheet.Create(meeting, item, about, content);
            Db.CoverSheets.Add(sheet);
            await Db.SaveChangesAsync(attempt);
            return new Added(null, null, sheet.Id, item.Title);
        }, ct);
        if (added is null) return NotFound();
        if (added.Error is not null)
        {
            Db.ChangeTracker.Clear();
            ModelState.AddModelError(added.ErrorKey!, added.Error);
            return await ShowAsync(ct);
        }
        TempData["Success"] = $"{added.Title} added to the agenda, and its cover sheet started as draft version 1";
        return Redirect($"/CoverSheets/{added.SheetId}/Edit");
    }

    private static readonly Added Stale = new("", "This meeting was changed by someone else after you opened it. Nothing has been saved: check the agenda and try again.", 0, "");
}
