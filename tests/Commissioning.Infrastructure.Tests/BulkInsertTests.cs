using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>The generated demo's bulk INSERT: a row it writes reads back exactly as the same row saved through EF.</summary>
public sealed class BulkInsertTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly DateTime At = new(2024, 2, 1, 10, 0, 0, DateTimeKind.Utc);

    private static List<AnnualValueReview> Reviews(int contractId, DateRange term)
    {
        var commissioner = new Actor("u1", "Sarah Okafor");
        var finance = new Actor("u2", "Aisha Rahman");
        var at = At;
        var opening = AnnualValueReview.OpeningEntry(contractId, term, Money.Pounds(33_632_993.52m), commissioner, at);
        var position = new YearPosition(Money.Pounds(33_632_993.52m), Money.FromPence(84_082_483), Money.Pounds(1_000m));
        var returned = AnnualValueReview.Propose(contractId, term, new FinancialYear(2024), Money.Pounds(34_472_076.35m),
            new ReviewFactors(true, false, true, false, UpliftKind.NationalLivingWage, 2.5m), "First go; 'quotes' and ünïcode.", position, commissioner, at.AddDays(1));
        returned.Return(finance, at.AddDays(3), "Above the assumption.");
        var agreed = AnnualValueReview.Propose(contractId, term, new FinancialYear(2024), Money.Pounds(34_000_000.01m),
            new ReviewFactors(true, true, true, true, UpliftKind.Inflation, 1.75m), "Agreed.", position, commissioner, at.AddDays(4));
        agreed.Agree(finance, at.AddDays(5), null, null);
        List<AnnualValueReview> all = [opening, returned, agreed];
        foreach (var r in all) r.StampCreated("Demo data", at);
        return all;
    }

    [Fact]
    public async Task Rows_read_back_as_the_same_rows_saved_through_EF()
    {
        await _database.MigrateAsync();
        int viaEf, viaBulk;
        await using (var db = _database.NewContext(new FakeAuditContext("Demo data", At)))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var a = TestData.Block(provider.Id, "SC-2023-0001", 3_363_299_352);
            var b = TestData.Block(provider.Id, "SC-2023-0002", 3_363_299_352);
            db.Contracts.AddRange(a, b);
            await db.SaveChangesAsync();
            (viaEf, viaBulk) = (a.Id, b.Id);
            var term = a.CurrentTerm;
            db.AnnualValueReviews.AddRange(Reviews(viaEf, term));
            await db.SaveGeneratedAsync();
            await BulkInsert.InsertAsync(db, Reviews(viaBulk, term));
        }

        await using var read = _database.NewContext();
        var ef = await read.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == viaEf).OrderBy(r => r.Id).ToListAsync();
        var bulk = await read.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == viaBulk).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(3, bulk.Count);
        var properties = read.Model.FindEntityType(typeof(AnnualValueReview))!.GetProperties()
            .Where(p => p.Name is not (nameof(AnnualValueReview.Id) or nameof(AnnualValueReview.ContractId) or "Version")).ToList();
        for (var i = 0; i < ef.Count; i++)
            foreach (var p in properties)
                Assert.True(Equals(p.GetGetter().GetClrValue(ef[i]), p.GetGetter().GetClrValue(bulk[i])), $"row {i}: {p.Name} differs");
        // Read by the database as EF writes them: statuses by name, money as pence.
        Assert.Equal(1, await read.AnnualValueReviews.CountAsync(r => r.ContractId == viaBulk && r.Status == ReviewStatus.Returned));
        Assert.Equal(3_363_299_352L + 3_400_000_001L, await read.AnnualValueReviews.Where(r => r.ContractId == viaBulk && r.Status == ReviewStatus.Agreed).SumAsync(r => r.AnnualPence));
    }

    [Fact]
    public async Task A_type_with_owned_parts_is_refused()
    {
        await _database.MigrateAsync();
        await using var db = _database.NewContext();
        await Assert.ThrowsAsync<NotSupportedException>(() => BulkInsert.InsertAsync(db, [new FundingPlan(1, new FinancialYear(2024))]));
    }
}
