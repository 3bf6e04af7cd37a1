using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// Schedules a meeting of a body, with its time, venue or online link and chair if known; a past date
/// is allowed so a route's history can be entered after the event. A second meeting of the body on a
/// day it already meets is saved only when the secretary ticks the confirmation the page then shows.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty] public MeetingForm Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Bodies { get; private set; } = [];
    public SecondMeetingWarning SecondMeeting { get; private set; } = new("", [], false);

    public async Task OnGetAsync(int? body, CancellationToken ct)
    {
        Input.BodyId = body?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        new MeetingForm.Validator(needsBody: true).Validate(Input).AddTo(this);
        DecisionBody? body = null;
        if (Input.ParsedBodyId is { } id)
        {
            body = await db.DecisionBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (body is null && ModelState.IsValid) ModelState.AddModelError("Input.BodyId", "Choose the decision-making body");
        }
        if (!ModelState.IsValid || body is null) return Page();
        var date = Input.Date.ToDate()!.Value;
        var sameDay = await MeetingDisplay.SameDayAsync(db, body.Id, date, except: null, ct);
        SecondMeeting = new(body.Name, sameDay, Input.ConfirmSecondMeeting);
        Meeting meeting;
        try
        {
            meeting = Meeting.Schedule(body, date, Input.Title, sameDay.Select(_ => date), Input.ConfirmSecondMeeting);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError("Input.ConfirmSecondMeeting", e.Message);
            return Page();
        }
        Input.ApplyDetails(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{GovernanceDisplay.MeetingName(meeting)} scheduled";
        return Redirect($"/Governance/Meetings/{meeting.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.DecisionBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = bodies.Select(b => (b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Name)).ToList();
    }
}
