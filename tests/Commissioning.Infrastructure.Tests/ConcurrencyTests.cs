using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Two people edit the same record: the first save wins, the second is refused rather than
/// silently overwriting. The version token is set by the application, so this holds on SQLite too.
/// </summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2025, 3, 14, 9, 0, 0, DateTimeKind.Utc));
    private readonly FakeAuditContext _bob = new("Bob Brown", new DateTime(2025, 3, 14, 9, 0, 5, DateTimeKind.Utc));

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Second_of_two_concurrent_provider_renames_is_refused_and_the_first_stands()
    {
        var id = await AddProviderAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.Providers.SingleAsync(p => p.Id == id);
        var b = await second.Providers.SingleAsync(p => p.Id == id);
        var versionBefore = a.Version;

        a.Update(Details("Riverside Day Opportunities CIC"));
        await first.SaveChangesAsync();
        Assert.NotEqual(versionBefore, a.Version);

        b.Update(Details("Riverside Day Services"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.NewContext();
        var stored = await check.Providers.SingleAsync(p => p.Id == id);
        Assert.Equal("Riverside Day Opportunities CIC", stored.Name);
        Assert.Equal(a.Version, stored.Version);
        Assert.Equal(_alice.UserName, stored.UpdatedBy);
        // Only the winning save is audited: created, then alice's update.
        Assert.Equal(["Created", "Updated"], await check.AuditEntries.Where(e => e.EntityType == nameof(Provider) && e.EntityId == id)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Stale_provider_save_is_refused_even_when_it_makes_the_same_change_as_the_save_that_won()
    {
        var id = await AddProviderAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.Providers.SingleAsync(p => p.Id == id);
        var b = await second.Providers.SingleAsync(p => p.Id == id);

        // Same new name on both sides: the second save would still overwrite the first's who-and-when.
        a.Update(Details("Riverside Day Opportunities CIC"));
        await first.SaveChangesAsync();
        b.Update(Details("Riverside Day Opportunities CIC"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Rate_card_change_then_concurrent_description_change_refuses_the_description_change()
    {
        var id = await AddSpotContractAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.Contracts.SingleAsync(c => c.Id == id);
        var b = await second.Contracts.SingleAsync(c => c.Id == id);
        var versionBefore = a.Version;

        // Only an owned part changes in the first context: the contract row itself has no changed column.
        a.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(17.05m))]);
        await first.SaveChangesAsync();
        Assert.NotEqual(versionBefore, a.Version);

        TestData.Describe(b, "SC-2014-0001", "Community support services – homecare (renamed)");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal("Community support services – homecare", stored.Title);
        Assert.Equal([Money.Pounds(17.05m)], stored.RateCard.Select(l => l.UnitRate));
        Assert.Equal(a.Version, stored.Version);
    }

    [Fact]
    public async Task Description_change_then_concurrent_rate_card_change_refuses_the_rate_card_change_and_keeps_the_old_lines()
    {
        var id = await AddSpotContractAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.Contracts.SingleAsync(c => c.Id == id);
        var b = await second.Contracts.SingleAsync(c => c.Id == id);

        TestData.Describe(a, "SC-2014-0001", "Community support services – homecare (renamed)");
        await first.SaveChangesAsync();

        // Only owned parts change in the second context; the version must still be checked.
        b.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(18.00m)), new RateCardLine("Nights", RateUnit.Night, Money.Pounds(95m))]);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal("Community support services – homecare (renamed)", stored.Title);
        // The refused save must not have half-applied: the original line is still the rate card.
        Assert.Equal([("Homecare", Money.Pounds(16.13m))], stored.RateCard.Select(l => (l.Service, l.UnitRate)));
        Assert.Equal(1, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"ContractRateCardLines\"").SingleAsync());
    }

    [Fact]
    public async Task Two_concurrent_rate_card_changes_refuse_the_second()
    {
        var id = await AddSpotContractAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.Contracts.SingleAsync(c => c.Id == id);
        var b = await second.Contracts.SingleAsync(c => c.Id == id);

        a.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(17.05m))]);
        await first.SaveChangesAsync();
        b.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(18.00m))]);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal([Money.Pounds(17.05m)], stored.RateCard.Select(l => l.UnitRate));
    }

    private static ProviderDetails Details(string name) =>
        new(name, OrganisationType.Vcse, IsSme: true, IsVcse: true, Address: "Bury, Greater Manchester");

    private async Task<int> AddProviderAsync()
    {
        await using var db = _database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider.Id;
    }

    private async Task<int> AddSpotContractAsync()
    {
        var providerId = await AddProviderAsync();
        await using var db = _database.NewContext();
        var contract = TestData.Spot(providerId, "SC-2014-0001");
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }
}
