using System.Reflection;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Owned rows come back in key order, which is not always the order that means something: an exercised extension
/// option is stored as a new row, so its key is after the options still to come. Every owned list is put in its own
/// order as it loads (OwnedCollectionOrder, decision 0022).
/// </summary>
public sealed class OwnedCollectionOrderTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private static List<T> Backing<T>(object owner, string field)
    {
        var type = owner.GetType();
        while (type.GetField(field, BindingFlags.Instance | BindingFlags.NonPublic) is null) type = type.BaseType!;
        return (List<T>)type.GetField(field, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(owner)!;
    }

    [Fact]
    public async Task Extension_options_load_in_sequence_after_the_first_is_exercised()
    {
        int id;
        await using (var db = _database.NewContext())
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var contract = TestData.Block(provider.Id, "SC-2021-0001", 100_000_00);
            contract.SetTerm(new ContractTerm(new DateOnly(2021, 4, 1), new DateOnly(2026, 3, 31),
                [new ExtensionOptionTerm(12, false), new ExtensionOptionTerm(6, false), new ExtensionOptionTerm(3, false)], 6));
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            id = contract.Id;
        }
        await using (var db = _database.NewContext())
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            contract.ExerciseNextOption();
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);

        Assert.Equal([1, 2, 3], Backing<ExtensionOption>(stored, "_extensionOptions").Select(o => o.Sequence));
        Assert.Equal(2, stored.NextExtensionOption()!.Sequence);
    }

    [Fact]
    public async Task Rate_card_lines_load_in_the_order_they_were_entered()
    {
        int id;
        await using (var db = _database.NewContext())
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var contract = TestData.Spot(provider.Id, "SC-2021-0002",
                new[] { "Waking night", "Homecare", "Sleep-in", "Day support" }.Select(s => new RateCardLine(s, RateUnit.Hour, Domain.Common.Money.Pounds(20m))), "Homecare");
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            id = contract.Id;
        }

        await using var check = _database.NewContext();
        var stored = await check.Contracts.SingleAsync(c => c.Id == id);

        Assert.Equal(["Waking night", "Homecare", "Sleep-in", "Day support"], Backing<RateCardLine>(stored, "_rateCard").Select(l => l.Service));
    }
}
