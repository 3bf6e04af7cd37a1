using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// One numbered version of a cover sheet. A draft changes through its <see cref="CoverSheet"/>;
/// once issued it is frozen, and stays as it was printed in the agenda pack.
/// </summary>
public sealed class CoverSheetVersion : Entity
{
    public const int TitleMaxLength = 300;
    public const int NameMaxLength = 200;
    // Room for a long summary: 3,000 words of English run to about 20,000 characters.
    public const int SummaryMaxLength = 40_000;
    public const int RecommendationMaxLength = 2000;
    public const int AnswerMaxLength = 4000;
    public const int MaxRecommendations = 20;

    private readonly List<string> _recommendations = [];
    private readonly List<string> _strategicObjectives = [];
    private readonly List<ImplicationAnswer> _answers = [];
    private readonly List<GovernanceRow> _governance = [];

    private CoverSheetVersion() { }

    internal CoverSheetVersion(int number, string meetingTitle, DateOnly meetingDate, string? itemNumber)
    {
        Number = number;
        Status = CoverSheetVersionStatus.Draft;
        SetMeeting(meetingTitle, meetingDate, itemNumber);
    }

    public int Number { get; private set; }
    public CoverSheetVersionStatus Status { get; private set; }
    public bool IsIssued => Status == CoverSheetVersionStatus.Issued;

    public string MeetingTitle { get; private set; } = "";
    public DateOnly MeetingDate { get; private set; }
    public string? ItemNumber { get; private set; }

    public GovernanceAction? Action { get; private set; }
    public bool IsConfidential { get; private set; }
    public string? ConfidentialReason { get; private set; }
    public string Title { get; private set; } = "";
    public string PresentedBy { get; private set; } = "";
    public string Author { get; private set; } = "";
    public string? ClinicalLead { get; private set; }
    public string? CouncilLead { get; private set; }
    public string ExecutiveSummary { get; private set; } = "";
    public IReadOnlyList<string> Recommendations => _recommendations;
    public IReadOnlyList<string> StrategicObjectives => _strategicObjectives;
    public bool? AddressesAssuranceFrameworkRisk { get; private set; }
    public string? AssuranceFrameworkRisk { get; private set; }
    public IReadOnlyList<ImplicationAnswer> Answers => _answers;
    public string? AdditionalDetails { get; private set; }

    /// <summary>Governance and Reporting: earlier meetings, most recent first, as they stood when this version was last saved or issued.</summary>
    public IReadOnlyList<GovernanceRow> Governance => _governance;

    public string? IssuedById { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTime? IssuedAtUtc { get; private set; }
    /// <summary>
    /// Issued outside the register and entered afterwards as the paper has it (the LCO sheet of
    /// 05 October 2020): the register's checks before issuing were not applied, so the version
    /// keeps whatever the paper left unanswered.
    /// </summary>
    public bool RecordedFromPaper { get; private set; }

    public ImplicationAnswer? Answer(string key) => _answers.FirstOrDefault(a => a.QuestionKey == key);

    /// <summary>This version's fields as a form would hold them.</summary>
    public CoverSheetContent Content => new()
    {
        Action = Action,
        IsConfidential = IsConfidential,
        ConfidentialReason = ConfidentialReason,
        Title = Title,
        PresentedBy = PresentedBy,
        Author = Author,
        ClinicalLead = ClinicalLead,
        CouncilLead = CouncilLead,
        ExecutiveSummary = ExecutiveSummary,
        Recommendations = _recommendations.ToList(),
        StrategicObjectives = _strategicObjectives.ToList(),
        AddressesAssuranceFrameworkRisk = AddressesAssuranceFrameworkRisk,
        AssuranceFrameworkRisk = AssuranceFrameworkRisk,
        Answers = _answers.ToList(),
        AdditionalDetails = AdditionalDetails,
    };

    /// <summary>What is missing before this version can be issued, one sentence each.</summary>
    public IReadOnlyList<string> Validate(DateOnly today, bool isNew) => Content.Problems(MeetingDate, today, isNew);

    internal void Apply(CoverSheetContent content)
    {
        Check(new IssuedVersionIsFrozenRule(this));
        if (content.Action is { } action && !Enum.IsDefined(action))
            throw new ArgumentOutOfRangeException(nameof(content), action, "Unknown action.");
        var answers = CheckedAnswers(content.Answers);
        var recommendations = content.Recommendations.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (recommendations.Count > MaxRecommendations)
            throw new ArgumentException($"A cover sheet has at most {MaxRecommendations} recommendations.", nameof(content));

        Action = content.Action;
        IsConfidential = content.IsConfidential;
        ConfidentialReason = content.IsConfidential ? Blank(content.ConfidentialReason) : null;
        Title = (content.Title ?? "").Trim();
        PresentedBy = (content.PresentedBy ?? "").Trim();
        Author = (content.Author ?? "").Trim();
        ClinicalLead = Blank(content.ClinicalLead);
        CouncilLead = Blank(content.CouncilLead);
        ExecutiveSummary = (content.ExecutiveSummary ?? "").Trim();
        _recommendations.Clear();
        _recommendations.AddRange(recommendations);
        _strategicObjectives.Clear();
        _strategicObjectives.AddRange(content.StrategicObjectives.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));
        AddressesAssuranceFrameworkRisk = content.AddressesAssuranceFrameworkRisk;
        AssuranceFrameworkRisk = content.AddressesAssuranceFrameworkRisk == true ? Blank(content.AssuranceFrameworkRisk) : null;
        _answers.Clear();
        _answers.AddRange(answers);
        AdditionalDetails = Blank(content.AdditionalDetails);
    }

    internal void SetMeeting(string meetingTitle, DateOnly meetingDate, string? itemNumber)
    {
        Check(new IssuedVersionIsFrozenRule(this));
        MeetingTitle = meetingTitle;
        MeetingDate = meetingDate;
        ItemNumber = itemNumber;
    }

    internal void SetGovernance(IReadOnlyList<GovernanceRow> rows)
    {
        Check(new IssuedVersionIsFrozenRule(this));
        _governance.Clear();
        _governance.AddRange(rows);
    }

    internal bool Matches(string meetingTitle, DateOnly meetingDate, string? itemNumber) =>
        MeetingTitle == meetingTitle && MeetingDate == meetingDate && ItemNumber == itemNumber;

    internal void Freeze(Actor by, DateTime atUtc, bool fromPaper = false)
    {
        Check(new IssuedVersionIsFrozenRule(this));
        Status = CoverSheetVersionStatus.Issued;
        RecordedFromPaper = fromPaper;
        IssuedById = by.UserId;
        IssuedBy = by.Name;
        IssuedAtUtc = atUtc;
    }

    /// <summary>The next version: a draft copy of this one, to be edited.</summary>
    internal CoverSheetVersion Next()
    {
        var next = new CoverSheetVersion(Number + 1, MeetingTitle, MeetingDate, ItemNumber);
        next.Apply(Content);
        next.SetGovernance(_governance);
        return next;
    }

    // Answers are normalised to what each question takes: a tick for a Yes / No / N/A question, words for the others.
    private static List<ImplicationAnswer> CheckedAnswers(IReadOnlyList<ImplicationAnswer> answers)
    {
        var result = new List<ImplicationAnswer>();
        foreach (var answer in answers)
        {
            var question = ImplicationQuestions.Get(answer.QuestionKey);
            if (result.Any(a => a.QuestionKey == question.Key))
                throw new ArgumentException($"'{question.Text}' is answered twice.", nameof(answers));
            if (question.Kind == AnswerKind.YesNoNa)
            {
                if (answer.Text is not null) throw new ArgumentException($"'{question.Text}' is answered Yes, No or N/A, not in words.", nameof(answers));
                if (answer.Ticks is not null && answer.Choice is not null)
                    throw new ArgumentException($"'{question.Text}' has one choice and several boxes ticked: give one or the other.", nameof(answers));
                foreach (var box in answer.Ticked.Where(t => !Enum.IsDefined(t)))
                    throw new ArgumentOutOfRangeException(nameof(answers), box, "Unknown answer.");
                // Ticks holding a single box is an ordinary choice.
                if (answer.Ticked.Count == 1) result.Add(ImplicationAnswer.Tick(question.Key, answer.Ticked[0]));
                else if (answer.Ticked.Count > 1) result.Add(answer);
            }
            else
            {
                if (answer.Ticked.Count > 0) throw new ArgumentException($"'{question.Text}' is answered in words, not Yes, No or N/A.", nameof(answers));
                if (Blank(answer.Text) is { } text) result.Add(answer with { Text = text });
            }
        }
        return result;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
