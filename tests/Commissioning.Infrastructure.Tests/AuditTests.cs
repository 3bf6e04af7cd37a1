using System.Text.Json;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>Every save records who changed what, from what to what, and when; a failed save records nothing.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    // Odd ticks on purpose: the stamps must come from the audit context's clock to the tick, not from the machine.
    private static readonly DateTime AliceTime = new DateTime(2025, 3, 14, 9, 26, 53, 589, DateTimeKind.Utc).AddTicks(7);
    private static readonly DateTime BobTime = new DateTime(2025, 6, 2, 16, 5, 11, 42, DateTimeKind.Utc).AddTicks(3);

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", AliceTime, "user-alice");
    private readonly FakeAuditContext _bob = new("Bob Brown", BobTime, "user-bob");

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Saving_a_new_provider_writes_a_created_audit_entry_by_the_audit_context_user_at_its_time()
    {
        int id;
        await using (var db = _database.NewContext(_alice))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            id = provider.Id;
        }

        await using var check = _database.NewContext();
        var entry = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal(nameof(Provider), entry.EntityType);
        Assert.Equal(id, entry.EntityId);
        Assert.Equal("Created", entry.Action);
        Assert.Equal(_alice.UserName, entry.ChangedBy);
        Assert.Equal("user-alice", entry.ChangedById);
        Assert.Equal(AliceTime, entry.ChangedAtUtc);
    }

    [Fact]
    public async Task Saving_a_new_provider_stamps_created_and_updated_from_the_audit_context()
    {
        int id;
        await using (var db = _database.NewContext(_alice))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            id = provider.Id;
        }

        await using var check = _database.NewContext();
        var stored = await check.Providers.SingleAsync(p => p.Id == id);
        Assert.Equal(AliceTime, stored.CreatedAtUtc);
        Assert.Equal(AliceTime, stored.UpdatedAtUtc);
        Assert.Equal(_alice.UserName, stored.CreatedBy);
        Assert.Equal(_alice.UserName, stored.UpdatedBy);
        Assert.Equal("user-alice", stored.CreatedById);
        Assert.Equal("user-alice", stored.UpdatedById);
        Assert.NotEqual(Guid.Empty, stored.Version);
    }

    [Fact]
    public async Task Changing_a_contract_title_writes_an_updated_audit_entry_with_the_old_and_new_title()
    {
        var id = await AddContractAsync("Day opportunities for adults");
        var oldVersion = await VersionOfAsync(id);

        await using (var db = _database.NewContext(_bob))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            TestData.Describe(contract, "SC-2021-0001", "Day opportunities for adults with learning disabilities");
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var entry = await check.AuditEntries.Where(e => e.EntityType == nameof(Contract) && e.EntityId == id).OrderBy(e => e.Id).LastAsync();
        Assert.Equal("Updated", entry.Action);
        Assert.Equal(_bob.UserName, entry.ChangedBy);
        Assert.Equal(BobTime, entry.ChangedAtUtc);
        Assert.Contains("Title", entry.Changes);
        var changes = Changes(entry);
        // Only the title changed: unchanged fields and the audit columns themselves are not listed.
        var title = Assert.Single(changes);
        Assert.Equal(("Title", "Day opportunities for adults", "Day opportunities for adults with learning disabilities"), title);

        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal(AliceTime, stored.CreatedAtUtc);
        Assert.Equal(_alice.UserName, stored.CreatedBy);
        Assert.Equal(BobTime, stored.UpdatedAtUtc);
        Assert.Equal(_bob.UserName, stored.UpdatedBy);
        Assert.Equal(("user-alice", "user-bob"), (stored.CreatedById, stored.UpdatedById));
        Assert.NotEqual(oldVersion, stored.Version);
    }

    [Fact]
    public async Task Changing_only_a_rate_card_writes_an_updated_audit_entry_for_the_contract_with_the_old_and_new_lines()
    {
        int id;
        await using (var db = _database.NewContext(_alice))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var contract = TestData.Spot(provider.Id, "SC-2014-0001");
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            id = contract.Id;
        }

        await using (var db = _database.NewContext(_bob))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            contract.SetRateCard([new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(17.05m))]);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var entry = await check.AuditEntries.Where(e => e.EntityType == nameof(Contract) && e.EntityId == id).OrderBy(e => e.Id).LastAsync();
        Assert.Equal("Updated", entry.Action);
        Assert.Equal(_bob.UserName, entry.ChangedBy);
        var changes = Changes(entry);
        Assert.All(changes, c => Assert.Equal(nameof(Contract.RateCard), c.Field));
        Assert.Contains(changes, c => c.From is { } from && from.Contains("1613") && c.To is null);
        Assert.Contains(changes, c => c.To is { } to && to.Contains("1705") && c.From is null);
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal(BobTime, stored.UpdatedAtUtc);
        Assert.Equal(_bob.UserName, stored.UpdatedBy);
    }

    [Fact]
    public async Task Failed_save_of_a_duplicate_reference_leaves_neither_the_changes_nor_an_audit_entry()
    {
        var id = await AddContractAsync("Day opportunities for adults");
        var version = await VersionOfAsync(id);
        int auditCount, providerId;
        await using (var check = _database.NewContext())
        {
            auditCount = await check.AuditEntries.CountAsync();
            providerId = (await check.Contracts.SingleAsync(c => c.Id == id)).ProviderId!.Value;
        }

        await using (var db = _database.NewContext(_bob))
        {
            // One save: a valid title change together with a new contract whose reference is taken.
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            TestData.Describe(contract, "SC-2021-0001", "Renamed in the failed save");
            db.Providers.Add(TestData.Provider("Greenfields Residential Homes Ltd"));
            db.Contracts.Add(TestData.Block(providerId, "SC-2021-0001", 1_000_00, "Duplicate"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var check = _database.NewContext())
        {
            Assert.Equal(auditCount, await check.AuditEntries.CountAsync());
            var stored = await check.Contracts.SingleAsync();
            Assert.Equal("Day opportunities for adults", stored.Title);
            Assert.Equal(_alice.UserName, stored.UpdatedBy);
            Assert.Equal(AliceTime, stored.UpdatedAtUtc);
            Assert.Equal(version, stored.Version);
            Assert.Equal(1, await check.Providers.CountAsync());
        }
    }

    [Fact]
    public async Task Failed_insert_of_a_duplicate_reference_on_its_own_leaves_no_contract_and_no_audit_entry()
    {
        var id = await AddContractAsync("Day opportunities for adults");
        int auditCount, providerId;
        await using (var check = _database.NewContext())
        {
            auditCount = await check.AuditEntries.CountAsync();
            providerId = (await check.Contracts.SingleAsync(c => c.Id == id)).ProviderId!.Value;
        }

        await using (var db = _database.NewContext(_bob))
        {
            db.Contracts.Add(TestData.Block(providerId, "sc-2021-0001", 1_000_00, "Duplicate")); // references are stored upper case
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var after = _database.NewContext();
        Assert.Equal(auditCount, await after.AuditEntries.CountAsync());
        Assert.Equal(1, await after.Contracts.CountAsync());
    }

    [Fact]
    public async Task Failed_audit_write_rolls_back_the_change_it_was_recording()
    {
        var id = await AddContractAsync("Day opportunities for adults");
        var version = await VersionOfAsync(id);
        await using (var db = _database.NewContext())
            await db.Database.ExecuteSqlRawAsync(_database.Provider == DatabaseProvider.SqlServer
                ? "CREATE TRIGGER refuse_audit ON AuditEntries INSTEAD OF INSERT AS THROW 50000, 'audit store unavailable', 1;"
                : "CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;");

        await using (var db = _database.NewContext(_bob))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            TestData.Describe(contract, "SC-2021-0001", "Renamed without an audit entry");
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("audit store unavailable", refused.InnerException?.Message);
        }

        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal("Day opportunities for adults", stored.Title);
        Assert.Equal(_alice.UserName, stored.UpdatedBy);
        Assert.Equal(version, stored.Version);
    }

    private static List<(string Field, string? From, string? To)> Changes(AuditEntry entry)
    {
        using var json = JsonDocument.Parse(entry.Changes);
        return json.RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString()!, c.GetProperty("from").GetString(), c.GetProperty("to").GetString()))
            .ToList();
    }

    private async Task<Guid> VersionOfAsync(int id)
    {
        await using var db = _database.NewContext();
        return await db.Contracts.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }

    private async Task<int> AddContractAsync(string title)
    {
        await using var db = _database.NewContext(_alice);
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        var contract = TestData.Block(provider.Id, "SC-2021-0001", 12_393_408_00, title);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }
}
