using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Contracts on every boundary of the status rule, in a real SQLite file. Most have the term 1 April 2024 to
/// 31 March 2027, awarded 15 January 2024; each differs from that in one way, named by its reference.
/// </summary>
public sealed class ContractStatusFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    private static DateOnly On(int y, int m, int d) => new(y, m, d);

    public async Task InitializeAsync()
    {
        await Database.MigrateAsync();
        await using var db = Database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();

        Contract Block(string reference, DateOnly? awarded, DateOnly start, DateOnly end, params ExtensionOptionTerm[] options)
        {
            var c = new BlockContract(provider.Id, Money.Pounds(1_000m));
            TestData.Describe(c, reference, "Status boundary " + reference);
            c.SetTerm(new ContractTerm(start, end, options, 3));
            c.RecordAward(awarded, lettingDecision: null);
            return c;
        }
        Contract Standard(string reference, DateOnly? awarded) => Block(reference, awarded, On(2024, 4, 1), On(2027, 3, 31));

        var terminated = Standard("ST-TERMINATED", On(2024, 1, 15));
        terminated.TerminateOn(On(2025, 9, 30), "Provider failed");
        var terminatedRenewed = Standard("ST-TERMINATED-RENEWED", On(2024, 1, 15));
        terminatedRenewed.TerminateOn(On(2025, 9, 30), "Provider failed");
        var renewedEarly = Standard("ST-RENEWED-EARLY", On(2024, 1, 15));
        var renewedAtEnd = Standard("ST-RENEWED-AT-END", On(2024, 1, 15));
        var draftRenewed = Standard("ST-NOT-AWARDED-RENEWED", null);
        db.Contracts.AddRange(terminated, terminatedRenewed, renewedEarly, renewedAtEnd, draftRenewed,
            Standard("ST-PLAIN", On(2024, 1, 15)),
            Standard("ST-NOT-AWARDED", null),
            // Initial end 31 March 2026, its one 12-month option exercised: current end 31 March 2027.
            Block("ST-EXTENDED", On(2024, 1, 15), On(2024, 4, 1), On(2026, 3, 31), new ExtensionOptionTerm(12, IsExercised: true)));
        await db.SaveChangesAsync();

        Contract Successor(string reference, Contract predecessor, DateOnly? awarded, DateOnly start)
        {
            var c = Block(reference, awarded, start, start.AddYears(3).AddDays(-1));
            c.Renews(predecessor);
            return c;
        }
        db.Contracts.AddRange(
            Successor("ST-SUCCESSOR-EARLY", renewedEarly, On(2026, 1, 10), On(2026, 4, 1)),
            Successor("ST-SUCCESSOR-AT-END", renewedAtEnd, null, On(2027, 4, 1)),
            Successor("ST-SUCCESSOR-AFTER-TERMINATION", terminatedRenewed, On(2025, 9, 1), On(2025, 10, 1)),
            Successor("ST-SUCCESSOR-OF-DRAFT", draftRenewed, On(2026, 1, 10), On(2026, 4, 1)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The status rule is written once (<see cref="ContractStatusRule"/>); the register's SQL inlines it and the pages
/// run it compiled. For each row of the table the database and the domain must both give the status the table
/// names, worked out by hand from the rule: terminated once the last day has passed, superseded once a successor
/// has started, a draft until awarded and started, expired after the current end, else active.
/// </summary>
public sealed class ContractStatusQueryTests(ContractStatusFixture fixture) : IClassFixture<ContractStatusFixture>
{
    public static TheoryData<string, string, ContractStatus> Cases() => new()
    {
        { "ST-PLAIN", "2024-03-31", ContractStatus.Draft },        // awarded, the day before the start
        { "ST-PLAIN", "2024-04-01", ContractStatus.Active },       // the start day
        { "ST-PLAIN", "2027-03-31", ContractStatus.Active },       // the end day
        { "ST-PLAIN", "2027-04-01", ContractStatus.Expired },      // the day after the end
        { "ST-NOT-AWARDED", "2025-06-01", ContractStatus.Draft },  // no award, within the term
        { "ST-NOT-AWARDED", "2027-04-01", ContractStatus.Draft },  // no award, after the end: never expired
        { "ST-EXTENDED", "2026-04-01", ContractStatus.Active },    // the day after the initial end: the current end counts
        { "ST-EXTENDED", "2027-03-31", ContractStatus.Active },    // the current end
        { "ST-EXTENDED", "2027-04-01", ContractStatus.Expired },   // the day after the current end
        { "ST-TERMINATED", "2025-09-30", ContractStatus.Active },      // the termination's last day
        { "ST-TERMINATED", "2025-10-01", ContractStatus.Terminated },  // the day after it
        { "ST-TERMINATED", "2027-04-01", ContractStatus.Terminated },  // after the end: terminated, not expired
        { "ST-RENEWED-EARLY", "2026-03-31", ContractStatus.Active },       // the day before the successor starts
        { "ST-RENEWED-EARLY", "2026-04-01", ContractStatus.Superseded },   // the successor's start day, before the end
        { "ST-RENEWED-EARLY", "2027-04-01", ContractStatus.Superseded },   // after the end: superseded, not expired
        { "ST-SUCCESSOR-EARLY", "2026-03-31", ContractStatus.Draft },      // awarded, not yet started
        { "ST-SUCCESSOR-EARLY", "2026-04-01", ContractStatus.Active },     // its start day
        { "ST-RENEWED-AT-END", "2027-03-31", ContractStatus.Active },      // its end day
        { "ST-RENEWED-AT-END", "2027-04-01", ContractStatus.Superseded },  // its successor starts the day after, awarded or not
        { "ST-SUCCESSOR-AT-END", "2027-04-01", ContractStatus.Draft },     // started but never awarded
        { "ST-TERMINATED-RENEWED", "2025-09-30", ContractStatus.Active },      // the termination's last day
        { "ST-TERMINATED-RENEWED", "2025-10-01", ContractStatus.Terminated },  // its successor starts today too: terminated comes first
        { "ST-NOT-AWARDED-RENEWED", "2026-03-31", ContractStatus.Draft },       // no award
        { "ST-NOT-AWARDED-RENEWED", "2026-04-01", ContractStatus.Superseded },  // superseded comes before draft
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Database_and_domain_give_the_status_in_the_table(string reference, string day, ContractStatus expected)
    {
        var today = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var db = fixture.Database.NewContext();
        var all = db.Contracts.AsNoTracking();
        var contract = await all.SingleAsync(c => c.Reference == reference);
        var successorStarts = await all.Where(n => n.PredecessorId == contract.Id).Select(n => n.StartDate).ToListAsync();

        var inMemory = contract.StatusOn(today, successorStarts.Count == 0 ? null : successorStarts.Min());
        var inSql = await all.Where(c => c.Id == contract.Id).Select(c => ContractQueries.Status.Invoke(c, all, today)).Expand().SingleAsync();
        // The register's filter: the contract is listed under its status and no other.
        var listedUnder = new List<ContractStatus>();
        foreach (var status in Enum.GetValues<ContractStatus>())
            if (await all.Where(c => c.Id == contract.Id).WhereStatus(all, status, today).AnyAsync()) listedUnder.Add(status);

        Assert.Equal(expected, inMemory);
        Assert.Equal(expected, inSql);
        Assert.Equal([expected], listedUnder);
    }

    [Fact]
    public void The_table_covers_every_status()
    {
        var covered = Cases().Select(row => (ContractStatus)row[2]).Distinct().Order();

        Assert.Equal(Enum.GetValues<ContractStatus>(), covered);
    }

    [Fact]
    public async Task The_database_sorts_by_status_in_the_order_of_the_status_values()
    {
        // 31 March 2027 ended ST-PLAIN and ST-EXTENDED; ST-RENEWED-AT-END's successor started 1 April 2027: all five statuses that day.
        var today = new DateOnly(2027, 4, 1);
        await using var db = fixture.Database.NewContext();
        var all = db.Contracts.AsNoTracking();
        var query = all.Select(c => new { c.Reference, Status = ContractQueries.Status.Invoke(c, all, today) }).Expand()
            .OrderBy(r => r.Status).ThenBy(r => r.Reference);

        var sql = query.ToQueryString();
        var sorted = (await query.ToListAsync()).Select(r => (r.Reference, r.Status)).ToList();

        var contracts = await all.ToListAsync();
        var inMemory = contracts
            .Select(c => (c.Reference, Status: c.StatusOn(today, contracts.Where(n => n.PredecessorId == c.Id).Select(n => (DateOnly?)n.StartDate).Min())))
            .OrderBy(r => (int)r.Status).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        Assert.Contains("CASE", sql, StringComparison.Ordinal); // worked out and sorted by the database, not in memory
        Assert.Equal(Enum.GetValues<ContractStatus>(), inMemory.Select(r => r.Status).Distinct());
        Assert.Equal(inMemory, sorted);
    }

    [Fact]
    public void Invoke_outside_an_expanded_query_refuses_rather_than_work_the_rule_out_in_memory()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ContractStatusRule.Definition.Invoke(new DateOnly(2026, 4, 1), null, new DateOnly(2024, 4, 1), new DateOnly(2027, 3, 31), null, null));

        Assert.Contains("Expand()", ex.Message, StringComparison.Ordinal);
    }
}
