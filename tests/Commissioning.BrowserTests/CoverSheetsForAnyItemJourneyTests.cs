using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Issue 18: cover sheets for any agenda item, as a person clicks. A board secretary puts a paper
/// that is not about a contract decision on the board's agenda and starts its cover sheet; a viewer
/// finds the LCO "Form and Function" sheet (001) from the meetings list and reads it, its print
/// preview and its PDF as the paper has it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoverSheetsForAnyItemJourneyTests(AppServer app, ITestOutputHelper output)
{
    private const string Lco = "Form and Function of the Local Care Organisation";

    [Fact]
    public async Task A_secretary_starts_a_cover_sheet_for_a_paper_not_about_a_decision()
    {
        var title = $"Urgent care programme budget {Guid.NewGuid().ToString("N")[..6]}";
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await app.ResolveAsync("/Governance/Meetings/{meeting:Strategic Commissioning Board}"));

        // Add the paper to the agenda: no contract decision.
        await Fill.FieldAsync(page, "Contract decision", "None: a paper not about a contract decision");
        await Fill.FieldAsync(page, "Title", title);
        await page.GetByLabel("Consider", new() { Exact = true }).CheckAsync();
        // This journey starts the sheet from the agenda row's own link, so the one-step sheet is left unticked.
        await page.GetByLabel("Start a cover sheet", new() { Exact = true }).UncheckAsync();
        await Fill.PressAsync(page, "Add an item");
        var row = page.Locator("#agenda-table tbody tr", new() { HasText = title });
        Assert.Equal(1, await row.CountAsync());

        // Its row offers a cover sheet; the create page says it is about no decision.
        await Browse.ClickToNextPageAsync(page, row.GetByRole(AriaRole.Link, new() { Name = "Create cover sheet", Exact = true }));
        Assert.Contains("/CoverSheets/Create?", page.Url);
        Assert.Contains("None: this paper is not about a contract decision", await page.Locator("main").InnerTextAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "cover-sheet-create-not-about-a-decision")}");
        await Fill.PressAsync(page, "Create cover sheet");
        Assert.Matches(@"/CoverSheets/\d+/Edit$", page.Url);
        var sheet = page.Url.Split('/')[^2];

        // Its page: nothing chosen yet, no decision, the sections still to finish.
        await page.GotoAsync($"/CoverSheets/{sheet}");
        Assert.Equal("Not chosen", (await page.Locator("#strategic-objectives").InnerTextAsync()).Trim());
        Assert.Equal("Not chosen", (await page.Locator("#assurance-framework").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("main a[href^='/Governance/Decisions']").CountAsync());
        Assert.Equal(["About the item", "Summary and recommendations", "Links and assurance", "Implications"],
            (await page.Locator("#missing > li > a").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Contains(title, await page.Locator("h1").InnerTextAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "cover-sheet-draft-not-about-a-decision")}");

        // The meeting's agenda now links to the sheet.
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }));
        Assert.Equal(1, await page.Locator("#agenda-table tbody tr", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "View cover sheet" }).CountAsync());
    }

    [Fact]
    public async Task A_viewer_reads_the_LCO_sheet_as_the_paper_has_it()
    {
        await using var context = await app.NewContextAsync(AppPages.Viewer);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Governance/Meetings");
        await Browse.ClickToNextPageAsync(page, page.Locator("main a", new() { HasText = "Strategic Commissioning Board on 5 October 2020" }));
        var row = page.Locator("#agenda-table tbody tr", new() { HasText = Lco });
        await Browse.ClickToNextPageAsync(page, row.GetByRole(AriaRole.Link, new() { Name = "View cover sheet" }));

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains($"Cover sheet: {Lco}", main);
        Assert.Contains("Strategic Commissioning Board · 5 October 2020 · Item 17", main);
        Assert.Equal("Not chosen", (await page.Locator("#strategic-objectives").InnerTextAsync()).Trim());
        Assert.Equal("Not chosen", (await page.Locator("#assurance-framework").InnerTextAsync()).Trim());
        Assert.Contains("Are there any Public, Patient and Service User Implications? Yes, No and N/A are all ticked, as the paper has it.",
            await page.Locator("#several-ticked").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#recorded-from-paper").CountAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "cover-sheet-lco-details")}");

        // The print preview: every ticked box, and Not chosen where the paper says "Choose an item.".
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Preview version 1 as printed" }));
        var printed = await page.Locator("body").InnerTextAsync();
        Assert.Contains("Not chosen", printed);
        var pps = await page.Locator("tr", new() { HasText = "Are there any Public, Patient and Service User Implications?" }).InnerTextAsync();
        Assert.Equal(3, pps.Count(c => c == '☒'));
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "cover-sheet-lco-print-preview")}");
        await page.GoBackAsync();

        // The PDF, kept beside the screenshots for a person to look at.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF", Exact = true }).ClickAsync());
        Assert.Equal("cover-sheet-2020-10-05-item-17-v1.pdf", download.SuggestedFilename);
        var file = Path.Combine(app.ScreenshotFolder, "cover-sheet-lco.pdf");
        await download.SaveAsAsync(file);
        var head = new byte[5];
        await using (var pdf = File.OpenRead(file)) Assert.Equal(5, await pdf.ReadAsync(head));
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        output.WriteLine($"PDF: {file}");
    }
}
