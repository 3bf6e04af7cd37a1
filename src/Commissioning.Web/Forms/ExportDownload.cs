using Commissioning.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Commissioning.Web.Forms;

/// <summary>
/// An <see cref="ExportTable"/> as a file download, written to the response as its rows are
/// read (CSV or XLSX), never whole in memory: no Content-Length, chunked, buffering off.
/// <para>
/// A failure before the first chunk (about 32 KB) has gone is an ordinary error: the response
/// is still unsent and the error page follows. After it, the status (200) has gone and cannot
/// change, so the connection is aborted: the browser shows the download as failed rather than
/// saving a file that looks whole but is cut short, and the error is logged (decision 0027).
/// Also an <see cref="IResult"/>, so that a minimal endpoint can return it.
/// </para>
/// </summary>
public sealed class ExportDownload(ExportTable table, bool csv) : IActionResult, IResult
{
    public ExportTable Table => table;
    public string ContentType => csv ? CsvExport.ContentType : XlsxExport.ContentType;
    public string FileName => csv ? CsvExport.FileName(table) : XlsxExport.FileName(table);

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName); // filename="…" and filename*=UTF-8''…, as File() wrote them
        response.Headers.ContentDisposition = disposition.ToString();
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var ct = http.RequestAborted;
        try
        {
            if (csv) await CsvExport.WriteAsync(table, response.Body, ct);
            else await XlsxExport.WriteAsync(table, response.Body, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The person cancelled the download or left: nobody is waiting for the rest.
        }
        catch (Exception error) when (response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILogger<ExportDownload>>().LogError(error,
                "The download {FileName} failed after it had started; the connection was aborted so the file is not saved as if whole", FileName);
            http.Abort();
        }
    }
}
