using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>One section of the cover sheet editor's task list (<see cref="CoverSheetSection"/>) and its own page.</summary>
public sealed record EditorSection(CoverSheetSection Section, string Slug)
{
    public string Name => Section.ToText();

    public string Url(int sheet) => $"/CoverSheets/{sheet}/Edit/{Slug}";

    /// <summary>The id of its link on the task list, where the error summary sends a person.</summary>
    public string LinkId => $"section-{Slug.ToLowerInvariant()}";
}

/// <summary>
/// The task list's five sections in the order of the printed sheet, each with the last part of its
/// page's address. Which field belongs to which section, and each section's status, are the
/// domain's (<see cref="CoverSheetSections"/>).
/// </summary>
public static class EditorSections
{
    public static readonly EditorSection About = new(CoverSheetSection.AboutTheItem, "About");
    public static readonly EditorSection Summary = new(CoverSheetSection.SummaryAndRecommendations, "Summary");
    public static readonly EditorSection Links = new(CoverSheetSection.LinksAndAssurance, "Links");
    public static readonly EditorSection Implications = new(CoverSheetSection.Implications, "Implications");
    public static readonly EditorSection Governance = new(CoverSheetSection.Governance, "Governance");

    public static IReadOnlyList<EditorSection> All { get; } = [About, Summary, Links, Implications, Governance];

    public static EditorSection For(CoverSheetSection section) => All.Single(s => s.Section == section);
}
