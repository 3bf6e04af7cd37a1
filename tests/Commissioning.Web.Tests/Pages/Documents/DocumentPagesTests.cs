using System.Net;
using Commissioning.Infrastructure.Documents;
using Commissioning.Tests.Shared;
using Commissioning.Web.Tests.Security;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Documents;

/// <summary>
/// Documents on their owners' pages: attaching, downloading (headers and bytes), who may do which, every upload and
/// deletion audited, deleted documents kept for administrators, and every bad file refused next to the field with
/// nothing stored.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class DocumentPagesTests(CommissioningFactory factory) : IAsyncLifetime
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public Task InitializeAsync() => factory.ForgetDemoDocumentsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> ContractAsync() => factory.ContractIdAsync("SC-2021-0001");

    [Fact]
    public async Task A_commissioner_attaches_a_pdf_to_a_contract_and_everyone_signed_in_downloads_it_as_an_attachment()
    {
        var contract = await ContractAsync();
        var content = DocumentFiles.Pdf(300_000);
        var commissioner = await factory.SignedInClientAsync(Commissioner);

        var attached = await commissioner.AttachAsync(DocumentClient.UploadUrl("Contract", contract), "Service specification – 2021.pdf", content);

        Assert.Equal(HttpStatusCode.Redirect, attached.Status);
        Assert.Equal($"/Contracts/Details/{contract}#documents", attached.Location);
        var page = await commissioner.GetPageAsync($"/Contracts/Details/{contract}");
        Assert.Contains("Service specification – 2021.pdf attached", page.Text);
        var listed = page.Find("#documents + * .app-documents, .app-documents")!;
        Assert.Contains("Service specification – 2021.pdf", listed.TextContent);
        Assert.Contains("PDF, 293 KB", Browser.Normalise(listed.TextContent));
        Assert.Contains("Uploaded by Sarah Okafor on", Browser.Normalise(listed.TextContent));
        var href = listed.QuerySelector("a[href^='/Documents/Download/']")!.GetAttribute("href")!;

        foreach (var who in new[] { Viewer, CommissioningFactory.Finance, Secretary })
        {
            var reader = await factory.SignedInClientAsync(who);
            using var response = await reader.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(content.Length, response.Content.Headers.ContentLength);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            // RFC 6266: an ASCII fallback, and the real name in UTF-8.
            Assert.Equal("Service specification _ 2021.pdf", disposition.FileName!.Trim('"'));
            Assert.Equal("Service specification – 2021.pdf", disposition.FileNameStar);
            Assert.Contains("filename*=UTF-8''Service%20specification%20%E2%80%93%202021.pdf", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.True(Probing.IsSentToSignIn(await factory.NewClient().GetPageAsync(href)));
    }

    [Fact]
    public async Task Every_upload_and_deletion_is_audited_and_a_deleted_document_is_kept_for_administrators_only()
    {
        var contract = await ContractAsync();
        var commissioner = await factory.SignedInClientAsync(Commissioner);
        await commissioner.AttachAsync(DocumentClient.UploadUrl("Contract", contract), "Minutes.pdf", DocumentFiles.Pdf());
        int id;
        await using (var scope = factory.OpenDb())
            id = await scope.Db.Documents.Select(d => d.Id).SingleAsync();

        var confirm = await commissioner.GetPageAsync($"/Documents/Delete/{id}");
        Assert.Contains("Are you sure you want to delete Minutes.pdf?", confirm.Text);
        var deleted = await commissioner.PostFormAsync($"/Documents/Delete/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal($"/Contracts/Details/{contract}#documents", deleted.Location);

        var page = await commissioner.GetPageAsync($"/Contracts/Details/{contract}");
        Assert.Contains("Minutes.pdf deleted", page.Text);
        Assert.Null(page.Find(".app-documents"));
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetPageAsync($"/Documents/Download/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetPageAsync($"/Documents/Delete/{id}")).Status);

        var admin = await factory.SignedInClientAsync(Administrator);
        var adminPage = await admin.GetPageAsync($"/Contracts/Details/{contract}");
        var row = Browser.Normalise(adminPage.Find(".app-documents")!.TextContent);
        Assert.Contains("Minutes.pdf Deleted", row);
        Assert.Contains("Deleted by Sarah Okafor on", row);
        using (var download = await admin.GetAsync($"/Documents/Download/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(DocumentFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        }

        await using var check = factory.OpenDb();
        var audit = await check.Db.AuditEntries.Where(a => a.EntityType == DocumentStore.AuditEntityType && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Uploaded", "Deleted"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("Sarah Okafor", a.ChangedBy));
        Assert.All(audit, a => Assert.Contains("Minutes.pdf", a.Changes, StringComparison.Ordinal));
        var stored = await check.Db.Documents.SingleAsync();
        Assert.Equal("Sarah Okafor", stored.DeletedBy);
    }

    public static TheoryData<string, string, bool> WhoMayAttach => new()
    {
        { "Contract", Commissioner, true }, { "Contract", Administrator, true }, { "Contract", Secretary, false }, { "Contract", CommissioningFactory.Finance, false }, { "Contract", Viewer, false },
        { "ContractEvent", Commissioner, true }, { "ContractEvent", Secretary, false }, { "ContractEvent", Viewer, false },
        { "ContractDecision", Secretary, true }, { "ContractDecision", Administrator, true }, { "ContractDecision", Commissioner, false }, { "ContractDecision", Viewer, false },
        { "AgendaItem", Secretary, true }, { "AgendaItem", Commissioner, false }, { "AgendaItem", CommissioningFactory.Finance, false },
    };

    /// <summary>Attaching follows editing the owner: the register's for contracts and events, governance's for decisions and agenda items.</summary>
    [Theory]
    [MemberData(nameof(WhoMayAttach))]
    public async Task Who_may_attach_follows_who_may_edit_the_owner(string kind, string who, bool may)
    {
        var (ownerId, ownerPage) = await OwnerAsync(kind);
        var client = await factory.SignedInClientAsync(who);

        var form = await client.GetPageAsync(DocumentClient.UploadUrl(kind, ownerId));
        var attached = await client.AttachAsync(DocumentClient.UploadUrl(kind, ownerId), "Report.pdf", DocumentFiles.Pdf());
        var page = await client.GetPageAsync(ownerPage);

        await using var scope = factory.OpenDb();
        var stored = await scope.Db.Documents.CountAsync();
        if (may)
        {
            Assert.Equal(HttpStatusCode.OK, form.Status);
            Assert.Equal(HttpStatusCode.Redirect, attached.Status);
            Assert.StartsWith(ownerPage + "#", attached.Location);
            Assert.Equal(1, stored);
            Assert.Contains("Report.pdf", page.Text);
            Assert.NotNull(page.Find($"a[href='/Documents/Upload/{kind}/{ownerId}']"));
        }
        else
        {
            Assert.True(Probing.IsDenied(form), $"{who} was not refused the form: {Probing.Describe(form)}");
            Assert.True(Probing.IsDenied(attached), $"{who}'s upload: {Probing.Describe(attached)}");
            Assert.Equal(0, stored);
            Assert.Null(page.Find($"a[href='/Documents/Upload/{kind}/{ownerId}']"));
        }
    }

    [Fact]
    public async Task Only_editors_of_the_owner_may_delete()
    {
        var (itemId, _) = await OwnerAsync("AgendaItem");
        var secretary = await factory.SignedInClientAsync(Secretary);
        await secretary.AttachAsync(DocumentClient.UploadUrl("AgendaItem", itemId), "Report.pdf", DocumentFiles.Pdf());
        int id;
        await using (var scope = factory.OpenDb())
            id = await scope.Db.Documents.Select(d => d.Id).SingleAsync();

        foreach (var who in new[] { Commissioner, Viewer })
        {
            var client = await factory.SignedInClientAsync(who);
            Assert.True(Probing.IsDenied(await client.GetPageAsync($"/Documents/Delete/{id}")), $"{who} saw the delete page");
            Assert.True(Probing.IsDenied(await client.PostFormAsync($"/Documents/Delete/{id}", [], tokenFrom: "/Account/SignOut")), $"{who} deleted it");
        }
        await using var check = factory.OpenDb();
        Assert.False((await check.Db.Documents.SingleAsync()).IsDeleted);
    }

    public static TheoryData<string, string?, byte[], string> Refused => new()
    {
        { "no file chosen", null, [], "Select a file to attach" },
        { "empty", "empty.pdf", [], "The selected file is empty" },
        { "Windows program named as a PDF", "report.pdf", DocumentFiles.WindowsProgram(), "The selected file is a program, not a document: it must be " + DocumentSniffer.Accepted },
        { "Linux program named as a PDF", "report.pdf", DocumentFiles.LinuxProgram(), "The selected file is a program, not a document: it must be " + DocumentSniffer.Accepted },
        { "text named as a PDF", "minutes.pdf", DocumentFiles.Text(), "The selected file must be " + DocumentSniffer.Accepted },
        { "zip that is not Word or Excel", "report.docx", DocumentFiles.PlainZip(), "The selected file is a zip file, not a document: it must be " + DocumentSniffer.Accepted },
        { "Word with macros", "report.docx", DocumentFiles.Docm(), "The selected file contains macros: save it as a Word document (.docx) or Excel workbook (.xlsx) without macros, and attach that" },
        { "old Word", "report.doc", DocumentFiles.OldWord(), "The selected file is an older Word or Excel file (.doc or .xls): open it in Word or Excel, save it as .docx or .xlsx, and attach that" },
        { "path up", "../x.pdf", DocumentFiles.Pdf(), "The file name \u201c../x.pdf\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again" },
        { "Windows path", "a\\b.pdf", DocumentFiles.Pdf(), "The file name \u201ca\\b.pdf\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again" },
        { "drive", "C:x.pdf", DocumentFiles.Pdf(), "The file name \u201cC:x.pdf\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again" },
        { "control character", "x\u0007.pdf", DocumentFiles.Pdf(), "The file name \u201cx?.pdf\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again" },
        { "right-to-left override hiding .exe", "report\u202Efdp.exe", DocumentFiles.Pdf(), "The file name \u201creport?fdp.exe\u201d contains characters a file name cannot have (/, \\, : or control characters): rename the file and try again" },
    };

    [SqliteOnlyTheory("counts the writes with SQLite's PRAGMA data_version")]
    [MemberData(nameof(Refused))]
    public async Task A_bad_file_is_refused_next_to_the_field_and_nothing_is_stored(string what, string? name, byte[] content, string message)
    {
        var contract = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var url = DocumentClient.UploadUrl("Contract", contract);
        await client.GetPageAsync(url);
        using var database = DatabaseWatch.Start(factory);

        var page = await client.AttachAsync(url, name, content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("File"));
        Assert.Equal([message], page.ErrorSummary);
        Assert.Equal(["File"], page.ErrorSummaryTargets);
        Assert.False(database.Changed(out var tables), $"Refusing {what} wrote to {tables}");
        await using var scope = factory.OpenDb();
        Assert.Equal(0, await scope.Db.Documents.CountAsync());
        Assert.Equal(0, await scope.Db.Set<DocumentChunk>().CountAsync());
    }

    public static TheoryData<string, byte[], DocumentType, string, string> Accepted => new()
    {
        { "report.pdf", DocumentFiles.Pdf(), DocumentType.Pdf, "application/pdf", "report.pdf" },
        { "Budget.docx", DocumentFiles.Docx(), DocumentType.Word, DocumentSniffer.WordType, "Budget.docx" },
        { "Budget.xlsx", DocumentFiles.Xlsx(), DocumentType.Excel, DocumentSniffer.ExcelType, "Budget.xlsx" },
        { "Site plan.png", DocumentFiles.Png(), DocumentType.Image, "image/png", "Site plan.png" },
        { "Photo.JPG", DocumentFiles.Jpeg(), DocumentType.Image, "image/jpeg", "Photo.JPG" },
        // The type is the content's: a PNG named .pdf is kept as the PNG it is.
        { "scan.pdf", DocumentFiles.Png(), DocumentType.Image, "image/png", "scan.png" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Each_kind_of_document_is_told_from_its_content(string name, byte[] content, DocumentType type, string contentType, string storedAs)
    {
        var contract = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var page = await client.AttachAsync(DocumentClient.UploadUrl("Contract", contract), name, content);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);

        await using var scope = factory.OpenDb();
        var stored = await scope.Db.Documents.SingleAsync();
        Assert.Equal((type, contentType, storedAs), (stored.Type, stored.ContentType, stored.FileName));
        using var download = await client.GetAsync($"/Documents/Download/{stored.Id}");
        Assert.Equal(contentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_secretary_attaches_the_report_to_an_agenda_item_and_the_document_store_lists_it_for_the_pack()
    {
        var (itemId, meetingPage) = await OwnerAsync("AgendaItem");
        var secretary = await factory.SignedInClientAsync(Secretary);
        var attached = await secretary.AttachAsync(DocumentClient.UploadUrl("AgendaItem", itemId), "Report.pdf", DocumentFiles.Pdf(5000));
        Assert.Equal($"{meetingPage}#item-{itemId}-documents", attached.Location);

        await using var scope = factory.OpenDb();
        var store = scope.Services.GetRequiredService<IDocumentStore>();
        var listed = Assert.Single(await store.ListAsync(new DocumentOwner(DocumentOwnerKind.AgendaItem, itemId), default));
        Assert.Equal(("Report.pdf", DocumentType.Pdf, 5000L, "Daniel Hughes"), (listed.FileName, listed.Type, listed.Length, listed.UploadedBy));
        var read = new MemoryStream();
        await store.CopyToAsync(listed.Id, read, default);
        Assert.Equal(DocumentFiles.Pdf(5000), read.ToArray());
    }

    [Fact]
    public async Task An_owner_that_does_not_exist_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        foreach (var url in new[] { "/Documents/Upload/Contract/999999", "/Documents/Upload/Nothing/1", "/Documents/Download/999999", "/Documents/Delete/999999" })
            Assert.True((await client.GetPageAsync(url)).Status == HttpStatusCode.NotFound, url);
    }

    /// <summary>An owner of each kind from the demo data, and the page its documents are on.</summary>
    private async Task<(int Id, string Page)> OwnerAsync(string kind)
    {
        await using var scope = factory.OpenDb();
        var db = scope.Db;
        var contract = await ContractAsync();
        switch (kind)
        {
            case "Contract":
                return (contract, $"/Contracts/Details/{contract}");
            case "ContractEvent":
                var e = await db.ContractEvents.OrderBy(x => x.Id).Select(x => new { x.Id, x.ContractId }).FirstAsync();
                return (e.Id, $"/Contracts/Details/{e.ContractId}");
            case "ContractDecision":
                var decision = await db.ContractDecisions.Where(d => d.ContractId == contract).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
                return (decision, $"/Governance/Decisions/{decision}");
            default:
                var meeting = (await db.Meetings.AsNoTracking().ToListAsync()).First(m => m.Agenda.Count > 0);
                return (meeting.Agenda.First().Id, $"/Governance/Meetings/{meeting.Id}");
        }
    }
}
