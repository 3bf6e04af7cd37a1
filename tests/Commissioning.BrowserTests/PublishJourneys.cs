using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commissioning.BrowserTests;

/// <summary>
/// A finance officer publishes a quarter's contract data as a person would: the Publish link, a quarter chosen from the
/// list, the contracts shown, the CSV downloaded and read. Also the page after an unknown quarter in its address: the
/// error at the field, and "Show contracts" still shows the quarter then chosen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishJourneys(AppServer app)
{
    [Fact]
    public async Task A_finance_officer_chooses_a_quarter_sees_its_contracts_and_downloads_the_csv()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, AppPages.Finance);

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Publish", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Publish contract data");
        await page.GetByLabel("Quarter").SelectOptionAsync(new SelectOptionValue { Value = "2021-22-Q2" });
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show contracts" }));

        // July to September 2021: the five papers' contracts then in force (Persona's renewal, the LCO, both lots, B&NES),
        // and any generated contract whose dates, counted from today, reach back that far.
        var listed = await page.Locator("#contracts-table tbody th a").AllInnerTextsAsync();
        await Expect(page.Locator("#file")).ToHaveTextAsync($"2021/22 Q2: {listed.Count} contracts");
        Assert.Subset(listed.ToHashSet(), new HashSet<string> { "SC-2016-0001", "SC-2016-0002", "SC-2021-0001", "SC-2021-0002", "SC-2021-0003" });
        Assert.DoesNotContain("SC-2015-0001", listed); // Persona's old contract ended on 31 March 2021
        await Browse.ScreenshotAsync(app, page, "publish contract data 2021-22 Q2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of the contracts for 2021/22 Q2" }).ClickAsync());
        Assert.Equal("contracts-2021-22-q2.csv", download.SuggestedFilename);
        var text = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Organisation Label,Organisation URI,Contract Reference,Open Contracting ID,Title,Description,", lines[0], StringComparison.Ordinal);
        Assert.Equal(listed.Count + 1, lines.Length);
        var bnes = Assert.Single(lines, l => l.Contains(",SC-2021-0003,", StringComparison.Ordinal));
        Assert.Contains("Avon Specialist Support Ltd", bnes);
        Assert.Contains(",2021-08-01,2028-07-31,", bnes);
        Assert.Contains(",707361.00,", bnes);
    }

    [Fact]
    public async Task An_unknown_quarter_is_shown_at_the_field_and_show_contracts_then_shows_the_one_chosen()
    {
        await using var context = await app.NewContextAsync(AppPages.Finance);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Publish?quarter=2021-22-Q7");

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a quarter from the list");
        await Expect(page.Locator("#Quarter-error")).ToContainTextAsync("Choose a quarter from the list");
        await Browse.ScreenshotAsync(app, page, "publish contract data", "-unknown-quarter");

        await page.GetByLabel("Quarter").SelectOptionAsync(new SelectOptionValue { Value = "2017-18-Q2" });
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show contracts" }));

        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Expect(page.Locator("#file")).ToContainTextAsync("2017/18 Q2:");
        Assert.Contains("SC-2014-0001", await page.Locator("#contracts-table").InnerTextAsync());
    }
}
