using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// What the print view prints: one cover sheet, or a meeting's agenda pack of several, each
/// starting on a new page. <see cref="Title"/> becomes the HTML and PDF document title.
/// </summary>
public sealed record PrintDocument(string Title, string Council, IReadOnlyList<PrintSheet> Sheets)
{
    public const string ViewPath = "/Pages/CoverSheets/_Print.cshtml";

    public static string TitleOf(CoverSheetVersion v) =>
        $"{v.Title} – {v.MeetingTitle} cover sheet, {Dates.Long(v.MeetingDate)} (version {v.Number}{(v.IsIssued ? "" : ", draft")})";
}

/// <summary>One version of one cover sheet; a draft is printed with a "Draft" banner.</summary>
public sealed record PrintSheet(CoverSheetVersion Version)
{
    public bool IsDraft => !Version.IsIssued;

    /// <summary>The text as paragraphs: a blank line, or a single line break, starts a new one.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>How the preview, the PDF and the sheet's page word a version's choices.</summary>
public static class CoverSheetText
{
    /// <summary>The chosen links, or "Not chosen" where the paper's template says "Choose an item.".</summary>
    public static string StrategicObjectives(CoverSheetVersion v) =>
        v.StrategicObjectives.Count == 0 ? CoverSheetLabels.NotChosen : string.Join("; ", v.StrategicObjectives);

    /// <summary>Yes, No, or "Not chosen" for the Assurance Framework question.</summary>
    public static string AssuranceFramework(CoverSheetVersion v) =>
        v.AddressesAssuranceFrameworkRisk switch { true => "Yes", false => "No", null => CoverSheetLabels.NotChosen };

    public static string Action(CoverSheetVersion v) => v.Action?.ToText() ?? CoverSheetLabels.NotChosen;
}
