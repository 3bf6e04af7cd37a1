using System.Globalization;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>A meeting's body, date, title and details (time, venue or online link, chair), kept as typed.</summary>
public sealed class MeetingForm : IVersionedForm
{
    public string? BodyId { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Title { get; set; }
    /// <summary>"2pm", "9:30am" or "14:00".</summary>
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
        StartTime = m.StartTime is { } t ? MeetingDisplay.Time(t) : null, Venue = m.Venue, IsOnline = m.IsOnline, OnlineLink = m.OnlineLink, Chair = m.Chair,
    };

    /// <summary>Sets the meeting's time, venue, online link and chair from the checked form.</summary>
    public void ApplyDetails(Meeting m) => m.SetDetails(ParsedStartTime, Venue, IsOnline, OnlineLink, Chair);

    /// <summary>
    /// A time of day as people type it: "2pm", "9:30am", "midday", or hours and minutes on the 24-hour clock
    /// ("14:00"; a dot is forgiven: "14.00"); null if blank or not a time.
    /// </summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var t = text?.Trim().ToLowerInvariant().Replace('.', ':').Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t)) return null;
        if (t == "midday") return new TimeOnly(12, 0);
        if (t == "midnight") return new TimeOnly(0, 0);
        var m = System.Text.RegularExpressions.Regex.Match(t, @"^(\d{1,2})(?::(\d{2}))?(am|pm)?$");
        if (!m.Success || (!m.Groups[2].Success && !m.Groups[3].Success)) return null;
        var (h, min) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        if (m.Groups[3].Success)
        {
            if (h is < 1 or > 12) return null;
            h = h % 12 + (m.Groups[3].Value == "pm" ? 12 : 0);
        }
        return h is >= 0 and < 24 && min is >= 0 and < 60 ? new TimeOnly(h, min) : null;
    }

    public sealed class Validator : AbstractValidator<MeetingForm>
    {
        public Validator(bool needsBody)
        {
            if (needsBody) RuleFor(x => x.BodyId).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the decision-making body");
            RuleFor(x => x.Date).Date("meeting date", required: true);
            RuleFor(x => x.Title).MaximumLength(Meeting.TitleMaxLength).WithMessage($"The title must be {Meeting.TitleMaxLength} characters or fewer");
            RuleFor(x => x.StartTime).Must(t => string.IsNullOrWhiteSpace(t) || ParseTime(t) is not null)
                .WithMessage("Enter the start time as a time of day, like 2pm or 9:30am");
            RuleFor(x => x.Venue).MaximumLength(Meeting.VenueMaxLength).WithMessage($"The venue must be {Meeting.VenueMaxLength} characters or fewer");
            RuleFor(x => x.OnlineLink).Cascade(CascadeMode.Stop)
                .MaximumLength(Meeting.OnlineLinkMaxLength).WithMessage($"The joining link must be {Meeting.OnlineLinkMaxLength} characters or fewer")
                .Must(l => Meeting.IsJoiningLink(l!.Trim())).WithMessage("Enter the joining link as a full address starting https://, like https://meet.example.gov.uk/scb")
                .When(x => x.IsOnline && !string.IsNullOrWhiteSpace(x.OnlineLink));
            RuleFor(x => x.Chair).MaximumLength(Meeting.PersonMaxLength).WithMessage($"The chair's name must be {Meeting.PersonMaxLength} characters or fewer");
        }
    }
}
