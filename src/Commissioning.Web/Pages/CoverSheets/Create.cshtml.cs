using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// Starts the cover sheet for any agenda item: the meeting, date, item number, title and action
/// come from the agenda. For an item about a contract decision the Governance and Reporting table
/// comes from the decision's route; for any other paper the secretary enters earlier meetings by hand.
/// The presenter, author and leads start as <see cref="StartingContent"/> gives them. A new sheet is
/// only for a meeting still to come.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class CreateModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int MeetingId { get; set; }
    [BindProperty(SupportsGet = true)] public int ItemId { get; set; }

    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem Item { get; private set; } = null!;
    public ContractDecision? Decision { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (await ExistingAsync(ct) is { } id) return Redirect($"/CoverSheets/{id}");
        Refusal = Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (await ExistingAsync(ct) is { } existing) return Redirect($"/CoverSheets/{existing}");
        if ((Refusal = Refuse()) is not null)
        {
            ModelState.AddModelError("", Refusal);
            return Page();
        }
        var start = await StartingContent.ForAsync(db, Decision?.Id, Item.Presenter, ct);
        var sheet = Decision is { } decision ? CoverSheet.Create(Meeting, Item, decision, start) : CoverSheet.Create(Meeting, Item, start);
        db.CoverSheets.Add(sheet);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // One sheet per agenda item (a unique index): someone made it a moment ago.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(ct) is { } raced) return Redirect($"/CoverSheets/{raced}");
            throw;
        }
        TempData["Success"] = "Cover sheet started as draft version 1";
        return Redirect($"/CoverSheets/{sheet.Id}/Edit");
    }

    private string? Refuse()
    {
        if (Item.ContractDecisionId is not null && Decision is null)
            return "The decision this agenda item is about no longer exists, so its cover sheet cannot be started.";
        if (Meeting.Date < clock.Today)
            return $"The meeting was on {Dates.Long(Meeting.Date)}: a new cover sheet is only for a meeting today or later.";
        return null;
    }

    private Task<int?> ExistingAsync(CancellationToken ct) =>
        db.CoverSheets.Where(s => s.AgendaItemId == ItemId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == MeetingId, ct);
        var item = meeting?.Agenda.FirstOrDefault(i => i.Id == ItemId);
        if (item is null) return false;
        Meeting = meeting!;
        Item = item;
        Decision = item.ContractDecisionId is { } id ? await db.ContractDecisions.FirstOrDefaultAsync(d => d.Id == id, ct) : null;
        return true;
    }
}
