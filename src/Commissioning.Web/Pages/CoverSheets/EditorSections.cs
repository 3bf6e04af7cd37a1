using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>One section of the cover sheet editor's task list, with its own page.</summary>
public sealed record EditorSection(string Slug, string Name)
{
    public string Url(int sheet) => $"/CoverSheets/{sheet}/Edit/{Slug}";

    /// <summary>The id of its link on the task list, where the error summary sends a person.</summary>
    public string LinkId => $"section-{Slug.ToLowerInvariant()}";
}

/// <summary>
/// The task list's five sections in the order of the printed sheet, which fields each holds, and
/// which of the domain's problems (<see cref="CoverSheetContent.FieldProblems"/>) belong to each,
/// so a section is Completed exactly when nothing it holds stops the sheet being issued.
/// </summary>
public static class EditorSections
{
    public static readonly EditorSection About = new("About", "About the item");
    public static readonly EditorSection Summary = new("Summary", "Summary and recommendations");
    public static readonly EditorSection Links = new("Links", "Links and assurance");
    public static readonly EditorSection Implications = new("Implications", "Implications");
    public static readonly EditorSection Governance = new("Governance", "Governance");

    public static IReadOnlyList<EditorSection> All { get; } = [About, Summary, Links, Implications, Governance];

    /// <summary>The section a problem belongs to; null for one about the sheet as a whole (a meeting already past).</summary>
    public static EditorSection? Of(string problemField) => problemField switch
    {
        CoverSheetField.Action or CoverSheetField.ConfidentialReason or CoverSheetField.Title
            or CoverSheetField.PresentedBy or CoverSheetField.Author => About,
        CoverSheetField.ExecutiveSummary or CoverSheetField.Recommendations => Summary,
        CoverSheetField.AddressesAssuranceFrameworkRisk or CoverSheetField.AssuranceFrameworkRisk => Links,
        _ when ImplicationQuestions.Exists(problemField) => Implications,
        CoverSheetField.MeetingDate => null,
        _ => null,
    };

    /// <summary>Has anything in the section been entered (for "Not yet started")?</summary>
    public static bool IsStarted(EditorSection section, CoverSheetVersion v) => section.Slug switch
    {
        "About" => true, // the agenda gives it a title and an action from the start
        "Summary" => !string.IsNullOrWhiteSpace(v.ExecutiveSummary) || v.Recommendations.Count > 0,
        "Links" => v.StrategicObjectives.Count > 0 || v.AddressesAssuranceFrameworkRisk is not null || !string.IsNullOrWhiteSpace(v.AssuranceFrameworkRisk),
        "Implications" => v.Answers.Count > 0 || !string.IsNullOrWhiteSpace(v.AdditionalDetails),
        _ => true,
    };
}

/// <summary>Where a section stands, in the GOV.UK task list's words.</summary>
public enum SectionStatus { NotYetStarted, Incomplete, Completed }

public static class SectionStatusText
{
    public static string ToText(this SectionStatus status) => status switch
    {
        SectionStatus.NotYetStarted => "Not yet started",
        SectionStatus.Incomplete => "Incomplete",
        _ => "Completed",
    };
}
