using System.Diagnostics.CodeAnalysis;
using Commissioning.Infrastructure.Exports;

namespace Commissioning.Web.Forms;

public static class Downloads
{
    public static bool IsFormat([NotNullWhen(true)] string? format) => format is "csv" or "xlsx";

    /// <summary>A table as a CSV or Excel file download, streamed to the browser as it is written.</summary>
    public static ExportDownload Download(this PageModel page, ExportTable table, string format) => new(table, format == "csv");
}
