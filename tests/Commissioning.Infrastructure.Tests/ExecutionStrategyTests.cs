using System.Data.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Every test database runs with a retrying execution strategy (SQLite: busy or locked; SQL Server:
/// EnableRetryOnFailure), so each explicit transaction must run inside it and a retry must run the whole
/// unit of work again: the change once, its audit entries once (decision 0021).
/// </summary>
public sealed class ExecutionStrategyTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", At, "user-alice");

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Test_databases_use_a_strategy_that_retries()
    {
        using var db = _database.NewContext();
        var strategy = db.Database.CreateExecutionStrategy();
        Assert.True(strategy.RetriesOnFailure, $"{strategy.GetType().Name} does not retry");
    }

    [Fact]
    public async Task An_audited_save_works_under_the_retrying_strategy()
    {
        await using (var db = _database.NewContext(_alice))
        {
            db.Providers.Add(TestData.Provider());
            await db.SaveChangesAsync();
        }
        await using var check = _database.NewContext();
        Assert.Equal(1, await check.Providers.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Saves_inside_a_callers_transaction_run_in_the_strategy_and_commit_together()
    {
        await using (var db = _database.NewContext(_alice))
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync();
                var provider = TestData.Provider();
                db.Providers.Add(provider);
                await db.SaveChangesAsync();
                db.Contracts.Add(TestData.Block(provider.Id, "SC-2021-0001", 12_000_00));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
        }
        await using var check = _database.NewContext();
        Assert.Equal(1, await check.Contracts.CountAsync());
        Assert.Equal(2, await check.AuditEntries.CountAsync());
    }

    public static TheoryData<string> FailurePoints => ["first command", "audit insert", "commit"];

    private const string SqliteBusy = "injects SQLite's busy answer (5), which only the SQLite strategy retries; SQL Server's errors cannot be made without a server failing";

    [SqliteOnlyTheory(SqliteBusy)]
    [MemberData(nameof(FailurePoints))]
    public async Task A_busy_database_once_is_retried_and_the_save_lands_once_with_one_set_of_audit_entries(string failAt)
    {
        var busy = new BusyOnce(failAt);
        int id;
        await using (var db = _database.NewContext(_alice, busy))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            id = provider.Id;
            Assert.Equal(EntityState.Unchanged, db.Entry(provider).State);
        }

        Assert.True(busy.Failed, $"no failure was injected at the {failAt}");
        // Run again, the insert leaves the id to the database (SQL Server refuses an explicit identity value).
        Assert.All(busy.ProviderInserts, sql => Assert.DoesNotContain("\"Id\"", sql[..sql.IndexOf("VALUES", StringComparison.Ordinal)], StringComparison.Ordinal));
        Assert.Equal(2, busy.ProviderInserts.Count);
        await using var check = _database.NewContext();
        var stored = Assert.Single(await check.Providers.ToListAsync());
        Assert.Equal(id, stored.Id);
        var entry = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal(id, entry.EntityId);
        Assert.Equal("Created", entry.Action);
    }

    [SqliteOnlyFact(SqliteBusy)]
    public async Task A_busy_database_once_while_updating_is_retried_over_the_same_version()
    {
        int id;
        await using (var db = _database.NewContext(_alice))
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            id = provider.Id;
        }
        var busy = new BusyOnce("audit insert", armed: false);
        await using (var db = _database.NewContext(_alice, busy))
        {
            var contract = TestData.Block(id, "SC-2021-0001", 12_000_00);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            TestData.Describe(contract, "SC-2021-0001", "Renamed once");
            busy.Arm();
            await db.SaveChangesAsync();
        }

        Assert.True(busy.Failed);
        await using var check = _database.NewContext();
        Assert.Equal("Renamed once", (await check.Contracts.SingleAsync()).Title);
        Assert.Equal(["Created", "Updated"], await check.AuditEntries.Where(e => e.EntityType == nameof(Contract)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    /// <summary>Answers SQLITE_BUSY once, at the chosen point of the next save, as a second writer on the file would.</summary>
    private sealed class BusyOnce(string failAt, bool armed = true) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private bool _armed = armed;
        public bool Failed { get; private set; }
        public List<string> ProviderInserts { get; } = [];

        public void Arm() => (_armed, Failed) = (true, false);

        private void MaybeFail(string point, string? sql = null)
        {
            if (!_armed || point != failAt || (point == "audit insert" && sql?.Contains("AuditEntries", StringComparison.Ordinal) != true)) return;
            _armed = false;
            Failed = true;
            throw new SqliteException("database is locked (injected)", 5);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Providers\"", StringComparison.Ordinal)) ProviderInserts.Add(command.CommandText);
            MaybeFail("first command");
            MaybeFail("audit insert", command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            MaybeFail("first command");
            MaybeFail("audit insert", command.CommandText);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            MaybeFail("commit");
            return ValueTask.FromResult(result);
        }
    }
}
