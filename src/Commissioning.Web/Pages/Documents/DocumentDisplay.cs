using System.Globalization;
using Commissioning.Infrastructure.Documents;

namespace Commissioning.Web.Pages.Documents;

/// <summary>How a document's type and size read on a page.</summary>
public static class DocumentDisplay
{
    public static string TypeName(string contentType) => contentType switch
    {
        DocumentSniffer.PdfType => "PDF",
        DocumentSniffer.WordType => "Word document",
        DocumentSniffer.ExcelType => "Excel workbook",
        DocumentSniffer.PngType => "PNG image",
        DocumentSniffer.JpegType => "JPEG image",
        _ => "File",
    };

    /// <summary>"850 bytes", "12 KB", "1.4 MB": what a person sees of a file's size (1 KB = 1,024 bytes, as Windows shows it).</summary>
    public static string Size(long bytes)
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        if (bytes < 1024) return bytes == 1 ? "1 byte" : $"{bytes.ToString("N0", uk)} bytes";
        if (bytes < 1024 * 1024) return $"{Math.Ceiling(bytes / 1024m).ToString("N0", uk)} KB";
        return $"{(bytes / (1024m * 1024m)).ToString("0.#", uk)} MB";
    }

    public static string Download(int id) => $"/Documents/Download/{id}";

    public static string Delete(int id) => $"/Documents/Delete/{id}";

    public static string Upload(DocumentOwner owner) => $"/Documents/Upload/{owner.Kind}/{owner.Id}";

    /// <summary>What the owner is called in a sentence: "contract", "event", "decision", "agenda item".</summary>
    public static string OwnerNoun(DocumentOwnerKind kind) => kind switch
    {
        DocumentOwnerKind.Contract => "contract",
        DocumentOwnerKind.ContractEvent => "event",
        DocumentOwnerKind.ContractDecision => "decision",
        _ => "agenda item",
    };
}
