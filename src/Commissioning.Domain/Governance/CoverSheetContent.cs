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
        (question.Kind == AnswerKind.YesNoNa ? a.Ticked.Count > 0 : !Blank(a.Text));

    /// <summary>
    /// This content, keeping each answer of <paramref name="saved"/> with several boxes ticked that
    /// this content leaves unanswered: a form that offers one box per question cannot show such an
    /// answer, so a save that did not touch the question must not drop it. Answering the question
    /// (one box) replaces it.
    /// </summary>
    public CoverSheetContent KeepingSeveralTicksFrom(CoverSheetContent saved)
    {
        var kept = saved.Answers.Where(a => a.IsSeveralTicked && Answer(a.QuestionKey) is null).ToList();
        return kept.Count == 0 ? this : this with
        {
            Answers = ImplicationQuestions.All
                .Select(q => Answer(q.Key) ?? kept.FirstOrDefault(a => a.QuestionKey == q.Key))
                .OfType<ImplicationAnswer>()
                .Concat(Answers.Where(a => !ImplicationQuestions.Exists(a.QuestionKey)))
                .ToList(),
        };
    }

    /// <summary>The questions answered with several boxes ticked, in the sheet's order.</summary>
    public IReadOnlyList<(ImplicationQuestion Question, ImplicationAnswer Answer)> SeveralTicked =>
        ImplicationQuestions.All.Select(q => (q, Answer(q.Key))).Where(p => p.Item2 is { IsSeveralTicked: true })
            .Select(p => (p.q, p.Item2!)).ToList();

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

/// <summary>
/// The answer to one Implications question: a box ticked, or words written. A paper may tick
/// several boxes for one question (the LCO sheet of 05 October 2020 ticks Yes, No and N/A for
/// "Are there any Public, Patient and Service User Implications?"): the register records that as
/// the paper has it, in <see cref="Ticks"/>, with no single <see cref="Choice"/>. Such an answer
/// counts as answered (the author did answer), and pages flag it so a secretary can put one box.
/// </summary>
public sealed record ImplicationAnswer(string QuestionKey, YesNoNa? Choice, string? Text)
{
    private readonly IReadOnlyList<YesNoNa>? _ticks;

    /// <summary>Every box ticked when the paper ticks more than one, in Yes, No, N/A order; null otherwise.</summary>
    public IReadOnlyList<YesNoNa>? Ticks
    {
        get => _ticks;
        init => _ticks = value?.Distinct().Order().ToList();
    }

    /// <summary>The boxes ticked: none, the one choice, or several.</summary>
    public IReadOnlyList<YesNoNa> Ticked => Ticks ?? (Choice is { } c ? [c] : []);

    /// <summary>More than one box is ticked, as the paper has it.</summary>
    public bool IsSeveralTicked => Ticks is { Count: > 1 };

    public bool IsTicked(YesNoNa box) => Ticked.Contains(box);

    /// <summary>The ticked boxes in words: "Yes, No and N/A".</summary>
    public string TickedText => Ticked.Count switch
    {
        0 => "",
        1 => Ticked[0].ToText(),
        _ => string.Join(", ", Ticked.SkipLast(1).Select(t => t.ToText())) + " and " + Ticked[^1].ToText(),
    };

    /// <summary>What a page says about a question answered with several boxes: "Yes, No and N/A are all ticked, as the paper has it".</summary>
    public string? SeveralTickedNote => IsSeveralTicked
        ? $"{TickedText} are {(Ticked.Count == 2 ? "both" : "all")} ticked, as the paper has it"
        : null;

    public static ImplicationAnswer Tick(string key, YesNoNa choice) => new(key, choice, null);
    public static ImplicationAnswer Write(string key, string text) => new(key, null, text);

    /// <summary>The boxes a paper ticks for one question, however many: one box is an ordinary <see cref="Tick"/>.</summary>
    public static ImplicationAnswer TickAsThePaperHasIt(string key, params YesNoNa[] boxes)
    {
        var distinct = boxes.Distinct().ToList();
        if (distinct.Count == 0) throw new ArgumentException("Tick at least one box.", nameof(boxes));
        return distinct.Count == 1 ? Tick(key, distinct[0]) : new ImplicationAnswer(key, null, null) { Ticks = distinct };
    }

    // A record compares lists by reference; the ticks are compared by value, so a reloaded answer equals the saved one.
    public bool Equals(ImplicationAnswer? other) =>
        other is not null && QuestionKey == other.QuestionKey && Choice == other.Choice && Text == other.Text
        && (Ticks ?? []).SequenceEqual(other.Ticks ?? []);

    public override int GetHashCode() =>
        HashCode.Combine(QuestionKey, Choice, Text, (Ticks ?? []).Aggregate(0, (h, t) => HashCode.Combine(h, t)));
}

/// <summary>A row of the Governance and Reporting table: an earlier meeting, its date and what it did.</summary>
public sealed record GovernanceRow(string Meeting, DateOnly Date, StepOutcome Outcome)
{
    public const int MeetingMaxLength = 200;
    public const int MaxRows = 20;

    /// <summary>Refuses rows typed by hand that the sheet could not print: a blank or over-long meeting, an unknown outcome, too many rows.</summary>
    public static void Check(IReadOnlyList<GovernanceRow> rows)
    {
        if (rows.Count > MaxRows) throw new ArgumentException($"The Governance and Reporting table has at most {MaxRows} rows.", nameof(rows));
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Meeting)) throw new ArgumentException("Each Governance and Reporting row names its meeting.", nameof(rows));
            if (row.Meeting.Length > MeetingMaxLength)
                throw new ArgumentException($"A meeting's name is {MeetingMaxLength} characters or fewer.", nameof(rows));
            if (!Enum.IsDefined(row.Outcome)) throw new ArgumentOutOfRangeException(nameof(rows), row.Outcome, "Unknown outcome.");
        }
    }

    /// <summary>
    /// The rows for a meeting on <paramref name="meetingDate"/>: the route's steps before it,
    /// most recent first, as the Persona sheet lists them.
    /// </summary>
    public static IReadOnlyList<GovernanceRow> From(ContractDecision decision, DateOnly meetingDate) =>
        decision.StepsBefore(meetingDate).Reverse().Select(s => new GovernanceRow(s.BodyName, s.Date, s.Outcome)).ToList();
}
