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
    public IReadOnlyList<string> Problems(DateOnly meetingDate, DateOnly today, bool isNew)
    {
        var problems = new List<string>();
        if (isNew && meetingDate < today)
            problems.Add($"The meeting date must be today or later for a new cover sheet: this meeting was on {meetingDate.ToSheetDate()}.");
        if (Action is null)
            problems.Add("Choose the action asked of the meeting: approve, receive, note, consider, recommend or decide.");
        if (IsConfidential && Blank(ConfidentialReason))
            problems.Add("Say why the paper is confidential (the Freedom of Information exemption).");
        if (Blank(Title)) problems.Add("Enter the title.");
        if (Blank(PresentedBy)) problems.Add("Enter who presents the paper (Presented By).");
        if (Blank(Author)) problems.Add("Enter the author.");
        if (Blank(ExecutiveSummary)) problems.Add("Write the executive summary.");
        if (Recommendations.All(Blank)) problems.Add("Add at least one recommendation.");

        if (AddressesAssuranceFrameworkRisk is null)
            problems.Add($"Answer '{CoverSheetLabels.AssuranceFrameworkQuestion}'");
        else if (AddressesAssuranceFrameworkRisk == true && Blank(AssuranceFrameworkRisk))
            problems.Add("State which Assurance Framework risk the report addresses.");

        foreach (var question in ImplicationQuestions.All.Where(q => q.AlwaysRequired && !IsAnswered(q)))
            problems.Add($"Answer '{question.Text}'");

        var required = Answer(ImplicationQuestions.ImpactAssessmentRequired)?.Choice;
        var completed = Answer(ImplicationQuestions.ImpactAssessmentCompleted)?.Choice;
        if (required == YesNoNa.Yes && completed == YesNoNa.NotApplicable)
            problems.Add("An Equality, Privacy or Quality Impact Assessment is required, so say whether it has been completed: Yes or No, not N/A.");
        if (completed == YesNoNa.No && Blank(Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason)?.Text))
            problems.Add("Give the reason for not completing the Equality, Privacy or Quality Impact Assessment.");
        return problems;
    }

    public bool IsAnswered(ImplicationQuestion question) => Answer(question.Key) is { } a &&
        (question.Kind == AnswerKind.YesNoNa ? a.Choice is not null : !Blank(a.Text));

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
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
