using System.Diagnostics.CodeAnalysis;
using Commissioning.Infrastructure.Exports;

namespace Commissioning.Web.Forms;

public static class Downloads
{
    public static bool IsFormat([NotNullWhen(true)] string? format) => format is "csv" or "xlsx";

    /// <summary>A table as a CSV or Excel file download.</summary>
    public static FileContentResult Download(this PageModel page, ExportTable table, string format) => format == "csv"
        ? page.File(CsvExport.ToBytes(table), CsvExport.ContentType, CsvExport.FileName(table))
        : page.File(XlsxExport.ToBytes(table), XlsxExport.ContentType, XlsxExport.FileName(table));
}
