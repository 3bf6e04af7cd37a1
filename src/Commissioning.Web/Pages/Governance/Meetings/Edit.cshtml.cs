using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// Reschedules or retitles a meeting. Route steps linked to the meeting move with it and cover
/// sheets on its agenda take the new date and title, in the same save: the meeting never
/// disagrees with the routes and papers that point at it.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public MeetingForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public string BodyName { get; private set; } = "";
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null) return NotFound();
        Show(meeting);
        Input = MeetingForm.From(meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null) return NotFound();
        Show(meeting);
        if (meeting.Version != Input.Version) return ShowConflict(meeting);

        new MeetingForm.Validator(needsBody: false).Validate(Input).AddTo(this);
        if (string.IsNullOrWhiteSpace(Input.Title) && !ModelState.ContainsKey("Input.Title"))
            ModelState.AddModelError("Input.Title", "Enter the meeting's title, as printed after \"Meeting:\" on cover sheets");
        if (!ModelState.IsValid) return Page();

        var date = Input.Date.ToDate()!.Value;
        var moved = date != meeting.Date || Input.Title!.Trim() != meeting.Title;
        meeting.Reschedule(date, Input.Title);
        if (moved)
        {
            try
            {
                var decisions = await db.ContractDecisions.Where(d => d.Steps.Any(s => s.MeetingId == Id)).ToListAsync(ct);
                foreach (var decision in decisions) decision.FollowMeeting(meeting);
            }
            catch (BusinessRuleException e)
            {
                // A linked step already has its outcome: the meeting happened on the old date.
                db.ChangeTracker.Clear();
                ModelState.AddModelError("Input.Date", e.Message);
                return Page();
            }
            var sheets = await db.CoverSheets.Where(s => s.MeetingId == Id).ToListAsync(ct);
            foreach (var sheet in sheets)
                if (meeting.Agenda.FirstOrDefault(i => i.Id == sheet.AgendaItemId) is { } item) sheet.FollowMeeting(meeting, item);
        }
        var saved = await db.SaveVersionedAsync(meeting, Input.Version, ct);
        if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        TempData["Success"] = $"{GovernanceDisplay.MeetingName(meeting)} saved";
        return Redirect($"/Governance/Meetings/{Id}");
    }

    private void Show(Meeting meeting) => (Name, BodyName) = (GovernanceDisplay.MeetingName(meeting), meeting.BodyName);

    private PageResult ShowConflict(Meeting current)
    {
        var saved = MeetingForm.From(current);
        var fields = new (string, Func<MeetingForm, string?>)[]
        {
            ("Meeting date", f => f.Date.ToDate() is { } d ? Dates.Long(d) : $"{f.Date.Day}/{f.Date.Month}/{f.Date.Year}"),
            ("Title", f => f.Title?.Trim()),
        };
        Clash = Conflict.Report(this, "meeting", current, Input, saved, fields);
        return Page();
    }
}
