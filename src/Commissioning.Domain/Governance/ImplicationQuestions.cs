namespace Commissioning.Domain.Governance;

/// <summary>
/// One question of the cover sheet's Implications grid, worded exactly as the Strategic
/// Commissioning Board sheets print it. <see cref="OtherWordings"/> holds the exact wording of
/// the same question on another issue of the sheet (the October 2020 sheet words two of them
/// differently).
/// </summary>
public sealed record ImplicationQuestion(string Key, string Text, AnswerKind Kind, bool AlwaysRequired, IReadOnlyList<string> OtherWordings)
{
    public bool IsWordedAs(string text) => Text == text || OtherWordings.Contains(text);
}

/// <summary>
/// The Implications grid: every question on the two Strategic Commissioning Board cover sheets in
/// the seed papers (Persona, 01 March 2021, and the Local Care Organisation, 05 October 2020), in
/// the order of the March 2021 sheet, with the March 2021 wording. Answers are stored by
/// <see cref="ImplicationQuestion.Key"/>, so rewording a question never loses an answer.
/// </summary>
public static class ImplicationQuestions
{
    public const string QualitySafeguarding = "quality-safeguarding";
    public const string Engagement = "engagement";
    public const string Consultation = "consultation";
    public const string ConflictsOfInterest = "conflicts-of-interest";
    public const string Financial = "financial";
    public const string Legal = "legal";
    public const string HealthAndSafety = "health-and-safety";
    public const string HealthAndWellbeingStrategy = "health-and-wellbeing-strategy";
    public const string LocalityPlan = "locality-plan";
    public const string CommissioningStrategy = "commissioning-strategy";
    public const string PublicPatientServiceUser = "public-patient-service-user";
    public const string HealthInequalities = "health-inequalities";
    public const string ScrutinyInterest = "scrutiny-interest";
    public const string InformationGovernance = "information-governance";
    public const string ImpactAssessmentRequired = "impact-assessment-required";
    public const string ImpactAssessmentCompleted = "impact-assessment-completed";
    public const string ImpactAssessmentDetails = "impact-assessment-details";
    public const string ImpactAssessmentNotCompletedReason = "impact-assessment-not-completed-reason";
    public const string AssociatedRisks = "associated-risks";
    public const string RiskRegister = "risk-register";

    public static IReadOnlyList<ImplicationQuestion> All { get; } =
    [
        Tick(QualitySafeguarding, "Are there any quality, safeguarding or patient experience implications?"),
        Tick(Engagement, "Has any engagement (clinical, stakeholder or public/patient) been undertaken in relation to this report?"),
        Tick(Consultation, "Have any departments/organisations who will be affected been consulted?",
            "Have any departments/organisations who will be affected been consulted ?"),
        Tick(ConflictsOfInterest, "Are there any conflicts of interest arising from the proposal or decision being requested?"),
        Tick(Financial, "Are there any financial implications?"),
        Tick(Legal, "Are there any legal implications?"),
        Tick(HealthAndSafety, "Are there any health and safety issues?"),
        Write(HealthAndWellbeingStrategy, "How do proposals align with Health & Wellbeing Strategy?"),
        Write(LocalityPlan, "How do proposals align with Locality Plan?"),
        Write(CommissioningStrategy, "How do proposals align with the Commissioning Strategy?"),
        Tick(PublicPatientServiceUser, "Are there any Public, Patient and Service User Implications?"),
        Write(HealthInequalities, "How do the proposals help to reduce health inequalities?"),
        Tick(ScrutinyInterest, "Is there any scrutiny interest?"),
        Write(InformationGovernance, "What are the Information Governance/ Access to Information implications?"),
        Tick(ImpactAssessmentRequired, "Is an Equality, Privacy or Quality Impact Assessment required?"),
        Tick(ImpactAssessmentCompleted, "If yes, has an Equality, Privacy or Quality Impact Assessment been completed?",
            "Has an Equality, Privacy or Quality Impact Assessment been completed?"),
        // The two follow-ups are answered only in their case: details are optional (the Persona
        // sheet leaves them blank); a reason is needed when the assessment was not completed.
        new(ImpactAssessmentDetails, "If yes, please give details below:", AnswerKind.FreeText, false, []),
        new(ImpactAssessmentNotCompletedReason, "If no, please detail below the reason for not completing an Equality, Privacy or Quality Impact Assessment:", AnswerKind.FreeText, false, []),
        Tick(AssociatedRisks, "Are there any associated risks including Conflicts of Interest?"),
        Tick(RiskRegister, "Are the risks on the CCG /Council/ Strategic Commissioning Board's Risk Register?"),
    ];

    private static readonly Dictionary<string, ImplicationQuestion> ByKey = All.ToDictionary(q => q.Key);

    public static ImplicationQuestion Get(string key) =>
        ByKey.TryGetValue(key, out var q) ? q : throw new ArgumentException($"There is no Implications question '{key}'.", nameof(key));

    public static bool Exists(string key) => ByKey.ContainsKey(key);

    private static ImplicationQuestion Tick(string key, string text, params string[] otherWordings) => new(key, text, AnswerKind.YesNoNa, true, otherWordings);

    private static ImplicationQuestion Write(string key, string text) => new(key, text, AnswerKind.FreeText, true, []);
}

/// <summary>The cover sheet's printed labels and prompts, exactly as the seed sheets have them.</summary>
public static class CoverSheetLabels
{
    public const string Heading = "Meeting: Strategic Commissioning Board";
    public const string Meeting = "Meeting";
    public const string MeetingDate = "Meeting Date";
    public const string Action = "Action";
    public const string ItemNo = "Item No";
    public const string ConfidentialStatus = "Confidential / Freedom of Information Status";
    public const string Title = "Title";
    public const string PresentedBy = "Presented By";
    public const string Author = "Author";
    public const string ClinicalLead = "Clinical Lead";
    public const string CouncilLead = "Council Lead";
    public const string ExecutiveSummary = "Executive Summary";
    public const string Recommendations = "Recommendations";
    public const string RecommendationsLead = "It is recommended that the Strategic Commissioning Board:";
    public const string StrategicObjectives = "Links to Strategic Objectives/Corporate Plan";
    public const string AssuranceFrameworkQuestion = "Does this report seek to address any of the risks included on the Governing Body / Council Assurance Framework?";
    public const string AssuranceFrameworkPrompt = "If yes, state which risk below:";
    public const string Implications = "Implications";
    public const string AdditionalDetails = "Additional details";
    public const string AdditionalDetailsHint = "NB - Please use this space to provide any further information in relation to any of the above implications.";
    public const string GovernanceAndReporting = "Governance and Reporting";
    public const string GovernanceMeeting = "Meeting";
    public const string GovernanceDate = "Date";
    public const string GovernanceOutcome = "Outcome";
    public const string GovernanceHint = "Add details of previous meetings/Committees this report has been discussed.";
    /// <summary>What the register prints for a choice left unanswered, where the paper's template says "Choose an item.".</summary>
    public const string NotChosen = "Not chosen";
}
