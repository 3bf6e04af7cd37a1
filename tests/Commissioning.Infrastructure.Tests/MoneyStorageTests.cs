using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Money is stored as whole pence (a 64-bit integer), so that the database sums, sorts and
/// filters exactly as decimal arithmetic does, whatever the culture of the machine.
/// </summary>
public sealed class MoneyStorageTests : IAsyncLifetime
{
    private const int RandomContracts = 200;
    private const long FiftyMillionPoundsInPence = 50_000_000_00;

    /// <summary>Values that would go wrong as binary floating point or with a culture's separators.</summary>
    private static readonly long[] AwkwardPence =
        [3_363_299_352, 3_363_299_351, 3_363_299_353, 1, 10, 99, 100, 1_239_340_800, 70_736_100, 1_613, FiftyMillionPoundsInPence, FiftyMillionPoundsInPence - 1];

    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("en-GB")]
    public async Task Database_sum_ordering_and_filtering_of_pence_match_decimal_arithmetic_in_culture(string culture)
    {
        await InCultureAsync(culture, async () =>
        {
            var seeded = await SeedAsync();
            await using var db = _database.NewContext();

            // Sum, computed by the database.
            var expectedSum = seeded.Sum(c => c.AnnualValue!.Value.Amount) * 100m;
            var databaseSum = await db.Contracts.SumAsync(c => c.AnnualValuePence);
            Assert.NotNull(databaseSum);
            Assert.Equal(expectedSum, (decimal)databaseSum.Value);

            // Ordering, done by the database.
            var expectedOrder = seeded.OrderBy(c => c.AnnualValue!.Value).ThenBy(c => c.Id).Select(c => c.Id).ToList();
            var databaseOrder = await db.Contracts.OrderBy(c => c.AnnualValuePence).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
            Assert.Equal(expectedOrder, databaseOrder);
            var expectedDescending = seeded.OrderByDescending(c => c.AnnualValue!.Value).ThenBy(c => c.Id).Select(c => c.Id).ToList();
            var databaseDescending = await db.Contracts.OrderByDescending(c => c.AnnualValuePence).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
            Assert.Equal(expectedDescending, databaseDescending);

            // Filtering, done by the database, with the threshold as a parameter.
            foreach (var threshold in new[] { 0m, 0.99m, 1m, 16.13m, 707_361m, 12_393_408m, 25_000_000m, 33_632_993.51m, 33_632_993.52m, 49_999_999.99m, 50_000_000m }
                         .Select(Money.Pounds))
            {
                var pence = threshold.Pence;
                var expected = seeded.Count(c => c.AnnualValue!.Value > threshold);
                var counted = await db.Contracts.CountAsync(c => c.AnnualValuePence > pence);
                Assert.True(expected == counted, $"More than {threshold} in {culture}: expected {expected}, the database counted {counted}.");
            }

            // ... and with the threshold written into the SQL as a literal.
            Assert.Equal(seeded.Count(c => c.AnnualValue!.Value > Money.Pounds(33_632_993.52m)),
                await db.Contracts.CountAsync(c => c.AnnualValuePence > 3_363_299_352L));

            // Every value reads back exactly.
            var stored = await db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.AnnualValue);
            Assert.Equal(seeded.ToDictionary(c => c.Id, c => c.AnnualValue), stored);
        });
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("en-GB")]
    public async Task Thirty_three_million_pounds_and_pence_round_trip_exactly_through_a_fresh_context(string culture)
    {
        await InCultureAsync(culture, async () =>
        {
            var value = Money.Pounds(33_632_993.52m);
            int blockId, spotId;
            await using (var db = _database.NewContext())
            {
                var provider = TestData.Provider();
                db.Providers.Add(provider);
                await db.SaveChangesAsync();
                var block = TestData.Block(provider.Id, "SC-2014-0001", value.Pence);
                var spot = TestData.Spot(provider.Id, "SC-2017-0001",
                    [new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(16.13m)), new RateCardLine("Nights", RateUnit.Night, Money.Pounds(1_234_567.89m))],
                    "Community support services – homecare continuation");
                db.Contracts.AddRange(block, spot);
                await db.SaveChangesAsync();
                (blockId, spotId) = (block.Id, spot.Id);
            }

            await using (var fresh = _database.NewContext())
            {
                var block = await fresh.Contracts.SingleAsync(c => c.Id == blockId);
                Assert.Equal(3_363_299_352L, block.AnnualValuePence);
                Assert.Equal(value, block.AnnualValue);
                Assert.Equal(33_632_993.52m, block.AnnualValue!.Value.Amount);
                Assert.Equal("£33,632,993.52", block.AnnualValue.Value.ToString());

                var spot = await fresh.Contracts.SingleAsync(c => c.Id == spotId);
                Assert.Equal(value, spot.AnnualValue);
                Assert.Equal([Money.Pounds(16.13m), Money.Pounds(1_234_567.89m)], spot.RateCard.Select(l => l.UnitRate));
            }
        });
    }

    private async Task<List<Contract>> SeedAsync()
    {
        await using var db = _database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();

        var random = new Random(20211122);
        var pence = Enumerable.Range(0, RandomContracts).Select(_ => random.NextInt64(1, FiftyMillionPoundsInPence + 1)).Concat(AwkwardPence).ToList();
        var contracts = pence.Select((p, i) => (Contract)TestData.Block(provider.Id, $"SC-2030-{i + 1:0000}", p, $"Block contract {i + 1}")).ToList();
        db.Contracts.AddRange(contracts);
        await db.SaveChangesAsync();

        Assert.Equal(RandomContracts + AwkwardPence.Length, await db.Contracts.CountAsync());
        Assert.Contains(contracts, c => c.AnnualValue!.Value.Amount % 1 != 0); // pence, not only whole pounds
        return contracts;
    }

    private static async Task InCultureAsync(string name, Func<Task> test)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            Assert.Equal(name, CultureInfo.CurrentCulture.Name);
            if (name != "en-GB") Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator); // a real culture, not invariant mode
            await test();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
