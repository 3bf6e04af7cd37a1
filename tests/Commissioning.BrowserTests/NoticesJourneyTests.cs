using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Issue 17: an officer finds a contract's overdue contract details notice from the contract page, records it as published
/// (first without the notice id, which the page asks for at the field, then with it), and reads it back on the contract page
/// and on the dashboard, where it is no longer overdue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticesJourneyTests(AppServer app, ITestOutputHelper output)
{
    // A generated demo contract awarded since 24 February 2025 (so under the Act) whose light-touch 120 days have passed.
    private const string Reference = "SC-2021-0108";

    [Fact]
    public async Task A_commissioner_records_an_overdue_contract_details_notice_as_published()
    {
        var contractPath = await app.ResolveAsync($"/Contracts/Details/{{contract:{Reference}}}");
        var id = contractPath.Split('/')[^1];
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();

        // The dashboard lists it as overdue.
        await page.GotoAsync("/Publish/Notices?status=overdue");
        Assert.Equal(1, await page.Locator($"#row-{id}-details").CountAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-dashboard-overdue")}");

        // Contract page → its notices.
        await page.GotoAsync(contractPath);
        Assert.Contains("Overdue", await page.Locator("#contract-notice-details").InnerTextAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-contract-page-before")}");
        await Browse.ClickToNextPageAsync(page, page.Locator("#notices-link"));
        Assert.EndsWith($"/Contracts/{id}/Notices", page.Url);
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-contract-notices")}");

        // Record as published: no notice id first.
        await Browse.ClickToNextPageAsync(page, page.Locator("#notice-details").GetByRole(AriaRole.Link, new() { NameRegex = new("^Record as published") }));
        var published = DateOnly.FromDateTime(DateTime.Today).AddDays(-1);
        await Fill.DateAsync(page, "Input-PublishedOn", published);
        await Fill.PressAsync(page, "Record as published");
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Contains("Enter the notice id the central digital platform gave the notice", await page.Locator("#Input-NoticeId-error").InnerTextAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-record-error")}");

        // The page came back with the date as typed; the id added, the main button records it.
        Assert.Equal(published.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#Input-PublishedOn-Day").InputValueAsync());
        await Fill.FieldAsync(page, "Notice id on the central digital platform", "012345-2026");
        await Fill.PressAsync(page, "Record as published");
        Assert.EndsWith($"/Contracts/{id}/Notices", page.Url);
        Assert.Contains("Contract details notice recorded as published", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Published", await page.Locator("#notice-details").InnerTextAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-contract-notices-after")}");

        // Read back on the contract page, and gone from the overdue list.
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Back to {Reference}" }));
        var row = await page.Locator("#contract-notice-details").InnerTextAsync();
        Assert.Contains("Published", row);
        Assert.Contains("012345-2026", row);
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "notices-contract-page-after")}");
        await page.GotoAsync("/Publish/Notices?status=overdue");
        Assert.Equal(0, await page.Locator($"#row-{id}-details").CountAsync());
        await page.GotoAsync("/Publish/Notices?status=published");
        Assert.Equal(1, await page.Locator($"#row-{id}-details").CountAsync());
    }
}
