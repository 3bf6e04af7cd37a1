using System.Net;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// Who may do what with cover sheets: board secretaries and administrators create and edit them;
/// everyone signed in reads issued versions and downloads their PDFs; drafts stay with the
/// editors; anonymous visitors are sent to sign in.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class CoverSheetRolesTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    public static TheoryData<string> NonEditors => [Viewer, Commissioner, CommissioningFactory.Finance];
    public static TheoryData<string> Editors => [Secretary, Administrator];

    private static readonly string[] AllSections = [.. FieldSections, "Governance"];

    /// <summary>An agenda item with no sheet yet, a sheet with version 1 issued, and a sheet that is only a draft.</summary>
    private sealed record Arranged(AgendaItemIds Free, int Issued, int Draft);

    private async Task<Arranged> ArrangeAsync()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var issuedItem = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(9));
        var issued = await CreateSheetAsync(secretary, issuedItem);
        await IssueCompleteAsync(secretary, issued, "The issued summary.");
        var draft = await CreateSheetAsync(secretary, await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(9), meeting: issuedItem.Meeting));
        var free = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(9), meeting: issuedItem.Meeting);
        return new Arranged(free, issued, draft);
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task Others_read_and_download_issued_sheets_but_cannot_create_edit_or_see_drafts(string user)
    {
        var ids = await ArrangeAsync();
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var editForm = Complete(await EditFormAsync(secretary, ids.Draft), "Changed by someone who may not.");
        var client = await Factory.SignedInClientAsync(user);
        var token = await client.TokenAsync("/Account/SignOut");
        editForm.Set(Browser.TokenName, token);
        var sheets = await SheetCountAsync(Factory);
        var draftBefore = (await LoadSheetAsync(Factory, ids.Draft)).Version;

        AssertRefused(await client.GetPageAsync(CreateUrl(ids.Free)), "GET Create");
        AssertRefused(await client.PostFormAsync(CreateUrl(ids.Free), new FormFields { { Browser.TokenName, token } }), "POST Create");
        AssertRefused(await client.GetPageAsync(EditUrl(ids.Draft)), "GET the task list");
        AssertRefused(await client.GetPageAsync(EditUrl(ids.Issued)), "GET the task list of an issued sheet");
        foreach (var section in AllSections)
        {
            AssertRefused(await client.GetPageAsync(SectionUrl(ids.Draft, section)), $"GET {section}");
            AssertRefused(await client.GetPageAsync(SectionUrl(ids.Issued, section)), $"GET {section} of an issued sheet");
            AssertRefused(await client.PostFormAsync(SectionUrl(ids.Draft, section), editForm), $"POST {section}: Save and continue");
        }
        AssertRefused(await client.PostFormAsync(SectionUrl(ids.Draft, "Governance") + "?handler=AddRow", editForm), "POST Governance: Add another row");
        AssertRefused(await client.PostFormAsync(EditUrl(ids.Draft) + "?handler=Issue", editForm), "POST Save and issue");
        Assert.Equal(sheets, await SheetCountAsync(Factory));
        Assert.Equal(draftBefore, (await LoadSheetAsync(Factory, ids.Draft)).Version);

        // The issued sheet: its page without edit controls, its preview, and its PDF.
        var details = await client.GetPageAsync($"/CoverSheets/{ids.Issued}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        var links = details.FindAll("main a").Select(a => Browser.Normalise(a.TextContent)).ToList();
        Assert.Contains("Download PDF", links);
        Assert.DoesNotContain(links, l => l.StartsWith("Edit", StringComparison.Ordinal));
        Assert.Empty(details.FindAll("main form"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync($"/CoverSheets/{ids.Issued}/Versions/1")).Status);
        using (var pdf = PdfDocument.Open(await PdfAsync(client, $"/CoverSheets/{ids.Issued}/Versions/1/Pdf")))
            Assert.Contains("The issued summary.", Text(pdf));

        // The draft: its page says so, with nothing to download; its preview and PDF are refused.
        details = await client.GetPageAsync($"/CoverSheets/{ids.Draft}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("Not issued yet", details.Text);
        Assert.DoesNotContain(details.FindAll("main a"), a => (a.GetAttribute("href") ?? "").Contains("/Versions/", StringComparison.Ordinal));
        Assert.Null(details.Find("#missing"));
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Draft}/Versions/1"), "draft preview");
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Draft}/Versions/1/Pdf"), "draft PDF");
        // A version that does not exist is simply not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/CoverSheets/{ids.Issued}/Versions/9/Pdf")).Status);
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task Board_secretaries_and_administrators_create_edit_and_preview_drafts(string user)
    {
        var ids = await ArrangeAsync();
        var client = await Factory.SignedInClientAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync(CreateUrl(ids.Free))).Status);
        var sheet = await CreateSheetAsync(client, ids.Free);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync(EditUrl(sheet))).Status);
        foreach (var section in AllSections)
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync(SectionUrl(sheet, section))).Status);
        Governance.GovernanceSeed.Redirected(await SaveSectionAsync(client, sheet, "Summary",
            (await EditFormAsync(client, sheet)).Set("Input.ExecutiveSummary", $"Drafted by {user}.")), EditUrl(sheet));
        var preview = await client.GetPageAsync($"/CoverSheets/{sheet}/Versions/1");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Draft – version 1, not issued", preview.Text);
        Assert.Contains($"Drafted by {user}.", preview.Text);
        var details = await client.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains(details.FindAll("main table a"), a => a.GetAttribute("href") == $"/CoverSheets/{sheet}/Versions/1/Pdf");
        await IssueCompleteAsync(client, sheet);
        Assert.True((await LoadSheetAsync(Factory, sheet)).HasBeenIssued);
    }

    [Fact]
    public async Task A_draft_PDF_is_printed_for_its_editors_with_a_draft_banner()
    {
        var ids = await ArrangeAsync();
        var secretary = await Factory.SignedInClientAsync(Secretary);

        using var response = await secretary.GetAsync($"/CoverSheets/{ids.Draft}/Versions/1/Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^cover-sheet-\d{4}-\d{2}-\d{2}-v1-draft\.pdf$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("DRAFT – VERSION 1, NOT ISSUED", Text(pdf)); // the banner's style sheet sets it in capitals
        Assert.EndsWith("(version 1, draft)", pdf.Information.Title);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var ids = await ArrangeAsync();
        var anonymous = Factory.NewClient();
        foreach (var url in new[]
        {
            CreateUrl(ids.Free), EditUrl(ids.Draft), SectionUrl(ids.Draft, "About"), SectionUrl(ids.Draft, "Governance"), $"/CoverSheets/{ids.Issued}", $"/CoverSheets/{ids.Issued}/Versions/1",
            $"/CoverSheets/{ids.Issued}/Versions/1/Pdf", $"/Governance/Meetings/{ids.Free.Meeting}/Pack",
        })
        {
            var page = await anonymous.GetPageAsync(url);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.StartsWith("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal),
                $"{url}: expected a redirect to sign in, got {(int)page.Status} {page.Location}");
        }
        var sheets = await SheetCountAsync(Factory);
        var before = (await LoadSheetAsync(Factory, ids.Draft)).Version;
        foreach (var url in new[] { CreateUrl(ids.Free), EditUrl(ids.Draft) + "?handler=Issue" }.Concat(AllSections.Select(s => SectionUrl(ids.Draft, s))))
        {
            var page = await anonymous.PostFormAsync(url, new FormFields { { "Input.Title", "Anonymous" } }, tokenFrom: "/Account/SignIn");
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.StartsWith("/Account/SignIn", StringComparison.Ordinal),
                $"POST {url}: expected a redirect to sign in, got {(int)page.Status} {page.Location}");
        }
        Assert.Equal(sheets, await SheetCountAsync(Factory));
        Assert.Equal(before, (await LoadSheetAsync(Factory, ids.Draft)).Version);
    }

}
