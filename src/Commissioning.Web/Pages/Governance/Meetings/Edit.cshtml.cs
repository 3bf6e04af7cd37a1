using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// Reschedules or retitles a meeting. Route steps linked to the meeting move with it and cover
/// sheets on its agenda take the new date and title, in the same save: the meeting never
/// disagrees with the routes and papers that point at it. The same form keeps its time, venue or online
/// link and chair; moving it onto a day its body already meets needs the same confirmation as scheduling.
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db) : EditPage<Meeting, MeetingForm>(db)
{
    public string BodyName { get; private set; } = "";
    public SecondMeetingWarning SecondMeeting { get; private set; } = new("", [], false);

    protected override string Noun => "meeting";

    protected override MeetingForm FormOf(Meeting meeting) => MeetingForm.From(meeting);

    protected override IEnumerable<(string Field, Func<MeetingForm, string?> Read)> Compared =>
    [
        ("Meeting date", f => f.Date.ToDate() is { } d ? Dates.Long(d) : $"{f.Date.Day}/{f.Date.Month}/{f.Date.Year}"),
        ("Title", f => f.Title?.Trim()),
        ("Start time", f => MeetingForm.ParseTime(f.StartTime) is { } t ? MeetingDisplay.Time(t) : f.StartTime?.Trim()),
        ("Venue", f => f.Venue?.Trim()),
        ("Members can join online", f => f.IsOnline ? "Yes" : "No"),
        ("Joining link", f => f.IsOnline ? f.OnlineLink?.Trim() : null),
        ("Chair", f => f.Chair?.Trim()),
    ];

    protected override Task ShowAsync(Meeting meeting, CancellationToken ct)
    {
        (Name, BodyName) = (GovernanceDisplay.MeetingName(meeting), meeting.BodyName);
        return Task.CompletedTask;
    }

    protected override async Task<bool> ApplyAsync(Meeting meeting, CancellationToken ct)
    {
        new MeetingForm.Validator(needsBody: false).Validate(Input).AddTo(this);
        if (string.IsNullOrWhiteSpace(Input.Title) && !ModelState.ContainsKey("Input.Title"))
            ModelState.AddModelError("Input.Title", "Enter the meeting's title, as printed after \"Meeting:\" on cover sheets");
        if (!ModelState.IsValid) return false;

        var date = Input.Date.ToDate()!.Value;
        var moved = date != meeting.Date || Input.Title!.Trim() != meeting.Title;
        var sameDay = await MeetingDisplay.SameDayAsync(Db, meeting.BodyId, date, except: meeting.Id, ct);
        SecondMeeting = new(meeting.BodyName, date == meeting.Date ? [] : sameDay, Input.ConfirmSecondMeeting);
        try
        {
            meeting.Reschedule(date, Input.Title, sameDay.Select(_ => date), Input.ConfirmSecondMeeting);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError("Input.ConfirmSecondMeeting", e.Message);
            return false;
        }
        Input.ApplyDetails(meeting);
        if (!moved) return true;
        try
        {
            var decisions = await Db.ContractDecisions.Where(d => d.Steps.Any(s => s.MeetingId == Id)).ToListAsync(ct);
            foreach (var decision in decisions) decision.FollowMeeting(meeting);
        }
        catch (BusinessRuleException e)
        {
            // A linked step already has its outcome: the meeting happened on the old date.
            ModelState.AddModelError("Input.Date", e.Message);
            return false;
        }
        var sheets = await Db.CoverSheets.Where(s => s.MeetingId == Id).ToListAsync(ct);
        foreach (var sheet in sheets)
            if (meeting.Agenda.FirstOrDefault(i => i.Id == sheet.AgendaItemId) is { } item) sheet.FollowMeeting(meeting, item);
        return true;
    }

    protected override IActionResult Saved(Meeting meeting)
    {
        TempData["Success"] = $"{GovernanceDisplay.MeetingName(meeting)} saved";
        return Redirect($"/Governance/Meetings/{Id}");
    }
}
