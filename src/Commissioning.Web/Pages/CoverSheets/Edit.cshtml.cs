using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// The cover sheet editor: a GOV.UK task list of the sheet's five sections, each with its own page
/// and its status, and the button that issues the draft. Issuing is refused, naming each
/// unfinished section, while anything is missing; nothing is issued then.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>The sheet's version when the task list was shown: issuing something else unseen is refused.</summary>
    [BindProperty(Name = "Input.Version")] public Guid? Version { get; set; }

    public CoverSheet Sheet { get; private set; } = null!;
    public ContractDecision? Decision { get; private set; }
    /// <summary>The version the sections save into: the draft's number, or the next one after an issue.</summary>
    public int EditingNumber => Sheet.Draft?.Number ?? Sheet.Current.Number + 1;
    public IReadOnlyList<(EditorSection Section, CoverSheetSectionStatus Status)> Sections { get; private set; } = [];
    /// <summary>What stops the sheet being issued that the secretary cannot put right in a section (a meeting already past).</summary>
    public IReadOnlyList<string> SheetProblems { get; private set; } = [];
    public bool Stale { get; private set; }

    public IEnumerable<EditorSection> Unfinished => Sections.Where(s => s.Status != CoverSheetSectionStatus.Completed).Select(s => s.Section);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Sheet.Version != Version) return ShowStale();
        if (!Sections.All(s => s.Status == CoverSheetSectionStatus.Completed)) return RefuseIssue();

        // Editing an issued sheet starts the next version: issuing with nothing changed issues that copy.
        if (Sheet.Draft is null) Sheet.Edit(Sheet.Current.Content);
        CoverSheetVersion version;
        try
        {
            version = Sheet.Issue(Decision, User.AsActor(), clock.UtcNow, clock.Today);
        }
        catch (BusinessRuleException refused)
        {
            // The sections above say the sheet is complete, so this is only a rule they do not show: say it, change nothing.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(ct)) return NotFound();
            ModelState.AddModelError("", refused.Message);
            return Page();
        }
        if ((await db.SaveVersionedAsync(Sheet, Version, ct)).IsStale)
        {
            if (!await LoadAsync(ct)) return NotFound();
            return ShowStale();
        }
        TempData["Success"] = $"Version {version.Number} issued: it is frozen and can be downloaded as a PDF";
        return Redirect($"/CoverSheets/{Sheet.Id}");
    }

    private IActionResult RefuseIssue()
    {
        var anchors = new Dictionary<string, string>();
        foreach (var message in SheetProblems) ModelState.AddModelError("", message);
        foreach (var (section, status) in Sections.Where(s => s.Status != CoverSheetSectionStatus.Completed))
        {
            var key = $"section:{section.Slug}";
            ModelState.AddModelError(key, status == CoverSheetSectionStatus.NotYetStarted
                ? $"{section.Name} has not been started"
                : $"{section.Name} is incomplete");
            // The section's own page, where its fields are: a link to the task list's row would leave the keyboard there.
            anchors[key] = section.Url(Sheet.Id);
        }
        ViewData[ValidationRules.ErrorOrderKey] = EditorSections.All.Select(s => $"section:{s.Slug}").ToList();
        ViewData["ErrorAnchors"] = anchors;
        return Page();
    }

    private IActionResult ShowStale()
    {
        ModelState.Clear();
        ModelState.AddModelError("", $"This cover sheet was changed by {Sheet.UpdatedBy} after you opened this page. Nothing has been issued: check the sections, then issue again.");
        Stale = true;
        Version = Sheet.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var sheet = await db.CoverSheets.FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sheet is null) return false;
        Sheet = sheet;
        Decision = sheet.ContractDecisionId is { } decision ? await db.ContractDecisions.SingleAsync(d => d.Id == decision, ct) : null;
        // With no draft, the sections as the next version would start: a copy of the last issued one
        // (complete, unless it was recorded from a paper with boxes left empty).
        var current = sheet.Current;
        var problems = sheet.Draft is null ? current.Content.FieldProblems(current.MeetingDate, clock.Today, isNew: false) : sheet.FieldProblems(clock.Today);
        Sections = CoverSheetSections.Of(current.Content, problems).Select(s => (EditorSections.For(s.Section), s.Status)).ToList();
        SheetProblems = problems.Where(p => p.Field == CoverSheetField.MeetingDate).Select(p => p.Message).ToList();
        return true;
    }
}
