using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>
/// Someone outside the council, not signed in, reads the published contracts (issue 17): searches, pages on, opens a
/// contract's values by year and follows its OCDS link, which answers JSON. By keyboard where a person would type.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PublicContractsTests(AppServer app)
{
    [GeneratedRegex(@"^(\d+) contracts matching “SC-”, page 1 of (\d+)$")]
    private static partial Regex Matching();

    [Fact]
    public async Task A_visitor_searches_pages_opens_a_contracts_values_and_follows_its_OCDS_link()
    {
        await using var context = await app.NewContextAsync(user: null);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Public/Contracts");
        Assert.Equal("Contracts published by Bury Council", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator(".govuk-service-navigation").CountAsync());
        await Browse.ScreenshotAsync(app, page, "public-contracts", "-1-list");

        // Type the search and press Enter, as a person at a keyboard does.
        await page.GetByLabel("Search by reference, title or supplier").FillAsync("SC-");
        await Browse.NextPageAsync(page, () => page.GetByLabel("Search by reference, title or supplier").PressAsync("Enter"), "Enter in the search box");
        var status = (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim();
        var match = Matching().Match(status);
        Assert.True(match.Success, status);
        Assert.True(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2, status);
        var firstPage = await page.Locator("section.govuk-summary-card h2").AllInnerTextsAsync();
        Assert.Equal(20, firstPage.Count);

        await Browse.ClickToNextPageAsync(page, page.Locator("nav.govuk-pagination a[rel=next]"));
        Assert.Contains("q=SC-", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);
        var secondPage = await page.Locator("section.govuk-summary-card h2").AllInnerTextsAsync();
        Assert.NotEmpty(secondPage);
        Assert.Empty(secondPage.Intersect(firstPage));
        await Browse.ScreenshotAsync(app, page, "public-contracts", "-2-search-page-2");

        // Back to Persona's renewal: its values by year open by keyboard (Enter on the details summary).
        await page.GetByLabel("Search by reference, title or supplier").FillAsync("SC-2021-0001");
        await Browse.NextPageAsync(page, () => page.GetByLabel("Search by reference, title or supplier").PressAsync("Enter"), "Enter in the search box");
        var summary = page.Locator("summary", new() { HasText = "Values by year" });
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var table = page.Locator("section.govuk-summary-card table");
        await table.WaitForAsync();
        var rows = await table.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.StartsWith("2021/22", StringComparison.Ordinal) && r.Contains("£11,393,408.00", StringComparison.Ordinal));
        Assert.StartsWith("Total of the years shown", rows[^1], StringComparison.Ordinal);
        await Browse.ScreenshotAsync(app, page, "public-contracts", "-3-values-by-year");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "OCDS record for SC-2021-0001 (JSON)" });
        var response = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Url.Contains("/ocds/records/", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);
        var record = JsonNode.Parse(await response.TextAsync())!;
        Assert.Equal("1.1", record["version"]!.ToString());
        Assert.Equal("Persona Care and Support – contract renewal 1 April 2021 to 31 March 2031",
            record["records"]![0]!["compiledRelease"]!["awards"]![0]!["title"]!.ToString());
        await Browse.ScreenshotAsync(app, page, "public-contracts", "-4-ocds-record");
    }
}
