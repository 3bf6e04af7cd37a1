using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>Contract references read SC-2021-0001 and are unique in the register.</summary>
public sealed class ReferenceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Next_reference_in_an_empty_register_is_the_first_of_the_year()
    {
        await using var db = _database.NewContext();

        Assert.Equal("SC-2021-0001", await ContractReferences.NextAsync(db, 2021));
    }

    [Fact]
    public async Task Next_reference_follows_the_highest_taken_in_that_year()
    {
        await AddContractsAsync("SC-2021-0003");
        await using var db = _database.NewContext();

        Assert.Equal("SC-2021-0004", await ContractReferences.NextAsync(db, 2021));
    }

    [Fact]
    public async Task Next_reference_ignores_other_years_and_gaps()
    {
        await AddContractsAsync("SC-2021-0001", "SC-2021-0003", "SC-2020-0009", "SC-2022-0012", "SC-2015-0001");
        await using var db = _database.NewContext();

        Assert.Equal("SC-2021-0004", await ContractReferences.NextAsync(db, 2021));
        Assert.Equal("SC-2020-0010", await ContractReferences.NextAsync(db, 2020));
        Assert.Equal("SC-2023-0001", await ContractReferences.NextAsync(db, 2023));
    }

    [Fact]
    public async Task Reference_unique_index_refuses_a_duplicate()
    {
        await AddContractsAsync("SC-2021-0003");
        await using var db = _database.NewContext();
        var providerId = await db.Providers.Select(p => p.Id).FirstAsync();
        db.Contracts.Add(TestData.Block(providerId, "SC-2021-0003", 5_000_00, "Another contract with a taken reference"));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var sqlite = Assert.IsType<SqliteException>(refused.InnerException);
        Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("Contracts.Reference", sqlite.Message);
        await using var check = _database.NewContext();
        Assert.Equal(1, await check.Contracts.CountAsync(c => c.Reference == "SC-2021-0003"));
    }

    private async Task AddContractsAsync(params string[] references)
    {
        await using var db = _database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        db.Contracts.AddRange(references.Select((r, i) => TestData.Block(provider.Id, r, (i + 1) * 1_000_00L, $"Contract {r}")));
        await db.SaveChangesAsync();
    }
}
