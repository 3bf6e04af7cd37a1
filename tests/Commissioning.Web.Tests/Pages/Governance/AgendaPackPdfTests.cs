using System.Diagnostics;
using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Documents;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// The demo's three-item board meeting (item 5 with a 20-page report, item 6, item 7 confidential) as its agenda, its
/// agenda pack and its public pack, downloaded as a viewer and read back with PdfPig.
/// </summary>
[Collection(CoverSheets.CoverSheetCollection.Name)]
public sealed class AgendaPackPdfTests(CoverSheets.CoverSheetApp app, ITestOutputHelper output)
{
    private const string Carers = "Item 5 – Carers Strategy refresh 2026 to 2029";
    private const string Market = "Item 6 – Homecare market position statement";
    private const string Contingency = "Item 7 – Provider contingency arrangements for a homecare contract";
    private const double Mm = 72 / 25.4;

    private readonly CoverSheets.CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    [Fact]
    public async Task Pack_has_the_agenda_then_each_items_sheet_and_reports_with_bookmarks_footers_and_confidential_marks()
    {
        var (meeting, date) = await DemoMeetingAsync();
        var viewer = await Factory.SignedInClientAsync(Viewer);
        var clock = Stopwatch.StartNew();
        using var pdf = PdfDocument.Open(await PdfAsync(viewer, $"/Governance/Meetings/{meeting}/Pack"));
        output.WriteLine($"pack of {pdf.NumberOfPages} pages in {clock.ElapsedMilliseconds} ms (first PDF of the run includes Chromium's start)");
        await SaveForLookingAsync(await PdfAsync(viewer, $"/Governance/Meetings/{meeting}/Pack"), "demo-agenda-pack.pdf");

        // Bookmarks: the agenda, then each item with its cover sheet and report.
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
        Assert.Equal(["Agenda", Carers, Market, Contingency], top.Select(b => b.Title));
        Assert.Equal(1, top[0].PageNumber);
        var carersSheet = top[1].PageNumber;
        var report = Assert.IsType<DocumentBookmarkNode>(top[1].Children[1]);
        Assert.Equal(["Cover sheet", $"Report: {BoardPackDemoSeeder.ReportFileName}"], top[1].Children.Select(c => c.Title));
        Assert.Equal((2, carersSheet), (carersSheet, ((DocumentBookmarkNode)top[1].Children[0]).PageNumber));
        Assert.Equal(top[2].PageNumber - BoardPackDemoSeeder.ReportPages, report.PageNumber);
        Assert.True(top[2].PageNumber < top[3].PageNumber);
        Assert.Equal(["Cover sheet"], top[3].Children.Select(c => c.Title));

        // Page order: agenda; item 5's sheet, then its report's 20 pages, all there and in order; item 6's sheet; item 7's sheet.
        Assert.Contains("Agenda", Body(pdf, 1));
        Assert.Contains("Carers Strategy refresh 2026 to 2029", Body(pdf, carersSheet));
        for (var n = 1; n <= BoardPackDemoSeeder.ReportPages; n++)
            Assert.Contains($"Report page {n} of {BoardPackDemoSeeder.ReportPages}", Body(pdf, report.PageNumber + n - 1));
        Assert.Contains("Homecare market position statement", Body(pdf, top[2].PageNumber));
        Assert.Contains("Provider contingency arrangements", Body(pdf, top[3].PageNumber));

        // A footer on every page: the meeting, "Page n of N" for the whole pack, and the item.
        var meetingName = $"Strategic Commissioning Board, {Dates.Long(date)}";
        for (var p = 1; p <= pdf.NumberOfPages; p++)
        {
            var item = p == 1 ? "Agenda" : p < top[2].PageNumber ? Carers : p < top[3].PageNumber ? Market : Contingency;
            Assert.Equal($"{meetingName} Page {p} of {pdf.NumberOfPages} {item}", Footer(pdf, p));
            Assert.Equal(p >= top[3].PageNumber ? "CONFIDENTIAL" : "", Banner(pdf, p));
        }
        AssertA4Portrait(pdf);

        Assert.Equal(($"Agenda pack – {meetingName}", "Bury Council", "Commissioning register"), (pdf.Information.Title, pdf.Information.Author, pdf.Information.Creator));
        Assert.Equal("en-GB", Assert.IsType<StringToken>(pdf.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data);
        // The agenda and the sheets are still tagged in the pack (the report pages are not: decision 0037).
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.Data.ContainsKey("StructTreeRoot"));
        Assert.True(pdf.GetPage(1).Dictionary.Data.ContainsKey("StructParents"));
        Assert.False(pdf.GetPage(report.PageNumber).Dictionary.Data.ContainsKey("StructParents"));
    }

    [Fact]
    public async Task Public_pack_leaves_the_confidential_item_out_and_lists_it_as_exempt()
    {
        var (meeting, date) = await DemoMeetingAsync();
        var viewer = await Factory.SignedInClientAsync(Viewer);
        using var response = await viewer.GetAsync($"/Governance/Meetings/{meeting}/Pack?public=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("-public.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await SaveForLookingAsync(bytes, "demo-public-pack.pdf");
        using var pdf = PdfDocument.Open(bytes);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["Agenda", Carers, Market], bookmarks.Roots.Select(b => b.Title));
        var text = Text(pdf, 1, pdf.NumberOfPages);
        Assert.DoesNotContain("Provider contingency", text);
        Assert.DoesNotContain("financial difficulty", text);
        Assert.DoesNotContain("Schedule 12A", text);
        Assert.DoesNotContain("CONFIDENTIAL", string.Concat(Enumerable.Range(1, pdf.NumberOfPages).Select(p => Banner(pdf, p))));
        // The agenda still shows there is a seventh item, as exempt.
        var agenda = Body(pdf, 1);
        Assert.Contains("Public agenda", agenda);
        Assert.Contains("7 CONFIDENTIAL ITEM Exempt information: not included in the public pack.", agenda);
        Assert.EndsWith(Market, Footer(pdf, pdf.NumberOfPages));
        Assert.Equal($"Public agenda pack – Strategic Commissioning Board, {Dates.Long(date)}", pdf.Information.Title);
        for (var p = 1; p <= pdf.NumberOfPages; p++) Assert.Contains($"Page {p} of {pdf.NumberOfPages}", Footer(pdf, p));
    }

    [Fact]
    public async Task Word_and_Excel_reports_and_unreadable_PDFs_are_listed_as_supplied_separately_not_merged()
    {
        var (meeting, _) = await DemoMeetingAsync();
        var viewer = await Factory.SignedInClientAsync(Viewer);
        int before;
        using (var pdf = PdfDocument.Open(await PdfAsync(viewer, $"/Governance/Meetings/{meeting}/Pack"))) before = pdf.NumberOfPages;

        await using (var scope = Factory.OpenDb())
        {
            var item = (await scope.Db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting)).Agenda.Single(i => i.Number == "6").Id;
            var store = scope.Services.GetRequiredService<DocumentStore>();
            using var book = new ClosedXML.Excel.XLWorkbook();
            book.AddWorksheet("Rates").Cell(1, 1).Value = "Hourly rate";
            using var xlsx = new MemoryStream();
            book.SaveAs(xlsx);
            xlsx.Position = 0;
            var owner = new DocumentOwner(DocumentOwnerKind.AgendaItem, item);
            await store.AddAsync(owner, "Market rates.xlsx", xlsx, new Actor("demo", "Daniel Hughes"));
            // A PDF's signature on a file that is not one: it is stored, but cannot be merged.
            using var broken = new MemoryStream("%PDF-1.7\nnot really a PDF\n%%EOF"u8.ToArray());
            await store.AddAsync(owner, "Damaged appendix.pdf", broken, new Actor("demo", "Daniel Hughes"));
        }

        using var after = PdfDocument.Open(await PdfAsync(viewer, $"/Governance/Meetings/{meeting}/Pack"));
        Assert.Equal(before, after.NumberOfPages);
        var agenda = PageText(after, 1);
        Assert.Contains("Supplied separately, not in this pack: Market rates.xlsx (Excel spreadsheet)", agenda);
        Assert.Contains("Supplied separately, not in this pack: Damaged appendix.pdf (a PDF that could not be read into the pack)", agenda);
        Assert.True(after.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["Cover sheet"], bookmarks.Roots[2].Children.Select(c => c.Title));
    }

    [Fact]
    public async Task Download_agenda_prints_the_meeting_and_its_items_with_presenters_and_actions()
    {
        var (meeting, date) = await DemoMeetingAsync();
        var viewer = await Factory.SignedInClientAsync(Viewer);
        var bytes = await PdfAsync(viewer, $"/Governance/Meetings/{meeting}/Agenda");
        await SaveForLookingAsync(bytes, "demo-agenda.pdf");
        using var pdf = PdfDocument.Open(bytes);

        Assert.Equal(1, pdf.NumberOfPages);
        var text = PageText(pdf, 1);
        foreach (var expected in new[]
                 {
                     "Bury Council", "Agenda", "Strategic Commissioning Board", "Body Strategic Commissioning Board", $"Date {Dates.Long(date)}", "Time 2pm",
                     "Venue Council Chamber, Bury Town Hall, and online", "Join online: https://meet.example.org/scb", "Chair Cllr Simpson",
                     "Item Title Presented by Action",
                     "5 Carers Strategy refresh 2026 to 2029 Julie Gonda, Director of Community Commissioning (DASS) Approve",
                     "6 Homecare market position statement Will Blandamer, Executive Director of Strategic Commissioning Note",
                     "7 CONFIDENTIAL Provider contingency arrangements for a homecare contract",
                     "Confidential because: Information relating to the financial or business affairs",
                     "Page 1 of 1",
                 })
            Assert.Contains(expected, text);
        Assert.Equal($"Agenda – Strategic Commissioning Board, {Dates.Long(date)}", pdf.Information.Title);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.Data.ContainsKey("StructTreeRoot"), "the agenda is a tagged PDF");
    }

    [Fact]
    public async Task Meeting_page_offers_the_packs_only_once_a_sheet_is_issued()
    {
        var (meeting, _) = await DemoMeetingAsync();
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var page = await secretary.GetPageAsync($"/Governance/Meetings/{meeting}");
        Assert.Equal($"/Governance/Meetings/{meeting}/Agenda", page.Find("#download-agenda")?.GetAttribute("href"));
        Assert.Equal($"/Governance/Meetings/{meeting}/Pack", page.Find("#download-pack")?.GetAttribute("href"));
        Assert.Equal($"/Governance/Meetings/{meeting}/Pack?public=true", page.Find("#download-public-pack")?.GetAttribute("href"));

        var drafted = await AgendaItemAsync(Factory, secretary, CoverSheets.CoverSheetApp.Today.AddDays(30));
        await CreateSheetAsync(secretary, drafted);
        page = await secretary.GetPageAsync($"/Governance/Meetings/{drafted.Meeting}");
        Assert.NotNull(page.Find("#download-agenda"));
        Assert.Null(page.Find("#download-pack"));
        Assert.Null(page.Find("#download-public-pack"));
        foreach (var url in new[] { $"/Governance/Meetings/{drafted.Meeting}/Pack", $"/Governance/Meetings/{drafted.Meeting}/Pack?public=true" })
        {
            var none = await secretary.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, none.Status);
            Assert.Equal("No agenda pack yet", Browser.Normalise(none.Find("h1")?.TextContent));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetPageAsync("/Governance/Meetings/999999/Agenda")).Status);
    }

    private async Task<(int Id, DateOnly Date)> DemoMeetingAsync()
    {
        await using var scope = Factory.OpenDb();
        var meetings = await scope.Db.Meetings.AsNoTracking().Where(m => m.Title == BoardPackDemoSeeder.MeetingTitle).ToListAsync();
        var meeting = meetings.Single(m => m.Agenda.Any(i => i.Title == "Carers Strategy refresh 2026 to 2029"));
        Assert.True(meeting.Date > Factory.Today, "the demo's pack meeting is ahead of the demo's today");
        return (meeting.Id, meeting.Date);
    }

    private static string Text(PdfDocument pdf, int from, int to) => string.Join(' ', Enumerable.Range(from, to - from + 1).Select(p => PageText(pdf, p)));

    /// <summary>The page's text above the pack's footer band and below its banner band.</summary>
    private static string Body(PdfDocument pdf, int page)
    {
        var p = pdf.GetPage(page);
        return string.Join(' ', p.GetWords().Where(w => w.BoundingBox.Bottom >= 17 * Mm && w.BoundingBox.Top <= p.Height - 11 * Mm).Select(w => w.Text));
    }

    private static string Footer(PdfDocument pdf, int page) =>
        string.Join(' ', pdf.GetPage(page).GetWords().Where(w => w.BoundingBox.Top < 15 * Mm)
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text));

    private static string Banner(PdfDocument pdf, int page)
    {
        var p = pdf.GetPage(page);
        return string.Join(' ', p.GetWords().Where(w => w.BoundingBox.Bottom > p.Height - 11 * Mm).Select(w => w.Text));
    }

    // For people to look at (pdftoppm -r 60); no test compares pixels.
    private static async Task SaveForLookingAsync(byte[] pdf, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "pdf-preview");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name), pdf);
    }
}
