using Commissioning.Domain.Common;
namespace Commissioning.Domain.Governance;

/// <summary>
/// What a board secretary types on a cover sheet: every field of the Strategic Commissioning
/// Board sheet except the meeting (taken from the agenda) and the Governance and Reporting table
/// (taken from the decision's route).
/// </summary>
public sealed record CoverSheetContent
{
    public GovernanceAction? Action { get; init; }
    /// <summary>"Confidential / Freedom of Information Status": No on both seed sheets.</summary>
    public bool IsConfidential { get; init; }
    /// <summary>Why it is confidential (the Freedom of Information exemption relied on).</summary>
    public string? ConfidentialReason { get; init; }
    public string Title { get; init; } = "";
    public string PresentedBy { get; init; } = "";
    public string Author { get; init; } = "";
    public string? ClinicalLead { get; init; }
    public string? CouncilLead { get; init; }
    public string ExecutiveSummary { get; init; } = "";
    /// <summary>Each recommendation, in order, printed after "It is recommended that the Strategic Commissioning Board:".</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];
    /// <summary>Links to Strategic Objectives/Corporate Plan; may be none ("Choose an item." on both seed sheets).</summary>
    public IReadOnlyList<string> StrategicObjectives { get; init; } = [];
    /// <summary>Does the report address a Governing Body / Council Assurance Framework risk? Null until answered.</summary>
    public bool? AddressesAssuranceFrameworkRisk { get; init; }
    /// <summary>Which risk, when it does.</summary>
    public string? AssuranceFrameworkRisk { get; init; }
    /// <summary>Answers to the Implications grid, by question key; a question with no answer is simply absent.</summary>
    public IReadOnlyList<ImplicationAnswer> Answers { get; init; } = [];
    public string? AdditionalDetails { get; init; }

    public ImplicationAnswer? Answer(string key) => Answers.FirstOrDefault(a => a.QuestionKey == key);

    /// <summary>
    /// Everything still missing, one plain sentence each, in the order the sheet prints it.
    /// <paramref name="isNew"/>: the sheet has never been issued, so its meeting must not have happened yet.
    /// </summary>
    public IReadOnlyList<string> Problems(DateOnly meetingDate, DateOnly today, bool isNew) =>
        FieldProblems(meetingDate, today, isNew).Select(p => p.Message).ToList();

    /// <summary>
    /// The same problems, each with the field it is about (a <see cref="CoverSheetField"/> name, or
    /// an Implications question key), so a form can put the message next to that field.
    /// </summary>
    public IReadOnlyList<CoverSheetProblem> FieldProblems(DateOnly meetingDate, DateOnly today, bool isNew)
    {
        var problems = new List<CoverSheetProblem>();
        void Add(string field, string message) => problems.Add(new CoverSheetProblem(field, message));
        if (isNew && meetingDate < today)
            Add(CoverSheetField.MeetingDate, $"The meeting date must be today or later for a new cover sheet: this meeting was on {Dates.Long(meetingDate)}.");
        if (Action is null)
            Add(CoverSheetField.Action, "Choose the action asked of the meeting: approve, receive, note, consider, recommend or decide.");
        if (IsConfidential && Blank(ConfidentialReason))
            Add(CoverSheetField.ConfidentialReason, "Say why the paper is confidential (the Freedom of Information exemption).");
        if (Blank(Title)) Add(CoverSheetField.Title, "Enter the title.");
        if (Blank(PresentedBy)) Add(CoverSheetField.PresentedBy, "Enter who presents the paper (Presented By).");
        if (Blank(Author)) Add(CoverSheetField.Author, "Enter the author.");
        if (Blank(ExecutiveSummary)) Add(CoverSheetField.ExecutiveSummary, "Write the executive summary.");
        if (Recommendations.All(Blank)) Add(CoverSheetField.Recommendations, "Add at least one recommendation.");

        if (AddressesAssuranceFrameworkRisk is null)
            Add(CoverSheetField.AddressesAssuranceFrameworkRisk, $"Answer '{CoverSheetLabels.AssuranceFrameworkQuestion}'");
        else if (AddressesAssuranceFrameworkRisk == true && Blank(AssuranceFrameworkRisk))
            Add(CoverSheetField.AssuranceFrameworkRisk, "State which Assurance Framework risk the report addresses.");

        foreach (var question in ImplicationQuestions.All.Where(q => q.AlwaysRequired && !IsAnswered(q)))
            Add(question.Key, $"Answer '{question.Text}'");

        var required = Answer(ImplicationQuestions.ImpactAssessmentRequired)?.Choice;
        var completed = Answer(ImplicationQuestions.ImpactAssessmentCompleted)?.Choice;
        if (required == YesNoNa.Yes && completed == YesNoNa.NotApplicable)
            Add(ImplicationQuestions.ImpactAssessmentCompleted, "An Equality, Privacy or Quality Impact Assessment is required, so say whether it has been completed: Yes or No, not N/A.");
        if (completed == YesNoNa.No && Blank(Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason)?.Text))
            Add(ImplicationQuestions.ImpactAssessmentNotCompletedReason, "Give the reason for not completing the Equality, Privacy or Quality Impact Assessment.");
        return problems;
    }

    public bool IsAnswered(ImplicationQuestion question) => Answer(question.Key) is { } a &&
        (question.Kind == AnswerKind.YesNoNa ? a.Choice is not null : !Blank(a.Text));

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}

/// <summary>Something missing from a cover sheet, and the field (or Implications question key) it is about.</summary>
public sealed record CoverSheetProblem(string Field, string Message);

/// <summary>The names of a cover sheet's own fields, as <see cref="CoverSheetProblem.Field"/> gives them.</summary>
public static class CoverSheetField
{
    public const string MeetingDate = nameof(MeetingDate);
    public const string Action = nameof(CoverSheetContent.Action);
    public const string ConfidentialReason = nameof(CoverSheetContent.ConfidentialReason);
    public const string Title = nameof(CoverSheetContent.Title);
    public const string PresentedBy = nameof(CoverSheetContent.PresentedBy);
    public const string Author = nameof(CoverSheetContent.Author);
    public const string ExecutiveSummary = nameof(CoverSheetContent.ExecutiveSummary);
    public const string Recommendations = nameof(CoverSheetContent.Recommendations);
    public const string AddressesAssuranceFrameworkRisk = nameof(CoverSheetContent.AddressesAssuranceFrameworkRisk);
    public const string AssuranceFrameworkRisk = nameof(CoverSheetContent.AssuranceFrameworkRisk);
    // Fields that are never missing (no problem names them), named so the task list can place them in their section.
    public const string IsConfidential = nameof(CoverSheetContent.IsConfidential);
    public const string ClinicalLead = nameof(CoverSheetContent.ClinicalLead);
    public const string CouncilLead = nameof(CoverSheetContent.CouncilLead);
    public const string StrategicObjectives = nameof(CoverSheetContent.StrategicObjectives);
    public const string AdditionalDetails = nameof(CoverSheetContent.AdditionalDetails);
    public const string GovernanceRows = nameof(GovernanceRows);
}

/// <summary>The answer to one Implications question: a box ticked, or words written.</summary>
public sealed record ImplicationAnswer(string QuestionKey, YesNoNa? Choice, string? Text)
{
    public static ImplicationAnswer Tick(string key, YesNoNa choice) => new(key, choice, null);
    public static ImplicationAnswer Write(string key, string text) => new(key, null, text);
}

/// <summary>A row of the Governance and Reporting table: an earlier meeting, its date and what it did.</summary>
public sealed record GovernanceRow(string Meeting, DateOnly Date, StepOutcome Outcome)
{
    /// <summary>
    /// The rows for a meeting on <paramref name="meetingDate"/>: the route's steps before it,
    /// most recent first, as the Persona sheet lists them.
    /// </summary>
    public static IReadOnlyList<GovernanceRow> From(ContractDecision decision, DateOnly meetingDate) =>
        decision.StepsBefore(meetingDate).Reverse().Select(s => new GovernanceRow(s.BodyName, s.Date, s.Outcome)).ToList();
}
