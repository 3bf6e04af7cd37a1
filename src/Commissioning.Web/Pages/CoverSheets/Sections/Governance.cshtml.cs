using System.Globalization;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>
/// Governance and Reporting. A sheet about a contract decision takes its rows from the decision's
/// route (shown here, changed on the decision); any other paper's rows are entered by hand: the
/// earlier meeting, its date and its outcome, with "Add another row" and a Remove for each row.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class GovernanceModel(CommissioningDbContext db, IClock clock) : SectionPageModel(db, clock)
{
    [BindProperty] public List<GovernanceRowForm> Rows { get; set; } = [];
    [BindProperty] public Guid? Version { get; set; }

    public override EditorSection Section => EditorSections.Governance;
    public bool ByHand => Decision is null;

    /// <summary>The fields of each row in page order, for the error summary.</summary>
    public List<string> FieldOrder => Rows.SelectMany((_, i) => new[] { $"Rows[{i}].Meeting", $"Rows[{i}].Date", $"Rows[{i}].Outcome" }).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Rows = Sheet.Current.Governance.Select(GovernanceRowForm.From).ToList();
        if (ByHand && Rows.Count == 0) Rows.Add(new());
        Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // A decision's rows come from its route: there is nothing to save here.
        if (!ByHand) return Redirect(TaskListUrl);
        ViewData[ValidationRules.ErrorOrderKey] = FieldOrder;
        var rows = Check();
        if (!ModelState.IsValid) return Page();
        if (Sheet.Version != Version) return ShowConflict();

        var version = Sheet.SetGovernanceRows(rows);
        if (!await SaveAsync(Version, ct)) return ShowConflict();
        return Saved(version);
    }

    /// <summary>"Add another row": the page again with everything typed and one more empty row.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ByHand) return Redirect(Section.Url(Sheet.Id));
        // The sheet prints at most so many rows: past that, the page says so instead of adding one.
        if (Rows.Count >= GovernanceRow.MaxRows) ModelState.AddModelError("", $"The {CoverSheetLabels.GovernanceAndReporting} table has at most {GovernanceRow.MaxRows} rows");
        else Rows.Add(new());
        return Page();
    }

    /// <summary>"Remove" on one row: the page again without it; nothing is saved until "Save and continue".</summary>
    public async Task<IActionResult> OnPostRemoveRowAsync(int index, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ByHand) return Redirect(Section.Url(Sheet.Id));
        if (index >= 0 && index < Rows.Count) Rows.RemoveAt(index);
        if (Rows.Count == 0) Rows.Add(new());
        // The rows after it move up a place: show them as they now stand, not as posted under their old numbers.
        ModelState.Clear();
        return Page();
    }

    /// <summary>The rows as the domain takes them; a row left wholly blank is ignored, any other must be complete.</summary>
    private List<GovernanceRow> Check()
    {
        var rows = new List<GovernanceRow>();
        if (Rows.Count(r => !r.IsBlank) > GovernanceRow.MaxRows)
            ModelState.AddModelError("", $"The {CoverSheetLabels.GovernanceAndReporting} table has at most {GovernanceRow.MaxRows} rows");
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.IsBlank) continue;
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var meeting = row.Meeting?.Trim() ?? "";
            if (meeting.Length == 0) ModelState.AddModelError($"Rows[{i}].Meeting", $"Enter the meeting in row {n}");
            else if (meeting.Length > GovernanceRowForm.MeetingMaxLength)
                ModelState.AddModelError($"Rows[{i}].Meeting", $"The meeting in row {n} must be {GovernanceRowForm.MeetingMaxLength} characters or fewer");
            DateOnly date = default;
            if (!(row.Date ?? new DateParts()).TryGetDate(out date, out var problem))
                ModelState.AddModelError($"Rows[{i}].Date", problem switch
                {
                    DateProblem.Missing => $"Enter the date of the meeting in row {n}",
                    DateProblem.Incomplete => $"The date in row {n} must include a day, month and year",
                    _ => $"The date in row {n} must be a real date",
                });
            var outcome = GovernanceRowForm.Parse(row.Outcome);
            if (outcome is null) ModelState.AddModelError($"Rows[{i}].Outcome", $"Choose the outcome in row {n}");
            if (ModelState.IsValid) rows.Add(new GovernanceRow(meeting, date, outcome!.Value));
        }
        return rows;
    }

    private IActionResult ShowConflict()
    {
        static string Table(IEnumerable<GovernanceRowForm> rows) => string.Join("; ", rows.Where(r => !r.IsBlank).Select(r => r.Describe()));
        var saved = Sheet.Current.Governance.Select(GovernanceRowForm.From).ToList();
        Clash = new Conflict("cover sheet", Sheet.UpdatedBy, Sheet.UpdatedAtUtc,
            Conflict.Compare(Rows, saved, [(CoverSheetLabels.GovernanceAndReporting, r => Table(r))]))
        { SaveButton = "Save and continue" };
        Version = Sheet.Version;
        ModelState.Remove(nameof(Version));
        return Page();
    }
}

/// <summary>One Governance and Reporting row as typed: the meeting, its date in three boxes, and the outcome's name.</summary>
public sealed class GovernanceRowForm
{
    public const int MeetingMaxLength = GovernanceRow.MeetingMaxLength;

    public string? Meeting { get; set; }
    public DateParts? Date { get; set; }
    public string? Outcome { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Meeting) && (Date?.IsEmpty ?? true) && string.IsNullOrWhiteSpace(Outcome);

    public static GovernanceRowForm From(GovernanceRow row) =>
        new() { Meeting = row.Meeting, Date = DateParts.From(row.Date), Outcome = row.Outcome.ToString() };

    /// <summary>The outcomes a row may have: what an earlier meeting did (not "Pending").</summary>
    public static IReadOnlyList<StepOutcome> Outcomes { get; } = Enum.GetValues<StepOutcome>().Where(o => o != StepOutcome.Pending).ToList();

    public static StepOutcome? Parse(string? text) =>
        !int.TryParse(text, out _) && Enum.TryParse<StepOutcome>(text, out var o) && Outcomes.Contains(o) ? o : null;

    public string Describe() => $"{Meeting}, {Date?.ToDate()?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "no date"}, {Outcome}";
}
