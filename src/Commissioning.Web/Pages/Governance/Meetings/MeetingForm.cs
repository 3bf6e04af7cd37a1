using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>A meeting's body, date and title, kept as typed.</summary>
public sealed class MeetingForm : IVersionedForm
{
    public string? BodyId { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Title { get; set; }
    public Guid? Version { get; set; }

    public int? ParsedBodyId => ValidationRules.ParseInt(BodyId);

    public static MeetingForm From(Meeting m) => new()
    {
        BodyId = m.BodyId.ToString(System.Globalization.CultureInfo.InvariantCulture), Date = DateParts.From(m.Date), Title = m.Title, Version = m.Version,
    };

    public sealed class Validator : AbstractValidator<MeetingForm>
    {
        public Validator(bool needsBody)
        {
            if (needsBody) RuleFor(x => x.BodyId).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the decision-making body");
            RuleFor(x => x.Date).Date("meeting date", required: true);
            RuleFor(x => x.Title).MaximumLength(Meeting.TitleMaxLength).WithMessage($"The title must be {Meeting.TitleMaxLength} characters or fewer");
        }
    }
}
