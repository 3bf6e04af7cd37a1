using System.Net.Http.Headers;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Pages.Import;

/// <summary>Uploading a file to /Import as the browser's form does (multipart), and the sample files.</summary>
public static class ImportClient
{
    public static async Task<HtmlPage> UploadAsync(this HttpClient client, string fileName, byte[] content, string encoding = "Utf8")
    {
        // Someone who may not import has no form there: a token is the session's, so the sign-out form's does.
        var token = (await client.GetPageAsync("/Import")).Token ?? await client.TokenAsync("/Account/SignOut");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Browser.TokenName },
            { new StringContent(encoding), "Encoding" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "File", fileName);
        var response = await client.PostAsync("/Import", form);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Posts with no file chosen, as a browser does: an empty file part with no name.</summary>
    public static async Task<HtmlPage> UploadNothingAsync(this HttpClient client)
    {
        var token = (await client.GetPageAsync("/Import")).Token!;
        using var form = new MultipartFormDataContent { { new StringContent(token), Browser.TokenName }, { new StringContent("Utf8"), "Encoding" } };
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = "\"\"" };
        form.Add(empty);
        return await HtmlPage.ReadAsync(await client.PostAsync("/Import", form));
    }

    /// <summary>The upload's id from the mapping page it redirects to.</summary>
    public static int UploadId(HtmlPage upload) =>
        upload.Location is { } location && location.StartsWith("/Import/Mapping/", StringComparison.Ordinal)
            ? int.Parse(location["/Import/Mapping/".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The upload was not taken: {(int)upload.Status} {string.Join("; ", upload.ErrorSummary)}");

    /// <summary>The reading part's sample files (tests/Commissioning.Infrastructure.Tests/ImportSamples), copied next to the tests.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "ImportSamples");

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Samples, name));
}
