using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The one save every edit form uses (decision 0015): it saves only over the version the form
/// started from, and otherwise hands back the aggregate as someone else saved it.
/// </summary>
public sealed class VersionedSaveTests : IAsyncLifetime
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
    public async Task Save_from_the_stored_version_is_saved_under_a_new_version_with_its_audit_entry()
    {
        var id = await AddContractAsync();
        await using var db = _database.NewContext(_alice);
        Contract contract = await db.Contracts.SingleAsync(c => c.Id == id);
        var startedFrom = contract.Version;

        TestData.Describe(contract, "SC-2014-0001", "Homecare – renamed");
        var saved = await db.SaveVersionedAsync(contract, startedFrom, default);

        Assert.False(saved.IsStale);
        Assert.Same(contract, saved.Current);
        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal("Homecare – renamed", stored.Title);
        Assert.NotEqual(startedFrom, stored.Version);
        Assert.Equal(contract.Version, stored.Version);
        Assert.Equal(_alice.UserName, stored.UpdatedBy);
        Assert.Equal(["Created", "Updated"], await ActionsAsync(check, nameof(Contract), id));
    }

    /// <summary>
    /// The contract edit page's shape: each request loads the contract tracked and checks the form's
    /// version against it. Both pass that check; the first saves; the second's check already passed,
    /// so only its <c>UPDATE … WHERE Version = @original</c> stands between it and the first save.
    /// </summary>
    [Fact]
    public async Task Second_save_that_raced_past_the_early_check_is_refused_and_gets_the_first_save_back()
    {
        var id = await AddContractAsync();
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        Contract a = await first.Contracts.SingleAsync(c => c.Id == id);
        Contract b = await second.Contracts.SingleAsync(c => c.Id == id);
        var formVersion = a.Version;
        Assert.Equal(formVersion, b.Version);

        TestData.Describe(a, "SC-2014-0001", "Homecare – Alice's title");
        Assert.False((await first.SaveVersionedAsync(a, formVersion, default)).IsStale);
        // The second request's early check still passes: it sees the version it loaded before Alice saved.
        Assert.Equal(formVersion, b.Version);
        TestData.Describe(b, "SC-2014-0001", "Homecare – Bob's title");
        var saved = await second.SaveVersionedAsync(b, formVersion, default);

        Assert.True(saved.IsStale);
        var current = Assert.IsAssignableFrom<Contract>(saved.Current);
        Assert.Equal("Homecare – Alice's title", current.Title);
        Assert.Equal(a.Version, current.Version);
        Assert.Equal(_alice.UserName, current.UpdatedBy);
        // Bob's change is forgotten, not left waiting for the next save in his context.
        Assert.Empty(second.ChangeTracker.Entries());
        await using var check = _database.NewContext();
        Assert.Equal("Homecare – Alice's title", (await check.Contracts.SingleAsync(c => c.Id == id)).Title);
        Assert.Equal(["Created", "Updated"], await ActionsAsync(check, nameof(Contract), id));
    }

    /// <summary>
    /// The second request checks the form's version against a copy it read before the first save (as the
    /// savings target page does), and reads the contract it changes after it. The early check passes and
    /// the loaded contract is the first's version, so the save is refused only because the UPDATE is guarded
    /// by the version the form started from: without that guard, Bob would silently overwrite Alice.
    /// </summary>
    [Fact]
    public async Task Save_of_a_contract_read_after_someone_elses_save_is_refused_when_the_form_started_before_it()
    {
        var id = await AddContractAsync();
        await using var second = _database.NewContext(_bob);
        var snapshot = await second.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
        var formVersion = snapshot.Version;

        var aliceVersion = await RetitleAsync(id, "Homecare – Alice's title");
        Assert.Equal(formVersion, snapshot.Version);
        Contract b = await second.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal(aliceVersion, b.Version);
        TestData.Describe(b, "SC-2014-0001", "Homecare – Bob's title");
        var saved = await second.SaveVersionedAsync(b, formVersion, default);

        Assert.True(saved.IsStale);
        Assert.Equal(aliceVersion, saved.Current!.Version);
        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal("Homecare – Alice's title", stored.Title);
        Assert.Equal(aliceVersion, stored.Version);
    }

    [Fact]
    public async Task Rate_card_change_from_a_form_older_than_the_contract_is_refused_and_the_old_lines_kept()
    {
        var id = await AddContractAsync();
        await using var second = _database.NewContext(_bob);
        var formVersion = (await second.Contracts.AsNoTracking().SingleAsync(c => c.Id == id)).Version;
        await RetitleAsync(id, "Homecare – Alice's title");

        // Only owned rows change: the contract's own row is updated only for its version, and that UPDATE is what is refused.
        Contract b = await second.Contracts.SingleAsync(c => c.Id == id);
        b.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(18.00m))]);
        var saved = await second.SaveVersionedAsync(b, formVersion, default);

        Assert.True(saved.IsStale);
        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal([("Homecare", Money.Pounds(16.13m))], stored.RateCard.Select(l => (l.Service, l.UnitRate)));
    }

    [Fact]
    public async Task Form_that_carries_no_version_saves_nothing_and_gets_the_stored_provider()
    {
        var id = await AddProviderAsync();
        await using var db = _database.NewContext(_bob);
        var provider = await db.Providers.SingleAsync(p => p.Id == id);
        var storedVersion = provider.Version;

        provider.Update(Details("Riverside Day Services"));
        var saved = await db.SaveVersionedAsync(provider, startedFrom: null, default);

        Assert.True(saved.IsStale);
        Assert.Equal("Riverside Day Opportunities", saved.Current!.Name);
        await using var check = _database.NewContext();
        var stored = await check.Providers.SingleAsync(p => p.Id == id);
        Assert.Equal(("Riverside Day Opportunities", storedVersion), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task Stale_save_of_a_provider_no_longer_there_has_no_current_version()
    {
        var id = await AddProviderAsync();
        await using var db = _database.NewContext(_bob);
        var provider = await db.Providers.SingleAsync(p => p.Id == id);
        await using (var other = _database.NewContext())
            await other.Database.ExecuteSqlRawAsync("DELETE FROM \"Providers\" WHERE \"Id\" = {0}", id);

        provider.Update(Details("Riverside Day Services"));
        var saved = await db.SaveVersionedAsync(provider, provider.Version, default);

        Assert.True(saved.IsStale);
        Assert.Null(saved.Current);
    }

    /// <summary>The directorate and body edit pages catch this themselves to say the name is taken.</summary>
    [Fact]
    public async Task Unique_index_refusal_is_not_taken_for_a_stale_version()
    {
        await using var db = _database.NewContext(_alice);
        db.Directorates.Add(new Directorate("Children's Services"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var directorate = await db.Directorates.SingleAsync(d => d.Name == "Children's Services");

        directorate.Rename("Adult Social Care");
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveVersionedAsync(directorate, directorate.Version, default));

        Assert.IsNotType<DbUpdateConcurrencyException>(refused);
    }

    private static ProviderDetails Details(string name) =>
        new(name, OrganisationType.Vcse, IsSme: true, IsVcse: true, Address: "Bury, Greater Manchester");

    private static Task<List<string>> ActionsAsync(CommissioningDbContext db, string type, int id) =>
        db.AuditEntries.Where(e => e.EntityType == type && e.EntityId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();

    /// <summary>Alice's save, in a request of her own; returns the version it left.</summary>
    private async Task<Guid> RetitleAsync(int id, string title)
    {
        await using var db = _database.NewContext(_alice);
        Contract contract = await db.Contracts.SingleAsync(c => c.Id == id);
        var startedFrom = contract.Version;
        TestData.Describe(contract, "SC-2014-0001", title);
        Assert.False((await db.SaveVersionedAsync(contract, startedFrom, default)).IsStale);
        return contract.Version;
    }

    private async Task<int> AddProviderAsync()
    {
        await using var db = _database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider.Id;
    }

    private async Task<int> AddContractAsync()
    {
        var providerId = await AddProviderAsync();
        await using var db = _database.NewContext();
        var contract = TestData.Spot(providerId, "SC-2014-0001");
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }
}
