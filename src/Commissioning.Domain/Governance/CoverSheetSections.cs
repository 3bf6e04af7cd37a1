namespace Commissioning.Domain.Governance;

/// <summary>The five parts of the cover sheet editor's task list, in the order the sheet prints them.</summary>
public enum CoverSheetSection { AboutTheItem, SummaryAndRecommendations, LinksAndAssurance, Implications, Governance }

/// <summary>A section's status on the task list (GOV.UK "complete multiple tasks" pattern).</summary>
public enum CoverSheetSectionStatus { NotYetStarted, Incomplete, Completed }

/// <summary>One section of a sheet: its status and what is still missing from it.</summary>
public sealed record CoverSheetSectionState(CoverSheetSection Section, CoverSheetSectionStatus Status, IReadOnlyList<CoverSheetProblem> Problems)
{
    public string Name => Section.ToText();
    public bool IsCompleted => Status == CoverSheetSectionStatus.Completed;
}

/// <summary>
/// Which task-list section each cover sheet field and Implications question belongs to, and each
/// section's status. A section is Completed when nothing in it stops the sheet being issued, Not
/// yet started when it has problems and nothing has been entered in it, and Incomplete otherwise.
/// Choices that may stay unanswered ("Not chosen" strategic objectives, clinical and council leads,
/// Governance and Reporting rows) are never problems, so they never hold a section back.
/// </summary>
public static class CoverSheetSections
{
    public static IReadOnlyList<CoverSheetSection> All { get; } = Enum.GetValues<CoverSheetSection>();

    /// <summary>The section a field (a <see cref="CoverSheetField"/> name or an Implications question key) is entered in.</summary>
    public static CoverSheetSection SectionOf(string field) => field switch
    {
        CoverSheetField.MeetingDate or CoverSheetField.Action or CoverSheetField.ConfidentialReason or CoverSheetField.Title
            or CoverSheetField.PresentedBy or CoverSheetField.Author or CoverSheetField.ClinicalLead or CoverSheetField.CouncilLead
            or CoverSheetField.IsConfidential => CoverSheetSection.AboutTheItem,
        CoverSheetField.ExecutiveSummary or CoverSheetField.Recommendations => CoverSheetSection.SummaryAndRecommendations,
        CoverSheetField.StrategicObjectives or CoverSheetField.AddressesAssuranceFrameworkRisk or CoverSheetField.AssuranceFrameworkRisk
            => CoverSheetSection.LinksAndAssurance,
        CoverSheetField.AdditionalDetails => CoverSheetSection.Implications,
        CoverSheetField.GovernanceRows => CoverSheetSection.Governance,
        _ when ImplicationQuestions.Exists(field) => CoverSheetSection.Implications,
        _ => throw new ArgumentException($"'{field}' is not a cover sheet field or Implications question.", nameof(field)),
    };

    public static CoverSheetSection SectionOf(CoverSheetProblem problem) => SectionOf(problem.Field);

    /// <summary>Every section of <paramref name="content"/>, in order, given the sheet's problems (from <see cref="CoverSheet.FieldProblems"/>).</summary>
    public static IReadOnlyList<CoverSheetSectionState> Of(CoverSheetContent content, IReadOnlyList<CoverSheetProblem> problems) =>
        All.Select(section =>
        {
            var own = problems.Where(p => SectionOf(p) == section).ToList();
            var status = own.Count == 0 ? CoverSheetSectionStatus.Completed
                : HasAnything(section, content) ? CoverSheetSectionStatus.Incomplete
                : CoverSheetSectionStatus.NotYetStarted;
            return new CoverSheetSectionState(section, status, own);
        }).ToList();

    /// <summary>The sections of a sheet's current version on <paramref name="today"/> (an issued sheet with no draft is complete throughout).</summary>
    public static IReadOnlyList<CoverSheetSectionState> Of(CoverSheet sheet, DateOnly today) =>
        Of(sheet.Current.Content, sheet.FieldProblems(today));

    /// <summary>The sections still to finish before the sheet can be issued, in order.</summary>
    public static IReadOnlyList<CoverSheetSectionState> Unfinished(CoverSheet sheet, DateOnly today) =>
        Of(sheet, today).Where(s => !s.IsCompleted).ToList();

    public static CoverSheetSectionStatus Status(CoverSheet sheet, CoverSheetSection section, DateOnly today) =>
        Of(sheet, today).Single(s => s.Section == section).Status;

    public static string ToText(this CoverSheetSection section) => section switch
    {
        CoverSheetSection.AboutTheItem => "About the item",
        CoverSheetSection.SummaryAndRecommendations => "Summary and recommendations",
        CoverSheetSection.LinksAndAssurance => "Links and assurance",
        CoverSheetSection.Implications => "Implications",
        _ => "Governance",
    };

    public static string ToText(this CoverSheetSectionStatus status) => status switch
    {
        CoverSheetSectionStatus.Completed => "Completed",
        CoverSheetSectionStatus.Incomplete => "Incomplete",
        _ => "Not yet started",
    };

    // Whether the secretary (or the agenda, which fills the title and action) has put anything in the section yet.
    private static bool HasAnything(CoverSheetSection section, CoverSheetContent c) => section switch
    {
        CoverSheetSection.AboutTheItem => c.Action is not null || Filled(c.Title) || Filled(c.PresentedBy) || Filled(c.Author)
                                          || c.IsConfidential || Filled(c.ClinicalLead) || Filled(c.CouncilLead),
        CoverSheetSection.SummaryAndRecommendations => Filled(c.ExecutiveSummary) || c.Recommendations.Any(Filled),
        CoverSheetSection.LinksAndAssurance => c.StrategicObjectives.Count > 0 || c.AddressesAssuranceFrameworkRisk is not null,
        CoverSheetSection.Implications => c.Answers.Count > 0 || Filled(c.AdditionalDetails),
        _ => true,
    };

    private static bool Filled(string? s) => !string.IsNullOrWhiteSpace(s);
}
