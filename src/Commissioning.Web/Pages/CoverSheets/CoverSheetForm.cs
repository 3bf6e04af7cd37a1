using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// The cover sheet as a form: text as typed. Recommendations and strategic objectives are one per
/// line; each Implications answer is keyed by its question's key. A draft may be saved incomplete;
/// issuing it checks everything (<see cref="CoverSheetContent.FieldProblems"/>).
/// </summary>
public sealed class CoverSheetForm
{
    public string? Action { get; set; }
    public string? Confidential { get; set; }
    public string? ConfidentialReason { get; set; }
    public string? Title { get; set; }
    public string? PresentedBy { get; set; }
    public string? Author { get; set; }
    public string? ClinicalLead { get; set; }
    public string? CouncilLead { get; set; }
    public string? ExecutiveSummary { get; set; }
    public string? Recommendations { get; set; }
    public string? StrategicObjectives { get; set; }
    public string? AddressesRisk { get; set; }
    public string? Risk { get; set; }
    public Dictionary<string, string?> Answers { get; set; } = [];
    public string? AdditionalDetails { get; set; }
    public Guid? Version { get; set; }

    /// <summary>The form's fields in page order, for the error summary; Implications answers are in question order.</summary>
    public static IReadOnlyList<string> FieldOrder { get; } =
    [
        "", "Input.Action", "Input.Confidential", "Input.ConfidentialReason", "Input.Title", "Input.PresentedBy", "Input.Author",
        "Input.ClinicalLead", "Input.CouncilLead", "Input.ExecutiveSummary", "Input.Recommendations", "Input.StrategicObjectives",
        "Input.AddressesRisk", "Input.Risk",
        .. ImplicationQuestions.All.Select(q => AnswerKey(q.Key)),
        "Input.AdditionalDetails",
    ];

    public static string AnswerKey(string questionKey) => $"Input.Answers[{questionKey}]";

    /// <summary>Where a problem the domain found belongs on this form.</summary>
    public static string FieldFor(string field) => field switch
    {
        CoverSheetField.MeetingDate => "",
        CoverSheetField.ConfidentialReason => "Input.ConfidentialReason",
        CoverSheetField.AddressesAssuranceFrameworkRisk => "Input.AddressesRisk",
        CoverSheetField.AssuranceFrameworkRisk => "Input.Risk",
        _ when ImplicationQuestions.Exists(field) => AnswerKey(field),
        _ => $"Input.{field}",
    };

    public static CoverSheetForm From(CoverSheetVersion v) => new()
    {
        Action = v.Action?.ToString(),
        Confidential = v.IsConfidential ? "Yes" : "No",
        ConfidentialReason = v.ConfidentialReason,
        Title = v.Title,
        PresentedBy = v.PresentedBy,
        Author = v.Author,
        ClinicalLead = v.ClinicalLead,
        CouncilLead = v.CouncilLead,
        ExecutiveSummary = v.ExecutiveSummary,
        Recommendations = string.Join(Environment.NewLine, v.Recommendations),
        StrategicObjectives = string.Join(Environment.NewLine, v.StrategicObjectives),
        AddressesRisk = v.AddressesAssuranceFrameworkRisk switch { true => "Yes", false => "No", null => null },
        Risk = v.AssuranceFrameworkRisk,
        Answers = ImplicationQuestions.All.ToDictionary(q => q.Key, q => v.Answer(q.Key) is { } a ? a.Choice?.ToString() ?? a.Text : null),
        AdditionalDetails = v.AdditionalDetails,
    };

    /// <summary>The form as the domain's content; call only once the validator has passed.</summary>
    public CoverSheetContent ToContent() => new()
    {
        Action = Enum.TryParse<GovernanceAction>(Action, out var action) ? action : null,
        IsConfidential = Confidential == "Yes",
        ConfidentialReason = ConfidentialReason,
        Title = Title ?? "",
        PresentedBy = PresentedBy ?? "",
        Author = Author ?? "",
        ClinicalLead = ClinicalLead,
        CouncilLead = CouncilLead,
        ExecutiveSummary = ExecutiveSummary ?? "",
        Recommendations = Lines(Recommendations),
        StrategicObjectives = Lines(StrategicObjectives),
        AddressesAssuranceFrameworkRisk = AddressesRisk switch { "Yes" => true, "No" => false, _ => null },
        AssuranceFrameworkRisk = Risk,
        Answers = ImplicationQuestions.All
            .Where(q => !string.IsNullOrWhiteSpace(Answer(q.Key)))
            .Select(q => q.Kind == AnswerKind.YesNoNa
                ? ImplicationAnswer.Tick(q.Key, Enum.Parse<YesNoNa>(Answer(q.Key)!))
                : ImplicationAnswer.Write(q.Key, Answer(q.Key)!))
            .ToList(),
        AdditionalDetails = AdditionalDetails,
    };

    public string? Answer(string key) => Answers.TryGetValue(key, out var a) ? a : null;

    /// <summary>
    /// Copies the fields of one section from <paramref name="posted"/> into this form (the sheet as
    /// saved), so a section page saves its own fields and leaves every other section as it was.
    /// </summary>
    public CoverSheetForm Take(EditorSection section, CoverSheetForm posted)
    {
        if (section == EditorSections.About)
        {
            (Action, Confidential, ConfidentialReason, Title) = (posted.Action, posted.Confidential, posted.ConfidentialReason, posted.Title);
            (PresentedBy, Author, ClinicalLead, CouncilLead) = (posted.PresentedBy, posted.Author, posted.ClinicalLead, posted.CouncilLead);
        }
        else if (section == EditorSections.Summary)
            (ExecutiveSummary, Recommendations) = (posted.ExecutiveSummary, posted.Recommendations);
        else if (section == EditorSections.Links)
            (StrategicObjectives, AddressesRisk, Risk) = (posted.StrategicObjectives, posted.AddressesRisk, posted.Risk);
        else if (section == EditorSections.Implications)
        {
            Answers = ImplicationQuestions.All.ToDictionary(q => q.Key, q => posted.Answer(q.Key));
            AdditionalDetails = posted.AdditionalDetails;
        }
        return this;
    }

    /// <summary>Each section's fields as the conflict view names them, to show where a stale save and the saved sheet differ.</summary>
    public static IReadOnlyList<(string Field, Func<CoverSheetForm, string?> Read)> ConflictFields(EditorSection section) => section.Slug switch
    {
        "About" =>
        [
            ("Action", f => f.Action), ("Confidential", f => f.Confidential), ("If confidential, why", f => f.ConfidentialReason), ("Title", f => f.Title),
            ("Presented By", f => f.PresentedBy), ("Author", f => f.Author), ("Clinical Lead", f => f.ClinicalLead), ("Council Lead", f => f.CouncilLead),
        ],
        "Summary" => [("Executive summary", f => f.ExecutiveSummary), ("Recommendations", f => f.Recommendations)],
        "Links" => [("Strategic objectives", f => f.StrategicObjectives), ("Assurance Framework risk", f => f.AddressesRisk), ("Which risk", f => f.Risk)],
        "Implications" =>
        [
            .. ImplicationQuestions.All.Select(q => (q.Text, (Func<CoverSheetForm, string?>)(f => f.Answer(q.Key)))),
            ("Additional details", f => f.AdditionalDetails),
        ],
        _ => [],
    };

    public static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>What a draft must satisfy to be saved at all: lengths, and choices from the lists offered.</summary>
    public sealed class Validator : AbstractValidator<CoverSheetForm>
    {
        public Validator()
        {
            RuleFor(x => x.Action).Must(a => a is null || !int.TryParse(a, out _) && Enum.TryParse<GovernanceAction>(a, out var v) && Enum.IsDefined(v))
                .WithMessage("Choose the action from the list");
            RuleFor(x => x.Confidential).Must(c => c is null or "Yes" or "No").WithMessage("Choose Yes or No");
            RuleFor(x => x.ConfidentialReason).MaximumLength(CoverSheetVersion.AnswerMaxLength)
                .WithMessage($"The reason must be {CoverSheetVersion.AnswerMaxLength:N0} characters or fewer");
            RuleFor(x => x.Title).MaximumLength(CoverSheetVersion.TitleMaxLength)
                .WithMessage($"The title must be {CoverSheetVersion.TitleMaxLength} characters or fewer");
            foreach (var (field, label) in new (System.Linq.Expressions.Expression<Func<CoverSheetForm, string?>>, string)[]
                     { (x => x.PresentedBy, "Presented By"), (x => x.Author, "Author"), (x => x.ClinicalLead, "Clinical Lead"), (x => x.CouncilLead, "Council Lead") })
                RuleFor(field).MaximumLength(CoverSheetVersion.NameMaxLength).WithMessage($"{label} must be {CoverSheetVersion.NameMaxLength} characters or fewer");
            RuleFor(x => x.ExecutiveSummary).MaximumLength(CoverSheetVersion.SummaryMaxLength)
                .WithMessage($"The executive summary must be {CoverSheetVersion.SummaryMaxLength:N0} characters or fewer");
            RuleFor(x => x.Recommendations).Custom((text, context) =>
            {
                var lines = Lines(text);
                if (lines.Count > CoverSheetVersion.MaxRecommendations)
                    context.AddFailure($"Give at most {CoverSheetVersion.MaxRecommendations} recommendations, one on each line");
                else if (lines.FindIndex(l => l.Length > CoverSheetVersion.RecommendationMaxLength) is var i and >= 0)
                    context.AddFailure($"Recommendation {i + 1} must be {CoverSheetVersion.RecommendationMaxLength:N0} characters or fewer");
            });
            RuleFor(x => x.StrategicObjectives).MaximumLength(CoverSheetVersion.AnswerMaxLength)
                .WithMessage($"The strategic objectives must be {CoverSheetVersion.AnswerMaxLength:N0} characters or fewer");
            RuleFor(x => x.AddressesRisk).Must(c => c is null or "Yes" or "No").WithMessage("Choose Yes or No");
            RuleFor(x => x.Risk).MaximumLength(CoverSheetVersion.AnswerMaxLength)
                .WithMessage($"The risk must be {CoverSheetVersion.AnswerMaxLength:N0} characters or fewer");
            RuleFor(x => x.AdditionalDetails).MaximumLength(CoverSheetVersion.AnswerMaxLength)
                .WithMessage($"Additional details must be {CoverSheetVersion.AnswerMaxLength:N0} characters or fewer");
            RuleFor(x => x.Answers).Custom((answers, context) =>
            {
                foreach (var (key, value) in answers)
                {
                    if (!ImplicationQuestions.Exists(key) || string.IsNullOrWhiteSpace(value)) continue;
                    var q = ImplicationQuestions.Get(key);
                    var field = $"Answers[{key}]";
                    if (q.Kind == AnswerKind.YesNoNa && !(Enum.TryParse<YesNoNa>(value, out var c) && Enum.IsDefined(c) && !int.TryParse(value, out _)))
                        context.AddFailure(field, "Choose Yes, No or N/A");
                    else if (q.Kind == AnswerKind.FreeText && value.Length > CoverSheetVersion.AnswerMaxLength)
                        context.AddFailure(field, $"The answer must be {CoverSheetVersion.AnswerMaxLength:N0} characters or fewer");
                }
            });
        }
    }
}
