using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>The demo data and 70 more awarded contracts with nothing agreed: more than a page of "Contracts with no agreed value".</summary>
public sealed class FinancePagingAppServer : AppServer
{
    public const int Added = 70;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        var provider = await db.Providers.Where(p => p.Name == "Kent Homecare Partnership Ltd").Select(p => p.Id).SingleAsync();
        var directorate = await db.Directorates.Where(d => d.Name == "Adult Social Care").Select(d => d.Id).SingleAsync();
        var year = FinancialYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
        for (var i = 1; i <= Added; i++)
        {
            var contract = new BlockContract(provider, Money.Pounds(1_000m * i));
            contract.Describe(new ContractDescription($"PAGED-{i:000}", $"Paged list contract {i}", null, ServiceCategory.Other, directorate,
                ResponsibleCommissioner.Historic("Test Commissioner"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
            contract.SetTerm(new ContractTerm(year.Start, year.Next.End, [], 3));
            contract.RecordAward(year.Start.AddMonths(-1), lettingDecision: null);
            db.Contracts.Add(contract);
        }
        await db.SaveChangesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FinancePagingCollection : ICollectionFixture<FinancePagingAppServer>
{
    public const string Name = "Browser with a long list of contracts with no agreed value";
}

/// <summary>
/// A finance officer reads "Contracts with no agreed value" a page at a time, pressing Next as a
/// person would, and downloads the whole list: the download has every contract, in the page's order.
/// </summary>
[Collection(FinancePagingCollection.Name)]
public sealed class FinancePagingTests(FinancePagingAppServer app)
{
    private const int PageSize = 50;

    [Fact]
    public async Task Page_two_of_contracts_with_no_agreed_value_shows_the_next_rows_and_the_download_has_them_all()
    {
        await using var context = await app.NewContextAsync(AppPages.Finance);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Finance");

        var first = await ReferencesAsync(page);
        Assert.Equal(PageSize, first.Count);
        var showing = await page.Locator("#due-showing").InnerTextAsync();
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(showing, @"of (\d+) contracts").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= FinancePagingAppServer.Added, showing);
        Assert.StartsWith("Showing 1 to 50 of", showing, StringComparison.Ordinal);

        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of contracts with no agreed value" });
        await Browse.ClickToNextPageAsync(page, pager.GetByRole(AriaRole.Link, new() { Name = "Next page" }));

        Assert.Contains("DuePage=2", page.Url, StringComparison.Ordinal);
        var second = await ReferencesAsync(page);
        Assert.Equal(Math.Min(PageSize, total - PageSize), second.Count);
        Assert.Empty(second.Intersect(first));
        Assert.StartsWith("Showing 51 to", await page.Locator("#due-showing").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("page", await pager.Locator("[aria-current]").GetAttributeAsync("aria-current"));
        Assert.Equal("2", (await pager.Locator("[aria-current]").InnerTextAsync()).Trim());
        await Browse.ScreenshotAsync(app, page, "finance portfolio no agreed value page 2");
        // The list's end and its pager as a person sees them on screen.
        await pager.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "finance-portfolio-no-agreed-value-pager.png") });

        // The download, from the link under the table (fetched with the page's own cookies), has every contract in the page's order.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "CSV of Contracts with no agreed value for this year or next" }).GetAttributeAsync("href");
        Assert.Contains("table=due", href, StringComparison.Ordinal);
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var references = lines.Take(total).Select(l => l.Split(',')[0].Trim('"')).ToList();
        Assert.Equal(total + 1, lines.Count); // and the totals row
        Assert.Equal(first, references.Take(PageSize));
        Assert.Equal(second, references.Skip(PageSize).Take(second.Count));
        Assert.Contains("PAGED-070", references);
    }

    [Fact]
    public async Task The_reviews_queue_shows_reviews_due_a_page_at_a_time()
    {
        await using var context = await app.NewContextAsync(AppPages.Finance);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Finance/Reviews");

        var first = await DueAsync(page);
        var showing = await page.Locator("#due-showing").InnerTextAsync();
        Assert.Equal(PageSize, first.Count);
        Assert.StartsWith("Showing 1 to 50 of", showing, StringComparison.Ordinal);

        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of reviews due" });
        await Browse.ClickToNextPageAsync(page, pager.GetByRole(AriaRole.Link, new() { Name = "Next page" }));

        Assert.Contains("DuePage=2", page.Url, StringComparison.Ordinal);
        var second = await DueAsync(page);
        Assert.NotEmpty(second);
        Assert.Empty(second.Intersect(first));
        Assert.StartsWith("Showing 51 to", await page.Locator("#due-showing").InnerTextAsync(), StringComparison.Ordinal);
        await pager.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "finance-reviews-due-page-2.png") });
    }

    private static async Task<List<string>> DueAsync(IPage page) =>
        (await page.Locator("#due-table tbody tr td:first-child a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    private static async Task<List<string>> ReferencesAsync(IPage page) =>
        (await page.Locator("#due-table tbody tr th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
