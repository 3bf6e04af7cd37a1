using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>
/// A person pages through a register of many pages (issue 15): the pager shows the first and last pages, the current
/// one and its neighbours and "⋯" for the rest, never every page; Next, a numbered page and the last page each show
/// the next 25 contracts in order.
/// </summary>
[Collection(LargeRegisterCollection.Name)]
public sealed partial class RegisterPagingTests(LargeRegisterAppServer app)
{
    private const int PageSize = 25;

    [GeneratedRegex(@"^([\d,]+) contracts$")]
    private static partial Regex Total();

    /// <summary>The pager as a person reads it: "1 2 3 ⋯ 14", the current page in brackets.</summary>
    private static async Task<string> PagerAsync(IPage page)
    {
        var items = page.Locator("nav.govuk-pagination li");
        var texts = new List<string>();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            var item = items.Nth(i);
            var text = (await item.InnerTextAsync()).Trim();
            texts.Add((await item.GetAttributeAsync("class"))!.Contains("--current", StringComparison.Ordinal) ? $"[{text}]" : text);
        }
        return string.Join(" ", texts);
    }

    private static async Task<List<string>> ReferencesAsync(IPage page) =>
        [.. (await page.Locator("main table tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim())];

    [Fact]
    public async Task Paging_through_the_register_with_next_a_numbered_page_and_the_last_shows_each_page_once_in_order()
    {
        await using var context = await app.NewContextAsync(AppPages.Viewer);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Contracts");

        var total = int.Parse(Total().Match((await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim()).Groups[1].Value,
            NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(total > LargeRegisterAppServer.ExtraContracts, $"{total} contracts");
        var pages = (total + PageSize - 1) / PageSize;
        var first = await ReferencesAsync(page);
        Assert.Equal(PageSize, first.Count);
        Assert.Equal($"[1] 2 ⋯ {pages}", await PagerAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).CountAsync());

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Next page" }));
        var second = await ReferencesAsync(page);
        Assert.Equal($"1 [2] 3 ⋯ {pages}", await PagerAsync(page));

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Page 3", Exact = true }));
        var third = await ReferencesAsync(page);
        Assert.Equal($"1 2 [3] 4 ⋯ {pages}", await PagerAsync(page));
        Assert.Contains("Filter.PageNumber=3", page.Url, StringComparison.Ordinal);
        await Browse.ScreenshotAsync(app, page, "register-page-3");

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Page {pages}", Exact = true }));
        var last = await ReferencesAsync(page);
        Assert.Equal($"1 ⋯ {pages - 1} [{pages}]", await PagerAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).CountAsync());
        Assert.Equal(total - (pages - 1) * PageSize, last.Count);

        // Sorted by reference across the pages, and no contract on two of them.
        var read = first.Concat(second).Concat(third).ToList();
        Assert.Equal(3 * PageSize, read.Distinct().Count());
        Assert.Equal(read.Order(StringComparer.Ordinal), read);
        Assert.True(string.CompareOrdinal(third[^1], last[0]) < 0);
        Assert.Equal(last.Order(StringComparer.Ordinal), last);
    }

    [Fact]
    public async Task The_pager_keeps_the_sort_and_filters()
    {
        await using var context = await app.NewContextAsync(AppPages.Viewer);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Contracts");
        await Browse.ClickToNextPageAsync(page, page.Locator("main table thead").GetByRole(AriaRole.Link, new() { Name = "Title" }));
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Active" });
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }));
        var titles = new List<string>();
        titles.AddRange(await page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync());

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Next page" }));
        titles.AddRange(await page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync());

        Assert.Contains("Filter.Sort=title", page.Url, StringComparison.Ordinal);
        Assert.Contains("Filter.Status=Active", page.Url, StringComparison.Ordinal);
        Assert.Equal("Active", await page.GetByLabel("Status").Locator("option:checked").InnerTextAsync());
        Assert.All(await page.Locator("main table tbody tr td:nth-child(5)").AllInnerTextsAsync(), s => Assert.StartsWith("Active", s.Trim(), StringComparison.Ordinal));
        Assert.Equal(2 * PageSize, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles); // the second page carries on the first's order
    }
}
