using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>
/// What every section page of the cover sheet editor shares: the sheet and its decision (none for
/// a paper not about one), the version a save goes into (the draft, or the next one after an
/// issue: issued versions never change), and the conflict view for a stale form.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public abstract class SectionPageModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    protected CommissioningDbContext Db { get; } = db;
    public abstract EditorSection Section { get; }
    public CoverSheet Sheet { get; private set; } = null!;
    public ContractDecision? Decision { get; private set; }
    public Conflict? Clash { get; protected set; }
    /// <summary>The version a save goes into: the draft's number, or the next one after an issue.</summary>
    public int EditingNumber => Sheet.Draft?.Number ?? Sheet.Current.Number + 1;
    public string TaskListUrl => $"/CoverSheets/{Sheet.Id}/Edit";

    /// <summary>What this section still lacks before the sheet can be issued, as saved: why it is not Completed.</summary>
    public IReadOnlyList<string> Missing =>
        Sheet.Current.Content.FieldProblems(Sheet.Current.MeetingDate, clock.Today, isNew: !Sheet.HasBeenIssued)
            .Where(p => CoverSheetSections.SectionOf(p) == Section.Section).Select(p => p.Message).ToList();

    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var sheet = await Db.CoverSheets.FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sheet is null) return false;
        Sheet = sheet;
        Decision = sheet.ContractDecisionId is { } decision ? await Db.ContractDecisions.SingleAsync(d => d.Id == decision, ct) : null;
        return true;
    }

    /// <summary>Saves the sheet over the version the form was opened on; false when someone else saved first (the sheet is then read again).</summary>
    protected async Task<bool> SaveAsync(Guid? openedOn, CancellationToken ct)
    {
        if (Decision is not null) Sheet.RefreshGovernance(Decision);
        if (!(await Db.SaveVersionedAsync(Sheet, openedOn, ct)).IsStale) return true;
        await LoadAsync(ct);
        return false;
    }

    /// <summary>Back to the task list, saying what was saved and into which version.</summary>
    protected IActionResult Saved(CoverSheetVersion version)
    {
        // Rows saved as they already were on an issued sheet start no new version.
        TempData["Success"] = version.IsIssued ? $"{Section.Name}: nothing changed" : $"{Section.Name} saved in draft version {version.Number}";
        return Redirect(TaskListUrl);
    }
}

/// <summary>
/// A section of the sheet's own fields. Its page posts only its fields; they are laid over the sheet
/// as saved, so saving never touches another section. Missing answers are no error here (a draft
/// may be incomplete: the section just stays Incomplete); only malformed ones are.
/// </summary>
public abstract class FieldsSectionModel(CommissioningDbContext db, IClock clock) : SectionPageModel(db, clock)
{
    [BindProperty] public CoverSheetForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = CoverSheetForm.From(Sheet.Current);
        Input.Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ViewData[ValidationRules.ErrorOrderKey] = CoverSheetForm.FieldOrder.ToList();
        // Validated over the sheet as saved, so only this section's fields can be wrong.
        var merged = CoverSheetForm.From(Sheet.Current).Take(Section, Input);
        new CoverSheetForm.Validator().Validate(merged).AddTo(this);
        if (!ModelState.IsValid) return Page();
        if (Sheet.Version != Input.Version) return ShowConflict();

        var version = Sheet.Edit(merged.ToContent());
        if (!await SaveAsync(Input.Version, ct)) return ShowConflict();
        return Saved(version);
    }

    private IActionResult ShowConflict()
    {
        var saved = CoverSheetForm.From(Sheet.Current);
        Clash = new Conflict("cover sheet", Sheet.UpdatedBy, Sheet.UpdatedAtUtc, Conflict.Compare(Input, saved, CoverSheetForm.ConflictFields(Section)))
        { SaveButton = "Save and continue" };
        Input.Version = Sheet.Version;
        ModelState.Remove("Input.Version");
        return Page();
    }
}
