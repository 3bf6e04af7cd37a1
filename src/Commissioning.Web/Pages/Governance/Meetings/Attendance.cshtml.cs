using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// Who was present and who sent apologies, one name a line, recorded by the secretary from the meeting's
/// day (before it there is nothing to record: the handler refuses, not only the page).
/// </summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class AttendanceModel(CommissioningDbContext db, IClock clock) : EditPage<Meeting, AttendanceModel.AttendanceForm>(db)
{
    public bool HasStarted { get; private set; }
    public DateOnly Date { get; private set; }

    public sealed class AttendanceForm : IVersionedForm
    {
        public string? Present { get; set; }
        public string? Apologies { get; set; }
        public Guid? Version { get; set; }

        public static IReadOnlyList<string> Lines(string? text) =>
            (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        public sealed class Validator : AbstractValidator<AttendanceForm>
        {
            public Validator()
            {
                RuleFor(x => x.Present).Custom((t, c) => Check(t, c, "present"));
                RuleFor(x => x.Apologies).Custom((t, c) => Check(t, c, "sending apologies"));
            }

            private static void Check(string? text, ValidationContext<AttendanceForm> context, string list)
            {
                var lines = Lines(text);
                if (lines.FirstOrDefault(l => l.Length > Meeting.PersonMaxLength) is { } longName)
                    context.AddFailure($"Each name must be {Meeting.PersonMaxLength} characters or fewer: \"{longName[..20]}…\" is {longName.Length}");
                else if (lines.Count > Meeting.MaxAttendees)
                    context.AddFailure($"List up to {Meeting.MaxAttendees} people {list}, one a line");
            }
        }
    }

    protected override string Noun => "meeting";

    protected override AttendanceForm FormOf(Meeting m) => new()
    {
        Present = string.Join('\n', m.Present), Apologies = string.Join('\n', m.Apologies), Version = m.Version,
    };

    protected override IEnumerable<(string Field, Func<AttendanceForm, string?> Read)> Compared =>
    [
        ("Present", f => string.Join(", ", AttendanceForm.Lines(f.Present))),
        ("Apologies", f => string.Join(", ", AttendanceForm.Lines(f.Apologies))),
    ];

    protected override Task ShowAsync(Meeting meeting, CancellationToken ct)
    {
        Name = GovernanceDisplay.MeetingName(meeting);
        (HasStarted, Date) = (meeting.HasStarted(clock.Today), meeting.Date);
        return Task.CompletedTask;
    }

    protected override Task<bool> ApplyAsync(Meeting meeting, CancellationToken ct)
    {
        new AttendanceForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Task.FromResult(false);
        try
        {
            meeting.RecordAttendance(AttendanceForm.Lines(Input.Present), AttendanceForm.Lines(Input.Apologies), clock.Today);
            return Task.FromResult(true);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError(e.Rule is PresentOrApologiesNotBothRule ? "Input.Apologies" : "", e.Message);
            return Task.FromResult(false);
        }
    }

    protected override IActionResult Saved(Meeting meeting)
    {
        TempData["Success"] = $"Attendance recorded: {meeting.Present.Count} present, {meeting.Apologies.Count} apologies";
        return this.RedirectToSection($"/Governance/Meetings/{Id}", MeetingSections.Attendance);
    }
}
