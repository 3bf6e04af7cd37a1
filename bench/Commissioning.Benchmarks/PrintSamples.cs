using System.Net;
using System.Text;
using Commissioning.Infrastructure.Pdf;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Playwright;

namespace Commissioning.Benchmarks;

/// <summary>Documents like the app's print views, and the app's own assets to print them with.</summary>
internal static class PrintSamples
{
    public static readonly Uri Document = new("http://127.0.0.1:5080/Contracts/7/CoverSheet/Print");
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string WebRoot = Path.Combine(RepositoryRoot(), "src", "Commissioning.Web", "wwwroot");
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>The app's wwwroot, as the web app's own fetcher serves it (PdfAssets).</summary>
    public static readonly PdfAssetFetcher Assets = async (url, ct) =>
    {
        var file = Path.Combine(WebRoot, Uri.UnescapeDataString(url.AbsolutePath).TrimStart('/'));
        if (!File.Exists(file)) return null;
        if (!Types.TryGetContentType(file, out var type)) type = "application/octet-stream";
        return (await File.ReadAllBytesAsync(file, ct), type);
    };

    /// <summary>A cover sheet, or an agenda pack of <paramref name="sheets"/> of them, each starting a new page.</summary>
    public static string CoverSheets(int sheets)
    {
        var body = new StringBuilder();
        for (var s = 1; s <= sheets; s++)
        {
            body.Append(CultureInvariant($"<section style=\"break-before: page\"><h1>Cover sheet {s}: Homecare in the north</h1>"));
            body.Append("<h2>Contract details</h2><table><thead><tr><th scope=col>Reference</th><th scope=col>Provider</th><th scope=col>Annual value</th></tr></thead><tbody>");
            for (var r = 0; r < 8; r++)
                body.Append(CultureInvariant($"<tr><td>SC-2021-{s * 10 + r:0000}</td><td>Northern Care Ltd</td><td>£1,234,{r}67.89</td></tr>"));
            body.Append("</tbody></table><h2>Recommendation</h2>");
            for (var p = 0; p < 6; p++)
                body.Append("<p>").Append(WebUtility.HtmlEncode(string.Join(' ', Enumerable.Repeat("The board is asked to approve the extension of the contract for a further twelve months.", 3)))).Append("</p>");
            body.Append("</section>");
        }
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Agenda pack</title>
            <link rel="stylesheet" href="/print/cover-sheet.css"></head>
            <body>{body}</body></html>
            """;
    }

    /// <summary>What ChromiumPdfRenderer asks of Chromium, for the benchmarks that drive Playwright themselves.</summary>
    public static readonly PagePdfOptions Pdf = new()
    {
        Format = "A4",
        PrintBackground = true,
        Tagged = true,
        Outline = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate = "<div style=\"width:100%; margin:0 15mm; font:9pt Arial;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
        Margin = new() { Top = "15mm", Right = "15mm", Bottom = "20mm", Left = "15mm" },
    };

    /// <summary>Answers a page's requests as the renderer does: the document from memory, assets from wwwroot.</summary>
    public static async Task AnswerAsync(IRoute route, string html)
    {
        var url = new Uri(route.Request.Url);
        if (route.Request.IsNavigationRequest)
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
        else if (await Assets(url, CancellationToken.None) is { } found)
            await route.FulfillAsync(new() { Status = 200, ContentType = found.ContentType, BodyBytes = found.Body });
        else
            await route.AbortAsync("blockedbyclient");
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Commissioning.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository: the benchmarks print with the app's own style sheets.");
    }
}
