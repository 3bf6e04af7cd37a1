using System.Globalization;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>A meeting's body, date, title and details (time, venue or online link, chair), kept as typed.</summary>
public sealed class MeetingForm : IVersionedForm
{
    public string? BodyId { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Title { get; set; }
    /// <summary>"14:00": hours and minutes on the 24-hour clock.</summary>
    public string? StartTime { get; set; }
    public string? Venue { get; set; }
    public bool IsOnline { get; set; }
    public string? OnlineLink { get; set; }
    public string? Chair { get; set; }
    /// <summary>Ticked to schedule a second meeting of the body on a day it already meets.</summary>
    public bool ConfirmSecondMeeting { get; set; }
    public Guid? Version { get; set; }

    public int? ParsedBodyId => ValidationRules.ParseInt(BodyId);

    public TimeOnly? ParsedStartTime => ParseTime(StartTime);

    public static MeetingForm From(Meeting m) => new()
    {
        BodyId = m.BodyId.ToString(CultureInfo.InvariantCulture), Date = DateParts.From(m.Date), Title = m.Title, Version = m.Version,
        StartTime = m.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture), Venue = m.Venue, IsOnline = m.IsOnline, OnlineLink = m.OnlineLink, Chair = m.Chair,
    };

    /// <summary>Sets the meeting's time, venue, online link and chair from the checked form.</summary>
    public void ApplyDetails(Meeting m) => m.SetDetails(ParsedStartTime, Venue, IsOnline, OnlineLink, Chair);

    /// <summary>Hours and minutes, "14:00" or "9:30" (a dot is forgiven: "14.00"); null if blank or not a time.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var t = text?.Trim().Replace('.', ':');
        return !string.IsNullOrEmpty(t) && System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{1,2}:\d{2}$")
            && TimeOnly.TryParseExact(t.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public sealed class Validator : AbstractValidator<MeetingForm>
    {
        public Validator(bool needsBody)
        {
            if (needsBody) RuleFor(x => x.BodyId).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the decision-making body");
            RuleFor(x => x.Date).Date("meeting date", required: true);
            RuleFor(x => x.Title).MaximumLength(Meeting.TitleMaxLength).WithMessage($"The title must be {Meeting.TitleMaxLength} characters or fewer");
            RuleFor(x => x.StartTime).Must(t => string.IsNullOrWhiteSpace(t) || ParseTime(t) is not null)
                .WithMessage("Enter the start time in hours and minutes on the 24-hour clock, like 14:00");
            RuleFor(x => x.Venue).MaximumLength(Meeting.VenueMaxLength).WithMessage($"The venue must be {Meeting.VenueMaxLength} characters or fewer");
            RuleFor(x => x.OnlineLink).Cascade(CascadeMode.Stop)
                .MaximumLength(Meeting.OnlineLinkMaxLength).WithMessage($"The joining link must be {Meeting.OnlineLinkMaxLength} characters or fewer")
                .Must(l => Meeting.IsJoiningLink(l!.Trim())).WithMessage("Enter the joining link as a full address starting https://, like https://meet.example.gov.uk/scb")
                .When(x => x.IsOnline && !string.IsNullOrWhiteSpace(x.OnlineLink));
            RuleFor(x => x.Chair).MaximumLength(Meeting.PersonMaxLength).WithMessage($"The chair's name must be {Meeting.PersonMaxLength} characters or fewer");
        }
    }
}
