using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class TimelineTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Timeline_lists_edits_and_events_newest_first_with_from_to_who_and_when()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31), [12], category: Domain.Contracts.ServiceCategory.Other);

        // 1. An edit of the title.
        var edit = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.Title", "Renamed for the timeline");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/Edit/{id}", edit)).Status);
        // 2. The option exercised.
        var extend = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "Performs well").Set("Input.Decision", "CCMT");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Extend", extend)).Status);
        // 3. A variation of value.
        var vary = (await client.GetPageAsync($"/Contracts/{id}/Vary")).Form().Set("Input.Changes", "Value").Set("Input.NewValue", "105,000.00")
            .Set("Input.Clause", "clause 53").Set("Input.Reason", "More hours").Set("Input.Decision", "DOD-1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Vary", vary)).Status);

        var page = await client.GetPageAsync($"/Contracts/Details/{id}");
        var titles = page.FindAll(".app-timeline__title").Select(e => Browser.Normalise(e.TextContent)).ToList();

        Assert.Equal(["Variation under clause 53: value", "Extension option 1 exercised (12 months)", "Contract edited", "Contract added to the register"], titles);
        var items = page.FindAll(".app-timeline__item").Select(e => Browser.Normalise(e.TextContent)).ToList();
        Assert.Contains("Annual value £100,000.00 to £105,000.00 (+5%)", items[0]);
        Assert.Contains("Ten per cent rule: value and term each moved by 10% or less", items[0]);
        var rows = page.FindAll(".app-timeline__item")[1].QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.Children.Select(td => Browser.Normalise(td.TextContent)))).ToList();
        Assert.Contains("Current end date | 31 March 2028 | 31 March 2029", rows);
        Assert.Contains("End date 31 March 2028 to 31 March 2029", items[1]);
        Assert.Contains($"By {NameOf(Commissioner)}", items[1]);
        Assert.Contains("Lifecycle test", items[2]);
        Assert.Contains("Renamed for the timeline", items[2]);
        Assert.Contains("Record a variation", page.Text);
    }

    [Fact]
    public async Task Renewal_appears_in_the_history_of_both_contracts()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var page = await client.GetPageAsync($"/Contracts/Details/{await factory.ContractIdAsync("SC-2015-0001")}");
        var renewed = await client.GetPageAsync($"/Contracts/Details/{await factory.ContractIdAsync("SC-2021-0001")}");

        Assert.Contains("Renewed by SC-2021-0001", page.Find("#history")!.ParentElement!.TextContent);
        Assert.Contains(renewed.FindAll(".app-timeline__title"), e => e.TextContent.Contains("Renews SC-2015-0001", StringComparison.Ordinal));
        Assert.DoesNotContain("Record a variation", page.Text);
    }
}
