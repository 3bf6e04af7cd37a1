using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// A cover sheet: the version in hand, every issued version to download, and (for board
/// secretaries) the draft's missing items and the way to edit it. Drafts are for those who edit
/// them: everyone else reads the latest issued version, or that none has been issued yet.
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public CoverSheet Sheet { get; private set; } = null!;
    /// <summary>The decision the item is about, and its contract; both null for a paper not about one.</summary>
    public ContractDecision? Decision { get; private set; }
    public Contract? Contract { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>The version this reader sees: the current one (draft or issued) for editors, else the latest issued; null if none is.</summary>
    public CoverSheetVersion? Shown { get; private set; }
    /// <summary>The versions this reader may see, newest first.</summary>
    public IReadOnlyList<CoverSheetVersion> Versions { get; private set; } = [];
    /// <summary>Where the sheet sits, from the meeting itself: shown when no version is, as a draft's copy may not be.</summary>
    public string Caption { get; private set; } = "";
    public IReadOnlyList<string> Problems { get; private set; } = [];
    /// <summary>The draft's task-list sections still to finish, each with what is missing from it.</summary>
    public IReadOnlyList<CoverSheetSectionState> Unfinished { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var sheet = await db.CoverSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        if (sheet.ContractDecisionId is { } decisionId)
        {
            Decision = await db.ContractDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId, ct);
            var contractId = Decision.ContractId;
            Contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, ct);
        }
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        Shown = CanEdit ? sheet.Current : sheet.LatestIssued;
        Versions = (CanEdit ? sheet.Versions : sheet.IssuedVersions).Reverse().ToList();
        Problems = CanEdit ? sheet.Problems(clock.Today) : [];
        Unfinished = CanEdit ? CoverSheetSections.Unfinished(sheet, clock.Today) : [];
        if (Shown is null)
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sheet.MeetingId, ct);
            var number = meeting.Agenda.FirstOrDefault(i => i.Id == sheet.AgendaItemId)?.Number;
            Caption = $"{meeting.Title} · {Dates.Long(meeting.Date)}{(number is { } n ? $" · Item {n}" : "")}";
        }
        return Page();
    }
}
