using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Issue 15: "all contracts" on the key dates page shows each list's first rows and a link to the whole list, which
/// comes a page at a time with GOV.UK pagination. A person follows the link, pages on, jumps to the last page and goes back.
/// </summary>
[Collection(LargeRegisterCollection.Name)]
public sealed partial class KeyDatesPagingTests(LargeRegisterAppServer app, ITestOutputHelper output)
{
    [GeneratedRegex(@"^Showing (\d+) to (\d+) of ([\d,]+) (.+)$")]
    private static partial Regex Position();

    private static async Task<(int First, int Last, int Total)> PositionAsync(IPage page)
    {
        var m = Position().Match((await page.Locator("#list-position").InnerTextAsync()).Trim());
        Assert.True(m.Success, "no \"Showing … of …\" line");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value.Replace(",", "")));
    }

    [Fact]
    public async Task A_commissioner_opens_all_decisions_to_make_pages_through_them_and_comes_back()
    {
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Browse.ClickToNextPageAsync(page, page.Locator("#scope").GetByRole(AriaRole.Link, new() { Name = "All contracts" }));

        // The dashboard: the first 20 decisions and a link to them all.
        Assert.Equal(20, await page.Locator("#decisions-table tbody tr").CountAsync());
        var more = page.Locator("#decisions-more a");
        var total = int.Parse(Regex.Match(await more.InnerTextAsync(), @"See all ([\d,]+)").Groups[1].Value.Replace(",", ""));
        Assert.True(total > 100, $"only {total} decisions");
        var firstOnDashboard = await page.Locator("#decisions-table tbody tr").First.Locator("a").First.InnerTextAsync();
        await Browse.ClickToNextPageAsync(page, more);

        // Page 1 of the whole list: the same first row, 50 rows, no other list.
        Assert.Equal(firstOnDashboard, await page.Locator("#decisions-table tbody tr").First.Locator("a").First.InnerTextAsync());
        Assert.Equal(50, await page.Locator("#decisions-table tbody tr").CountAsync());
        Assert.Equal((1, 50, total), await PositionAsync(page));
        Assert.Equal(0, await page.Locator("#reviews-table").CountAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "key-dates-all-decisions")}");

        var lastOnPage1 = await page.Locator("#decisions-table tbody tr").Last.Locator("a").First.InnerTextAsync();
        await Browse.ClickToNextPageAsync(page, page.Locator(".govuk-pagination__next a"));
        Assert.Equal((51, 100, total), await PositionAsync(page));
        Assert.NotEqual(lastOnPage1, await page.Locator("#decisions-table tbody tr").First.Locator("a").First.InnerTextAsync());
        Assert.Equal("2", await page.Locator(".govuk-pagination__item--current").InnerTextAsync());

        // The last page by its number, past the ellipsis.
        var pages = (total + 49) / 50;
        Assert.True(await page.Locator(".govuk-pagination__item--ellipses").CountAsync() > 0 || pages <= 4);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Page {pages}", Exact = true }));
        Assert.Equal(((pages - 1) * 50 + 1, total, total), await PositionAsync(page));
        Assert.Equal(total - (pages - 1) * 50, await page.Locator("#decisions-table tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator(".govuk-pagination__next").CountAsync());

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to all key dates" }));
        Assert.EndsWith("/?show=all", page.Url);
        Assert.Equal(20, await page.Locator("#decisions-table tbody tr").CountAsync());
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "key-dates-all-dashboard")}");
    }
}
