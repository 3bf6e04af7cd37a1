using Commissioning.Infrastructure.Documents;
using Commissioning.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Documents as a commissioner handles them, by clicking: attach a PDF to a contract from its page, see it listed,
/// download it (the same bytes), delete it after the confirmation; and a refused file, after which the same button
/// attaches the right one. Screenshots of every step for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentJourneyTests(AppServer app, ITestOutputHelper output)
{
    private const string Contract = "SC-2021-0001";

    [Fact]
    public async Task Attach_a_pdf_to_a_contract_see_it_listed_download_it_and_delete_it()
    {
        var content = DocumentFiles.Pdf(120_000);
        var name = $"Specification {Guid.NewGuid().ToString("N")[..6]}.pdf";
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await app.ResolveAsync($"/Contracts/Details/{{contract:{Contract}}}"));

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Attach a document", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attach a document" })).ToBeVisibleAsync();
        await Shot(page, "documents 1 attach");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = content });
        await Fill.PressAsync(page, "Attach a document");

        // Back on the contract's page, at its documents, with the file listed.
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{name} attached");
        var row = page.Locator(".app-documents .govuk-summary-list__row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("PDF, 118 KB");
        await Assertions.Expect(row).ToContainTextAsync("Uploaded by Sarah Okafor on");
        await Shot(page, "documents 2 listed");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = $"Download {name}" }).ClickAsync());
        Assert.Equal(name, download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(content, await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        await Browse.ClickToNextPageAsync(page, row.GetByRole(AriaRole.Link, new() { Name = $"Delete {name}" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Are you sure you want to delete {name}?" })).ToBeVisibleAsync();
        await Shot(page, "documents 3 delete");
        await Fill.PressAsync(page, "Delete document");
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{name} deleted");
        await Assertions.Expect(page.Locator(".app-documents .govuk-summary-list__row", new() { HasText = name })).ToHaveCountAsync(0);
        await Shot(page, "documents 4 deleted");
    }

    [Fact]
    public async Task A_refused_file_is_said_next_to_the_field_and_the_same_button_then_attaches_the_right_one()
    {
        var name = $"Minutes {Guid.NewGuid().ToString("N")[..6]}.pdf";
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await app.ResolveAsync($"/Documents/Upload/Contract/{{contract:{Contract}}}"));

        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = DocumentFiles.WindowsProgram() });
        await Fill.PressAsync(page, "Attach a document");
        const string Refusal = "The selected file is a program, not a document: it must be " + DocumentSniffer.Accepted;
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Refusal);
        await Assertions.Expect(page.Locator("#File-error")).ToContainTextAsync(Refusal);
        await Shot(page, "documents 5 refused");

        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = DocumentFiles.Pdf() });
        await Fill.PressAsync(page, "Attach a document");
        await Assertions.Expect(page.Locator(".app-documents .govuk-summary-list__row", new() { HasText = name })).ToHaveCountAsync(1);
    }

    /// <summary>
    /// {document-of-contract:REF}: a PDF attached to the contract through the app's own document store, for the pages
    /// that show one document (the delete confirmation).
    /// </summary>
    public static async Task<string?> ResolveAsync(AppServer app, string kind, string text)
    {
        if (kind != "document-of-contract") return null;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.CommissioningDbContext>();
        var contract = db.Contracts.Where(c => c.Reference == text).Select(c => c.Id).Single();
        var id = await scope.ServiceProvider.GetRequiredService<DocumentStore>().AddAsync(new DocumentOwner(DocumentOwnerKind.Contract, contract),
            "Service specification.pdf", new MemoryStream(DocumentFiles.Pdf()), new Domain.Common.Actor("", "Sarah Okafor"));
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, name)}");
}
