using System.Net;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// A meeting's agenda pack: the latest issued version of each of its cover sheets, in agenda
/// order, in one PDF; drafts left out; and a plain "not yet" page when nothing is issued.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class AgendaPackTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    [Fact]
    public async Task Pack_has_the_latest_issued_sheets_in_agenda_order_and_no_drafts()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var date = CoverSheetApp.Today.AddDays(15);
        var first = await AgendaItemAsync(Factory, secretary, date, title: Governance.GovernanceSeed.Unique("First item"), number: "3");
        var meeting = first.Meeting;
        var second = await AgendaItemAsync(Factory, secretary, date, title: Governance.GovernanceSeed.Unique("Second item"), meeting: meeting, number: "4");
        var third = await AgendaItemAsync(Factory, secretary, date, title: Governance.GovernanceSeed.Unique("Third item"), meeting: meeting, number: "5");

        // The second item's sheet is made and issued first, so sheet order is not agenda order.
        var secondSheet = await CreateSheetAsync(secretary, second);
        await IssueCompleteAsync(secretary, secondSheet, "Summary of the second item.");
        var firstSheet = await CreateSheetAsync(secretary, first);
        await IssueCompleteAsync(secretary, firstSheet, "First item, version 1.");
        await IssueCompleteAsync(secretary, firstSheet, "First item, version 2.");
        Governance.GovernanceSeed.Redirected(await SaveAsync(secretary, firstSheet,
            (await EditFormAsync(secretary, firstSheet)).Set("Input.ExecutiveSummary", "First item, version 3 in draft.")), EditUrl(firstSheet));
        var thirdSheet = await CreateSheetAsync(secretary, third);
        Governance.GovernanceSeed.Redirected(await SaveAsync(secretary, thirdSheet,
            Complete(await EditFormAsync(secretary, thirdSheet), "Summary of the third item, a draft.")), EditUrl(thirdSheet));

        var viewer = await Factory.SignedInClientAsync(Viewer);
        using var response = await viewer.GetAsync($"/Governance/Meetings/{meeting}/Pack");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("agenda-pack-2030-06-18-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        // After the agenda (page 1, which lists every item), the sheets.
        var text = string.Join(' ', Enumerable.Range(2, pdf.NumberOfPages - 1).Select(p => PageText(pdf, p)));
        var at = new[] { first.Title, "First item, version 2.", second.Title, "Summary of the second item." }.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, $"missing from the pack: {text}"));
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain("First item, version 1.", text);
        Assert.DoesNotContain("version 3 in draft", text);
        // The draft's item is on the agenda (page 1), and nowhere after it.
        Assert.Contains(third.Title, PageText(pdf, 1));
        Assert.DoesNotContain(third.Title, string.Join(' ', Enumerable.Range(2, pdf.NumberOfPages - 1).Select(p => PageText(pdf, p))));
        Assert.DoesNotContain("DRAFT", text);

        // The agenda is page 1; each sheet starts on a page of its own; one numbering runs through the pack.
        var firstPage = Enumerable.Range(2, pdf.NumberOfPages - 1).First(p => PageText(pdf, p).Contains(first.Title, StringComparison.Ordinal));
        var secondPage = Enumerable.Range(2, pdf.NumberOfPages - 1).First(p => PageText(pdf, p).Contains(second.Title, StringComparison.Ordinal));
        Assert.Equal(2, firstPage);
        Assert.True(secondPage > firstPage, $"the second sheet starts on page {secondPage}");
        Assert.StartsWith("Bury Council Meeting:", PageText(pdf, secondPage));
        AssertA4Portrait(pdf);
        foreach (var page in pdf.GetPages())
            Assert.EndsWith($"Page {page.Number} of {pdf.NumberOfPages}", string.Join(' ', page.GetWords().Where(w => w.BoundingBox.Top < FooterMargin && w.BoundingBox.Bottom > 9 * 72 / 25.4).Select(w => w.Text)));
        var title = (await Governance.GovernanceSeed.LoadMeetingAsync(Factory, meeting)).Title;
        Assert.Equal($"Agenda pack – {title}, 18 June 2030", pdf.Information.Title);
    }

    [Fact]
    public async Task Meeting_without_an_issued_sheet_has_no_pack()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var drafted = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(16));
        var empty = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(16));
        await CreateSheetAsync(secretary, drafted);
        var viewer = await Factory.SignedInClientAsync(Viewer);

        foreach (var meeting in new[] { drafted.Meeting, empty.Meeting })
        {
            var page = await viewer.GetPageAsync($"/Governance/Meetings/{meeting}/Pack");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Equal("No agenda pack yet", Browser.Normalise(page.Find("h1")?.TextContent));
            Assert.Equal("No cover sheet for this meeting has been issued yet, so there is no agenda pack to download. Issue the cover sheets first.",
                Browser.Normalise(page.Find("#pdf-problem")?.TextContent));
            Assert.Equal($"/Governance/Meetings/{meeting}", page.Find("a.govuk-back-link")?.GetAttribute("href"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetPageAsync("/Governance/Meetings/999999/Pack")).Status);
    }
}
