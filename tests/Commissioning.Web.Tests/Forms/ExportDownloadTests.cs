using System.Runtime.CompilerServices;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Exports;
using Commissioning.Web.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Commissioning.Web.Tests.Forms;

/// <summary>
/// The download result over HTTP (issue 15): bytes reach the browser while rows are still being
/// read, and a failure is an error page before anything is sent, an aborted download after.
/// A small host of its own: the register has no export whose rows can be made to fail.
/// </summary>
public sealed class ExportDownloadTests : IAsyncLifetime
{
    private const string ErrorPage = "Sorry, there is a problem with the service";
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        // As the app's own error page: replaces whatever the failed result had set, headers too.
        _app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = http => http.Response.WriteAsync(ErrorPage) });
        _app.MapGet("/rows/{count:int}/fail-at/{failAt:int}/wait-at/{waitAt:int}", (int count, int failAt, int waitAt, string format) =>
            new ExportDownload(new ExportTable("Long list", ExportColumn.Text("Reference"), ExportColumn.Money("Value"))
                .StreamRows(Rows(count, failAt, waitAt), n => [$"SC-{n:D6}", Money.FromPence(n)]), format == "csv"));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async IAsyncEnumerable<int> Rows(int count, int failAt, int waitAt, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var n = 1; n <= count; n++)
        {
            if (n == failAt) throw new InvalidOperationException($"The database went away at row {n}.");
            if (n == waitAt) await _gate.Task.WaitAsync(ct);
            yield return n;
        }
    }

    [Theory]
    [InlineData("csv", "text/csv", "long-list.csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "long-list.xlsx")]
    public async Task Bytes_reach_the_browser_while_rows_are_still_being_read(string format, string type, string fileName)
    {
        using var response = await _client.GetAsync($"/rows/30000/fail-at/0/wait-at/20000?format={format}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0L;
        var buffer = new byte[16 * 1024];
        while (received < 64 * 1024) // the rows stop at 20,000 until the gate opens: these bytes came first
            received += await body.ReadAsync(buffer);
        Assert.False(_gate.Task.IsCompleted);

        _gate.SetResult();
        var rest = new MemoryStream();
        await body.CopyToAsync(rest);
        received += rest.Length;
        Assert.True(received > 30_000 * (format == "csv" ? 16 : 4), $"{received:N0} bytes");
        if (format == "csv")
            Assert.EndsWith("SC-030000,300.00\r\n", System.Text.Encoding.UTF8.GetString(rest.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_failure_before_anything_is_sent_is_the_error_page_not_a_file(string format)
    {
        using var response = await _client.GetAsync($"/rows/30000/fail-at/100/wait-at/0?format={format}");

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(ErrorPage, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_failure_after_the_download_started_aborts_it_so_no_cut_short_file_looks_whole(string format)
    {
        using var response = await _client.GetAsync($"/rows/30000/fail-at/20000/wait-at/0?format={format}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        await using var body = await response.Content.ReadAsStreamAsync();
        var error = await Assert.ThrowsAsync<IOException>(() => body.CopyToAsync(Stream.Null));

        // The test host's word for HttpContext.Abort(); an exception merely thrown on would be passed on as itself.
        Assert.Equal("The application aborted the request.", error.InnerException?.Message);
    }
}
