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
