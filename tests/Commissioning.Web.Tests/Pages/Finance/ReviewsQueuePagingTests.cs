using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>
/// The reviews queue (/Finance/Reviews) shows each list 50 a page with the whole list's count: at 10,000 contracts it
/// printed every one of 6,000 reviews due (3.9 MB). Every review due is on exactly one page.
/// </summary>
[Collection(SharedApp.Finance)]
public sealed class ReviewsQueuePagingTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Reviews_due_are_shown_fifty_a_page_and_every_one_is_on_exactly_one_page()
    {
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var added = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            await FinanceSeed.ContractAsync(factory, new BlockContract(provider, Money.Pounds(10_000m + i)), $"PGDUE-{i:00}",
                ServiceCategory.DayServices, "Adult Social Care", new DateOnly(2020, 4, 1), new DateOnly(2040, 3, 31), exactReference: true);
            added.Add($"PGDUE-{i:00}");
        }
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var first = await client.GetPageAsync("/Finance/Reviews");
        var showing = Browser.Normalise(first.Find("#due-showing")!.TextContent);
        var total = int.Parse(showing.Split(" of ")[1].Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("Showing 1 to 50 of ", showing, StringComparison.Ordinal);
        Assert.True(total >= 60, showing);
        Assert.Equal(50, first.FindAll("#due-table tbody tr").Count);

        var seen = new List<string>();
        var pages = (total + 49) / 50;
        for (var p = 1; p <= pages; p++)
        {
            var page = p == 1 ? first : await client.GetPageAsync($"/Finance/Reviews?DuePage={p}");
            seen.AddRange(page.FindAll("#due-table tbody tr").Select(r => Browser.Normalise(r.QuerySelector("a")!.TextContent)));
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.All(added, reference => Assert.Contains(reference, seen));
        // The pager keeps the other list's page, and lands on the list.
        var last = await client.GetPageAsync($"/Finance/Reviews?WaitingPage=1&DuePage={pages}");
        var previous = last.Find("#reviews-due ~ nav.govuk-pagination a[rel='prev']")!.GetAttribute("href")!;
        Assert.Contains("WaitingPage=1", previous);
        Assert.EndsWith("#reviews-due", previous);
    }
}
