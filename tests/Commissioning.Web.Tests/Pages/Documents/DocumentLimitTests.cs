using System.Net;
using Commissioning.Infrastructure.Documents;
using Commissioning.Tests.Shared;
using Commissioning.Web.Tests.Security;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Documents;

/// <summary>
/// <c>Documents:MaxMegabytes</c> at both sides of its boundary, on an app of its own with a limit of 1 MB: a file of
/// exactly 1 MB is attached, one byte more is refused next to the field, and a file too large for even the request
/// limit (over twice the limit) comes back to the page with the same message rather than the server's 413. A setting
/// out of range stops the app starting.
/// </summary>
public sealed class DocumentLimitTests : IAsyncLifetime
{
    private const int Megabyte = 1024 * 1024;
    private readonly CommissioningFactory factory = With(("Documents:MaxMegabytes", "1"));

    public Task InitializeAsync() => factory.ForgetDemoDocumentsAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [SqliteOnlyFact("counts the writes with SQLite's PRAGMA data_version")]
    public async Task A_file_of_the_limit_is_attached_and_one_byte_more_is_refused_with_nothing_stored()
    {
        var contract = await factory.ContractIdAsync("SC-2021-0001");
        var url = DocumentClient.UploadUrl("Contract", contract);
        var client = await factory.SignedInClientAsync(Commissioner);
        Assert.Contains("of up to 1 MB", (await client.GetPageAsync(url)).Text);

        using (var database = DatabaseWatch.Start(factory))
        {
            foreach (var bytes in new[] { Megabyte + 1, 3 * Megabyte })
            {
                var over = await client.AttachAsync(url, "over.pdf", DocumentFiles.Pdf(bytes));
                Assert.Equal(HttpStatusCode.OK, over.Status);
                Assert.Equal("The selected file must be 1 MB or smaller", over.FieldError("File"));
                Assert.Equal(["The selected file must be 1 MB or smaller"], over.ErrorSummary);
            }
            Assert.False(database.Changed(out var tables), $"Refusing a file over the limit wrote to {tables}");
        }

        var exact = await client.AttachAsync(url, "exact.pdf", DocumentFiles.Pdf(Megabyte));
        Assert.Equal(HttpStatusCode.Redirect, exact.Status);
        await using var scope = factory.OpenDb();
        var stored = await scope.Db.Documents.SingleAsync();
        Assert.Equal(("exact.pdf", (long)Megabyte), (stored.FileName, stored.Length));
        Assert.Equal(Megabyte / DocumentStore.ChunkBytes, await scope.Db.Set<DocumentChunk>().CountAsync());
    }

    [Fact]
    public async Task A_request_over_even_the_request_limit_comes_back_to_the_page_with_the_message()
    {
        var contract = await factory.ContractIdAsync("SC-2021-0001");
        var url = DocumentClient.UploadUrl("Contract", contract);
        var client = await factory.SignedInClientAsync(Commissioner);
        var options = factory.Services.GetRequiredService<IOptions<DocumentOptions>>().Value;

        var huge = await client.AttachAsync(url, "huge.pdf", DocumentFiles.Pdf((int)options.MaxRequestBytes + 1));

        Assert.Equal(HttpStatusCode.Redirect, huge.Status);
        Assert.Equal($"{url}?tooLarge=true", huge.Location);
        var page = await client.GetPageAsync(huge.Location!);
        Assert.Equal("The selected file must be 1 MB or smaller", page.FieldError("File"));
        await using var scope = factory.OpenDb();
        Assert.Equal(0, await scope.Db.Documents.CountAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1025")]
    public async Task A_limit_out_of_range_stops_the_app_starting(string megabytes)
    {
        await using var app = With(("Documents:MaxMegabytes", megabytes));
        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Documents:MaxMegabytes must be a whole number of megabytes from 1 to 1024", refused.ToString(), StringComparison.Ordinal);
    }
}
