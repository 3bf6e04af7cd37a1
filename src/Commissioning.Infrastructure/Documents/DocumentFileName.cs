using System.Globalization;

namespace Commissioning.Infrastructure.Documents;

/// <summary>
/// The name a document is stored and downloaded under. Browsers send the bare name, so a name with a path in it
/// ("../x.pdf", "a\b.pdf"), a drive (":") or control and direction characters (which can disguise ".exe" as ".pdf")
/// was not sent by a person choosing a file: it is refused rather than quietly cleaned.
/// </summary>
public static class DocumentFileName
{
    public static string Check(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DocumentRefusedException("The selected file has no name: rename it and try again");
        if (trimmed.Any(IsForbidden))
            throw new DocumentRefusedException($"The file name \u201c{Shown(trimmed)}\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again");
        if (trimmed.Trim('.').Trim().Length == 0)
            throw new DocumentRefusedException("The selected file has no name, only dots: rename it and try again");
        if (trimmed.Length > Document.FileNameMaxLength)
            throw new DocumentRefusedException($"The file name is longer than {Document.FileNameMaxLength} characters: rename the file with a shorter name and try again");
        return trimmed;
    }

    /// <summary>The checked name, with the extension its content calls for when its own does not fit ("report.pdf" that is a PNG becomes "report.png").</summary>
    public static string ForContent(string checkedName, string contentType)
    {
        var extensions = DocumentSniffer.Extensions(contentType);
        var own = Path.GetExtension(checkedName);
        if (extensions.Contains(own, StringComparer.OrdinalIgnoreCase)) return checkedName;
        var stem = Path.GetFileNameWithoutExtension(checkedName);
        var renamed = (stem.Length == 0 ? checkedName : stem) + extensions[0];
        return renamed.Length <= Document.FileNameMaxLength ? renamed : renamed[^Document.FileNameMaxLength..];
    }

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or ':' || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Shown(string name) => new([.. name.Select(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c)]);
}
