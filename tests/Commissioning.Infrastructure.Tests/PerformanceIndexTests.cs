using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The indexes the busy queries need (issue 15, decision 0028): in the model of both providers, and on SQLite used by
/// the planner as the application's own queries are written (EXPLAIN QUERY PLAN on a migrated file).
/// </summary>
public sealed class PerformanceIndexTests : IDisposable
{
    private readonly SqliteTestDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    public static TheoryData<string, string[]> Wanted => new()
    {
        // A contract's reviews, every status (the contract page; a renewal's opening value).
        { "AnnualValueReviews", ["ContractId", "FinancialYearStart"] },
        // A year's agreed values by contract, read from the index alone (finance portfolio, reviews due).
        { "AnnualValueReviews", ["FinancialYearStart", "Status", "ContractId", "YearValuePence"] },
        // Contracts by their dates (key dates, the portfolio's span, the register's sort by end date).
        { "Contracts", ["CurrentEndDate"] },
        { "Contracts", ["MaximumEndDate"] },
        { "Contracts", ["StartDate"] },
    };

    private static IRelationalModel Model(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : SqlServerModel.NeverOpened);
        using var db = new CommissioningDbContext(builder.Options, new SystemAuditContext());
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    [Theory]
    [MemberData(nameof(Wanted))]
    public void The_index_is_in_both_providers_models_unfiltered(string table, string[] columns)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.SqlServer })
        {
            var indexes = Model(provider).Tables.Single(t => t.Name == table).Indexes;
            Assert.Contains(indexes, i => i.Columns.Select(c => c.Name).SequenceEqual(columns) && i.Filter is null);
        }
    }

    /// <summary>The plan SQLite chooses for a query as EF writes it (constants in the LINQ, so no parameters).</summary>
    private static async Task<string> PlanAsync(CommissioningDbContext db, IQueryable query)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.ToQueryString();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3)); // id, parent, notused, detail
        return string.Join("\n", lines);
    }

    [SqliteOnlyFact("EXPLAIN QUERY PLAN is SQLite's; SQL Server's index is checked in its model")]
    public async Task Sqlite_finds_a_contracts_reviews_by_index_not_by_scanning_the_table()
    {
        await _sqlite.MigrateAsync();
        await using var db = _sqlite.NewContext();

        // As ContractFinance.LoadAsync asks.
        var plan = await PlanAsync(db, db.AnnualValueReviews.Where(r => r.ContractId == 7)
            .OrderByDescending(r => r.FinancialYearStart).ThenByDescending(r => r.ProposedAtUtc));

        Assert.Contains("SEARCH a USING INDEX IX_AnnualValueReviews_ContractId_FinancialYearStart (ContractId=?)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [SqliteOnlyFact("EXPLAIN QUERY PLAN is SQLite's; SQL Server's index is checked in its model")]
    public async Task Sqlite_sums_a_years_agreed_values_from_the_covering_index_alone()
    {
        await _sqlite.MigrateAsync();
        await using var db = _sqlite.NewContext();

        var plan = await PlanAsync(db, db.AnnualValueReviews.Where(r => r.Status == ReviewStatus.Agreed && r.FinancialYearStart == 2026)
            .GroupBy(r => r.ContractId).Select(g => new { g.Key, Pence = g.Sum(r => r.YearValuePence) }));

        Assert.Contains("SEARCH a USING COVERING INDEX IX_AnnualValueReviews_YearSums (FinancialYearStart=? AND Status=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan); // the rows come in contract order: no sort for the grouping
    }
}
