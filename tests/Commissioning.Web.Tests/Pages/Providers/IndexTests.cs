using Commissioning.Domain.Providers;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Providers;

/// <summary>The providers list shows 50 a page, with the whole count: a large council's 800 made a 570 KB page.</summary>
[Collection(SharedApp.People)]
public sealed class IndexTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Sixty_providers_found_are_shown_fifty_then_ten()
    {
        await using (var scope = factory.OpenDb())
        {
            for (var i = 0; i < 60; i++)
                scope.Db.Providers.Add(new Provider(new ProviderDetails($"Pagetest Care {i:00}", OrganisationType.PrivateCompany, true, false, null)));
            await scope.Db.SaveChangesAsync();
        }
        var client = await factory.SignedInClientAsync(Viewer);

        var first = await client.GetPageAsync("/Providers?Q=Pagetest");
        var second = await client.GetPageAsync(first.Find("nav.govuk-pagination a[rel='next']")!.GetAttribute("href")!);

        Assert.Contains("60 providers, 1 to 50 shown", first.Text);
        Assert.Contains("60 providers, 51 to 60 shown", second.Text);
        var names = first.FindAll("table tbody tr").Concat(second.FindAll("table tbody tr"))
            .Select(r => Browser.Normalise(r.QuerySelector("a")!.TextContent)).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"Pagetest Care {i:00}"), names);
    }
}
