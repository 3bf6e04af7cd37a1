using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// Edits the cover sheet's draft, or, once a version is issued, starts the next one. "Save draft"
/// keeps an incomplete sheet; "Save and issue" saves and freezes it, or lists at each field
/// everything still missing (and then nothing is saved as issued, though the draft is kept).
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public CoverSheetForm Input { get; set; } = new();

    public CoverSheet Sheet { get; private set; } = null!;
    /// <summary>The decision the item is about; null for a paper not about one.</summary>
    public ContractDecision? Decision { get; private set; }
    public Conflict? Clash { get; private set; }
    /// <summary>The version the form will save into: the draft's number, or the next one after an issue.</summary>
    public int EditingNumber => Sheet.Draft?.Number ?? Sheet.Current.Number + 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = CoverSheetForm.From(Sheet.Current);
        Input.Version = Sheet.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(issue: false, ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => SaveAsync(issue: true, ct);

    private async Task<IActionResult> SaveAsync(bool issue, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ViewData[ValidationRules.ErrorOrderKey] = CoverSheetForm.FieldOrder.ToList();
        new CoverSheetForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        if (Sheet.Version != Input.Version) return ShowConflict();

        // A one-box form cannot show an answer with several boxes ticked: leaving it alone keeps it.
        var content = Input.ToContent().KeepingSeveralTicksFrom(Sheet.Current.Content);
        if (issue)
        {
            // Check the sheet as it would be saved, before touching the tracked one.
            var problems = content.FieldProblems(Sheet.Current.MeetingDate, clock.Today, isNew: !Sheet.HasBeenIssued);
            if (problems.Count > 0)
            {
                foreach (var p in problems)
                {
                    var key = CoverSheetForm.FieldFor(p.Field);
                    if (!ModelState.TryGetValue(key, out var e) || e.Errors.Count == 0) ModelState.AddModelError(key, p.Message);
                }
                return Page();
            }
        }

        var version = Sheet.Edit(content);
        if (Decision is not null) Sheet.RefreshGovernance(Decision);
        if (issue) Sheet.Issue(Decision, User.AsActor(), clock.UtcNow, clock.Today);
        if ((await db.SaveVersionedAsync(Sheet, Input.Version, ct)).IsStale)
        {
            // Shown from the sheet and its decision as saved now, both read again.
            if (!await LoadAsync(ct)) return NotFound();
            return ShowConflict();
        }
        TempData["Success"] = issue
            ? $"Version {version.Number} issued: it is frozen and can be downloaded as a PDF"
            : $"Draft version {version.Number} saved";
        return Redirect($"/CoverSheets/{Sheet.Id}");
    }

    private IActionResult ShowConflict()
    {
        var saved = CoverSheetForm.From(Sheet.Current);
        Clash = new Conflict("cover sheet", Sheet.UpdatedBy, Sheet.UpdatedAtUtc, Conflict.Compare(Input, saved,
        [
            ("Action", f => f.Action), ("Title", f => f.Title), ("Presented By", f => f.PresentedBy), ("Author", f => f.Author),
            ("Clinical Lead", f => f.ClinicalLead), ("Council Lead", f => f.CouncilLead), ("Executive summary", f => f.ExecutiveSummary),
            ("Recommendations", f => f.Recommendations), ("Additional details", f => f.AdditionalDetails),
        ]))
        { SaveButton = "Save draft" };
        Input.Version = Sheet.Version;
        ModelState.Remove("Input.Version");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var sheet = await db.CoverSheets.FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sheet is null) return false;
        Sheet = sheet;
        Decision = sheet.ContractDecisionId is { } decisionId ? await db.ContractDecisions.SingleAsync(d => d.Id == decisionId, ct) : null;
        return true;
    }
}
