using System.Net.Http.Headers;
using System.Text;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Documents;

/// <summary>Attaching a file on /Documents/Upload as the browser's form does (multipart), with the file's name sent as given.</summary>
public static class DocumentClient
{
    /// <summary>
    /// Takes away the demo's documents (the board pack's report), so a test that counts what it stored starts from none.
    /// </summary>
    public static async Task ForgetDemoDocumentsAsync(this CommissioningFactory factory)
    {
        await using var scope = factory.OpenDb();
        await scope.Db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{Infrastructure.Documents.DocumentChunk.Table}\"; DELETE FROM \"Documents\";");
    }

    public static string UploadUrl(string kind, int id) => $"/Documents/Upload/{kind}/{id}";

    /// <summary>
    /// Posts the form with the file. The body is written here byte by byte so that a name a browser would never send
    /// ("../x.pdf", one with a control character) reaches the app exactly as an attacker's tool would send it.
    /// </summary>
    public static async Task<HtmlPage> AttachAsync(this HttpClient client, string url, string? fileName, byte[] content)
    {
        var token = (await client.GetPageAsync(url)).Token ?? await client.TokenAsync("/Account/SignOut");
        const string Boundary = "----document-test-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{Browser.TokenName}\"\r\n\r\n{token}\r\n");
        if (fileName is not null)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"File\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(content);
            Write("\r\n");
        }
        Write($"--{Boundary}--\r\n");
        using var form = new ByteArrayContent(body.ToArray());
        form.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return await HtmlPage.ReadAsync(await client.PostAsync(url, form));
    }
}
