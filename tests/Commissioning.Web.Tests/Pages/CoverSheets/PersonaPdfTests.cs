using System.Net;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// The named test: the demo data's Persona cover sheet for the Strategic Commissioning
/// Board of 01 March 2021, downloaded as a viewer and read back with PdfPig, an independent reader.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class PersonaPdfTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    private const string Summary = "The purpose of this report is to outline the proposal to renew the contract between Bury Council and Persona Care and Support Limited from 1st April 2021 for a 10-year tenure until 31st March 2031.";

    [Fact]
    public async Task Persona_cover_sheet_PDF_has_the_title_summary_and_earlier_meetings_on_tagged_A4_pages()
    {
        var sheet = await PersonaSheetAsync(Factory);
        var viewer = await Factory.SignedInClientAsync(Viewer);

        // The sheet page offers the latest issued version.
        var details = await viewer.GetPageAsync($"/CoverSheets/{sheet.Id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        var download = details.FindAll("main a").First(a => Browser.Normalise(a.TextContent) == "Download PDF");
        Assert.Equal($"/CoverSheets/{sheet.Id}/Versions/1/Pdf", download.GetAttribute("href"));

        using var response = await viewer.GetAsync($"/CoverSheets/{sheet.Id}/Versions/1/Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cover-sheet-2021-03-01-v1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        var text = Text(pdf);
        Assert.Contains(PersonaTitle, text);
        Assert.Contains(Summary, text);
        Assert.Contains("Executive Board 15/02/2021 Approved", text);
        Assert.Contains("Community Commissioning Management Team (CCMT) 02/02/2021 Recommended", text);
        // Only the steps before this meeting: not the board itself, scrutiny or Cabinet.
        Assert.DoesNotContain("24/03/2021", text);
        Assert.DoesNotContain("02/03/2021", text);
        // Ticked boxes as ☒, empty as ☐: "Are there any financial implications?" is answered Yes.
        Assert.Contains("Are there any financial implications? Yes ☒ No ☐ N/A ☐", text);
        Assert.Contains("Are there any health and safety issues? Yes ☐ No ☒ N/A ☐", text);

        AssertA4Portrait(pdf);
        Assert.Equal($"Page 1 of {pdf.NumberOfPages}", Footer(pdf, 1));
        AssertPageNumbers(pdf);

        // Tagged, in British English, titled, with headings and table headers in the structure tree.
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var markInfo = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["MarkInfo"]));
        Assert.Equal(BooleanToken.True, Resolve(pdf, markInfo.Data["Marked"]));
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"), "no StructTreeRoot");
        var roles = StructureRoles(pdf, catalog.Data["StructTreeRoot"]);
        Assert.Contains("H1", roles);
        Assert.Contains("TH", roles);
        Assert.Contains("Table", roles);
        Assert.Equal("en-GB", Assert.IsType<StringToken>(Resolve(pdf, catalog.Data["Lang"])).Data);
        Assert.Equal($"{PersonaTitle} – Strategic Commissioning Board cover sheet, 1 March 2021 (version 1)", pdf.Information.Title);
        Assert.True(pdf.TryGetBookmarks(out var outline), "no document outline");
        Assert.Contains("Meeting: Strategic Commissioning Board", outline.GetNodes().Select(n => n.Title));
    }

    [Fact]
    public async Task Print_preview_is_the_same_markup_as_a_whole_HTML_document()
    {
        var sheet = await PersonaSheetAsync(Factory);
        var viewer = await Factory.SignedInClientAsync(Viewer);

        var preview = await viewer.GetPageAsync($"/CoverSheets/{sheet.Id}/Versions/1");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("en-GB", preview.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"{PersonaTitle} – Strategic Commissioning Board cover sheet, 1 March 2021 (version 1)", preview.Document.Title);
        Assert.Contains(Summary, preview.Text);
        var governance = preview.FindAll("table.governance tbody tr")
            .Select(r => string.Join(' ', r.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)))).ToList();
        Assert.Equal(["Executive Board 15/02/2021 Approved", "Community Commissioning Management Team (CCMT) 02/02/2021 Recommended"], governance);
        Assert.Empty(preview.FindAll("script"));
    }
}
