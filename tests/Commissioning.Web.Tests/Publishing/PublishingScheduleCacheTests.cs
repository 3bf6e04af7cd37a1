using System.Net;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Tests.Pages.Publish;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>
/// The publishing pages and the OCDS feed need each contract's value over its term on every request. They take it
/// from the projections the finance portfolio already holds (decision 0029), so a look at an unchanged register
/// rebuilds no value schedules; a save makes the next look build them once again.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class PublishingScheduleCacheTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private ScheduleCache Cache => factory.Services.GetRequiredService<ScheduleCache>();

    [Fact]
    public async Task Publish_the_public_page_and_the_feed_build_the_projections_once_between_saves()
    {
        Cache.Clear();
        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var anonymous = factory.NewCookielessClient();
        var loads = Cache.Loads;

        Assert.Equal(HttpStatusCode.OK, (await finance.GetPageAsync("/Publish")).Status);
        Assert.Equal(loads + 1, Cache.Loads);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetPageAsync("/Publish")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public/Contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/ocds/releases.json")).StatusCode);
        Assert.Equal(loads + 1, Cache.Loads);

        await factory.AddAsync("PUB-CACHE-01", Domain.Contracts.CommissioningForm.Block, 20_000m, new DateOnly(2010, 4, 1), new DateOnly(2011, 3, 31));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/ocds/releases.json")).StatusCode);
        Assert.Equal(loads + 2, Cache.Loads);
    }

    [Fact]
    public async Task The_public_page_and_the_feed_are_made_once_between_saves_and_a_save_shows_at_once()
    {
        Cache.Clear();
        var anonymous = factory.NewCookielessClient();
        var made = Cache.Made;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public/Contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public/Contracts?Q=care&page=2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/ocds/releases.json")).StatusCode);
        var before = await anonymous.GetStringAsync("/ocds/releases.json");
        // The published contracts once, the feed's releases in order once: every later answer is made from those.
        Assert.Equal(made + 2, Cache.Made);

        var id = await factory.AddAsync("PUB-KEPT-01", Domain.Contracts.CommissioningForm.Block, 20_000m, new DateOnly(2009, 4, 1), new DateOnly(2010, 3, 31));
        var page = await anonymous.GetStringAsync("/Public/Contracts?Q=PUB-KEPT-01");
        var after = await anonymous.GetStringAsync("/ocds/releases.json");

        Assert.Contains("PUB-KEPT-01", page);
        Assert.DoesNotContain($"-{id}-award\"", before);
        Assert.Contains($"-{id}-award\"", after);
        Assert.Equal(made + 4, Cache.Made);
        // The same page twice gives the same JSON: each answer makes its own copy of the kept releases.
        Assert.Equal(after, await anonymous.GetStringAsync("/ocds/releases.json"));
    }
}
