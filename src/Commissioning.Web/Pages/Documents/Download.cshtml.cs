using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Identity;
using Microsoft.Net.Http.Headers;

namespace Commissioning.Web.Pages.Documents;

/// <summary>
/// A document's file, streamed from the database into the response a chunk at a time. Always an attachment (the
/// browser saves it rather than showing it in the register's own origin), under its stored name (RFC 6266:
/// an ASCII <c>filename</c> and a UTF-8 <c>filename*</c>), with <c>nosniff</c>. Anyone who may see the owner may
/// download; a deleted document only administrators.
/// </summary>
public sealed class DownloadModel(DocumentStore store, DocumentOwners owners) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } document) return NotFound();
        if (document.IsDeleted && !User.IsInRole(Roles.Administrator)) return NotFound();
        if (await owners.FindAsync(document.Owner, ct) is null && !User.IsInRole(Roles.Administrator)) return NotFound();
        return new DocumentFileResult(document, store);
    }

    private sealed class DocumentFileResult(Document document, DocumentStore store) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = document.ContentType;
            response.ContentLength = document.Length;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(document.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            await store.CopyToAsync(document.Id, response.Body, context.HttpContext.RequestAborted);
        }
    }
}
