using System.Globalization;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>The app on Thursday 15 October 2026, in financial year 2026/27, for figures that depend on the day.</summary>
public sealed class FiguresAppServer() : AppServer(new FixedTime(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero)))
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

[CollectionDefinition(Name)]
public sealed class FiguresCollection : ICollectionFixture<FiguresAppServer>
{
    public const string Name = "Browser on 15 October 2026";
}

/// <summary>
/// A person opens the register and a contract and checks the figures on the pages themselves: the
/// register shows this year's value (Persona's projected 2026/27 £9,893,408.00, not the
/// £11,393,408.00 it was let at), sorts by it, and every year of "Values year by year" adds up.
/// </summary>
[Collection(FiguresCollection.Name)]
public sealed class FiguresTests(FiguresAppServer app)
{
    [Fact]
    public async Task Register_shows_this_years_values_and_the_contract_page_years_add_up()
    {
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();

        // The register, searched for Persona's renewal as a person would.
        await page.GotoAsync("/Contracts");
        await page.GetByLabel("Search by reference, title or provider").FillAsync("SC-2021-0001");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }));
        var persona = page.Locator("main table tbody tr").Filter(new() { HasText = "SC-2021-0001" });
        // £12,393,408 (2019/20) less £1m (2021/22) and £1.5m (2022/23); nothing agreed for 2026/27.
        Assert.Equal(["£9,893,408.00", "(projected)"], Lines(await persona.Locator("td").Nth(6).InnerTextAsync()));
        Assert.Contains("Annual values are for 2026/27", await page.Locator("#value-explained").InnerTextAsync());

        // The whole register, largest value first, by pressing the column heading twice.
        await page.GotoAsync("/Contracts");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Annual value", Exact = true }));
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Annual value", Exact = true }));
        var shown = (await page.Locator("main table tbody tr td:nth-child(7)").AllInnerTextsAsync()).Select(t => Pence(Lines(t)[0].Replace(" (estimate)", "", StringComparison.Ordinal))).ToList();
        var known = shown.TakeWhile(v => v is not null).ToList();
        Assert.True(known.Count > 10, "the register's first page should show values");
        Assert.Equal(known.OrderByDescending(v => v), known);
        await Browse.ScreenshotAsync(app, page, "figures register by value 2026-27");

        // Persona's page, opened from its link in the register.
        await page.GotoAsync("/Contracts?Filter.Q=SC-2021-0001");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "SC-2021-0001" }));
        var rows = page.Locator("#values-table tbody tr");
        var count = await rows.CountAsync();
        Assert.Equal(10, count);
        for (var i = 0; i < count; i++)
        {
            var cells = await rows.Nth(i).Locator("th, td").AllInnerTextsAsync();
            // Year, part of year, baseline, uplift, savings, other agreed change, annual value, ...
            var (baseline, uplift, savings, other, annual) = (Pence(cells[2]) ?? 0, Pence(cells[3]), Pence(cells[4]), Pence(cells[5]), Pence(cells[6]));
            Assert.True(baseline + uplift - savings + other == annual,
                $"{Lines(cells[0])[0]}: {cells[2]} + {cells[3]} − {cells[4]} + {cells[5]} is not {cells[6]}");
        }
        var year = rows.Filter(new() { HasText = "2026/27" });
        Assert.Equal("£9,893,408.00", (await year.Locator("td").Nth(5).InnerTextAsync()).Trim());
        Assert.StartsWith("Projected", (await year.Locator("td").Nth(7).InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.Locator("#annual-values").ScrollIntoViewIfNeededAsync();
        await Browse.ScreenshotAsync(app, page, "figures contract SC-2021-0001 values year by year");
    }

    [Fact]
    public async Task Screenshots_of_the_finance_portfolio_and_a_variation_check()
    {
        // Not a check of figures (the page tests hold those): pictures of the changed pages for people to look at.
        await using var finance = await app.NewContextAsync(AppPages.Finance);
        var portfolio = await finance.NewPageAsync();
        await portfolio.GotoAsync("/Finance");
        Assert.Equal("Total", (await portfolio.Locator("#years-table tfoot th").InnerTextAsync()).Trim());
        await Browse.ScreenshotAsync(app, portfolio, "figures finance portfolio 2026-27");
        await portfolio.GotoAsync("/Finance?Year=2017");
        await Browse.ScreenshotAsync(app, portfolio, "figures finance portfolio 2017-18 kent");

        await using var commissioner = await app.NewContextAsync(AppPages.Commissioner);
        var page = await commissioner.NewPageAsync();
        await page.GotoAsync("/Contracts?Filter.Q=SC-2021-0002");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "SC-2021-0002" }));
        await page.GotoAsync(page.Url.Replace("/Contracts/Details/", "/Contracts/", StringComparison.Ordinal) + "/Vary");
        await page.GetByLabel("Value", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("New annual value").FillAsync("60,000,000.00");
        await page.GetByLabel("Clause relied on").FillAsync("clause 53");
        await page.GetByLabel("Description of the variation").FillAsync("More community nursing hours");
        await page.Locator("input[name='Input.Decision']").FillAsync("Strategic Commissioning Board, 1 October 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the change" }).ClickAsync();
        await page.Locator("#variation-check").WaitForAsync();
        await Browse.ScreenshotAsync(app, page, "figures variation check");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"£1,234.56", "+£30,843.12", "-£2.08" as whole pence; blank, "None" and "Not set" as nothing.</summary>
    private static long? Pence(string shown)
    {
        var text = shown.Trim();
        if (text is "" or "None" or "Not set" or "Not known") return null;
        var pounds = decimal.Parse(text.TrimStart('+', '-').TrimStart('£'), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (text.StartsWith('-') ? -1 : 1) * (long)(pounds * 100m);
    }
}
