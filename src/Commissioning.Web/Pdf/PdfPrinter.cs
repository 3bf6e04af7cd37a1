using Commissioning.Infrastructure.Pdf;

namespace Commissioning.Web.Pdf;

/// <summary>
/// Prints a print view to PDF for a page handler. When Chromium is missing or too slow the page
/// shows what went wrong and how to put it right (status 503), rather than the generic error page.
/// </summary>
public sealed class PdfPrinter(IPdfRenderer renderer, ViewRenderer views, ILogger<PdfPrinter> logger)
{
    /// <summary>A download name with nothing a browser or file system could misread.</summary>
    public static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());

    public async Task<IActionResult> PrintAsync<TModel>(PageModel page, string viewPath, TModel model, string fileName, Action<string> showProblem, CancellationToken ct) =>
        await PrintAsync(page, await views.RenderAsync(page.PageContext, viewPath, model), PdfFooter.PageNumbers, pdf => pdf, fileName, showProblem, ct);

    /// <summary>
    /// Prints ready-made <paramref name="html"/>, then hands the PDF to <paramref name="finish"/> (the agenda pack merges its
    /// reports and stamps its own footers there, so it prints with <see cref="PdfFooter.None"/>).
    /// </summary>
    public async Task<IActionResult> PrintAsync(PageModel page, string html, PdfFooter footer, Func<byte[], byte[]> finish, string fileName, Action<string> showProblem, CancellationToken ct)
    {
        var origin = new Uri($"{page.Request.Scheme}://{page.Request.Host}/");
        try
        {
            var pdf = finish(await renderer.RenderAsync(html, origin, footer, ct));
            return page.File(pdf, "application/pdf", SafeFileName(fileName));
        }
        catch (PdfUnavailableException e)
        {
            logger.LogError(e, "PDF requested but Chromium is unavailable");
            showProblem($"The PDF cannot be made because the browser that prints it is not available. {e.Message}");
        }
        catch (PdfTimeoutException e)
        {
            logger.LogError(e, "PDF render timed out");
            showProblem($"{e.Message} Try again in a minute; if it keeps happening, ask your administrator to raise Pdf:TimeoutSeconds.");
        }
        page.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page.Page();
    }
}
