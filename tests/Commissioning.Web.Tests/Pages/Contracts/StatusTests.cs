using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>
/// The demo data plus contracts on every boundary of the status rule (terminated yesterday or
/// today, starting today or tomorrow, ending today or yesterday, not awarded, successor starting
/// today or tomorrow), added straight to the database as of the application's today.
/// </summary>
public sealed class StatusFixture : IAsyncLifetime
{
    public CommissioningFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        var today = Factory.Today;
        await using var scope = Factory.OpenDb();
        var db = scope.Db;
        var provider = await db.Providers.Select(p => p.Id).FirstAsync();
        var directorate = await db.DirectorateIdAsync("Status tests");

        Contract Block(string reference, DateOnly start, DateOnly end, DateOnly? awarded)
        {
            var c = new BlockContract(provider, Money.Pounds(1_000m));
            c.Describe(new ContractDescription(reference, "Status boundary " + reference, null, ServiceCategory.Other,
                directorate, ResponsibleCommissioner.Historic("Test"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
            c.SetTerm(new ContractTerm(start, end, [], 3));
            c.RecordAward(awarded, lettingDecision: null);
            return c;
        }

        var terminatedYesterday = Block("ST-TERM-YESTERDAY", today.AddYears(-1), today.AddYears(1), today.AddYears(-2));
        terminatedYesterday.TerminateOn(today.AddDays(-1), "Ended early");
        var terminatedToday = Block("ST-TERM-TODAY", today.AddYears(-1), today.AddYears(1), today.AddYears(-2));
        terminatedToday.TerminateOn(today, "Ends tonight");
        var predecessorToday = Block("ST-PRED-TODAY", today.AddYears(-3), today.AddDays(-1), today.AddYears(-4));
        var predecessorTomorrow = Block("ST-PRED-TOMORROW", today.AddYears(-3), today, today.AddYears(-4));
        db.Contracts.AddRange(
            terminatedYesterday, terminatedToday, predecessorToday, predecessorTomorrow,
            Block("ST-STARTS-TODAY", today, today.AddYears(1), today.AddDays(-10)),
            Block("ST-STARTS-TOMORROW", today.AddDays(1), today.AddYears(1), today.AddDays(-10)),
            Block("ST-NOT-AWARDED", today.AddYears(-1), today.AddYears(1), null),
            Block("ST-ENDS-TODAY", today.AddYears(-1), today, today.AddYears(-2)),
            Block("ST-ENDED-YESTERDAY", today.AddYears(-1), today.AddDays(-1), today.AddYears(-2)),
            Block("ST-NOT-AWARDED-ENDED", today.AddYears(-2), today.AddYears(-1), null));
        await db.SaveChangesAsync();

        var successorToday = Block("ST-SUCC-TODAY", today, today.AddYears(2), today.AddDays(-30));
        successorToday.Renews(predecessorToday);
        var successorTomorrow = Block("ST-SUCC-TOMORROW", today.AddDays(1), today.AddYears(2), today.AddDays(-30));
        successorTomorrow.Renews(predecessorTomorrow);
        db.Contracts.AddRange(successorToday, successorTomorrow);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class StatusTests(StatusFixture fixture) : IClassFixture<StatusFixture>
{
    private CommissioningFactory Factory => fixture.Factory;

    /// <summary>Every contract's status by the domain rule, in C#.</summary>
    private async Task<Dictionary<string, ContractStatus>> ExpectedAsync(DateOnly today)
    {
        await using var scope = Factory.OpenDb();
        var contracts = await scope.Db.Contracts.AsNoTracking().ToListAsync();
        var successorStart = contracts.Where(c => c.PredecessorId is not null).ToDictionary(c => c.PredecessorId!.Value, c => c.StartDate);
        return contracts.ToDictionary(c => c.Reference,
            c => c.StatusOn(today, successorStart.TryGetValue(c.Id, out var s) ? s : null));
    }

    [Fact]
    public async Task Boundary_contracts_have_the_status_the_rule_gives_them()
    {
        var expected = await ExpectedAsync(Factory.Today);

        Assert.Equal(ContractStatus.Terminated, expected["ST-TERM-YESTERDAY"]);
        Assert.Equal(ContractStatus.Active, expected["ST-TERM-TODAY"]);
        Assert.Equal(ContractStatus.Superseded, expected["ST-PRED-TODAY"]);
        Assert.Equal(ContractStatus.Active, expected["ST-PRED-TOMORROW"]);
        Assert.Equal(ContractStatus.Active, expected["ST-STARTS-TODAY"]);
        Assert.Equal(ContractStatus.Draft, expected["ST-STARTS-TOMORROW"]);
        Assert.Equal(ContractStatus.Draft, expected["ST-NOT-AWARDED"]);
        Assert.Equal(ContractStatus.Active, expected["ST-ENDS-TODAY"]);
        Assert.Equal(ContractStatus.Expired, expected["ST-ENDED-YESTERDAY"]);
        Assert.Equal(ContractStatus.Active, expected["ST-SUCC-TODAY"]);
        Assert.Equal(ContractStatus.Draft, expected["ST-SUCC-TOMORROW"]);
    }

    [Fact]
    public async Task Status_shown_in_every_register_row_is_the_domain_rules_status()
    {
        var client = await Factory.SignedInClientAsync(Viewer);
        var today = Factory.Today;

        var rows = await RegisterReader.AllRowsAsync(client, "");
        var expected = await ExpectedAsync(today);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Reference).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal($"{r.Reference}: {expected[r.Reference]}", $"{r.Reference}: {r.Status.Split(" – ")[0]}")); // the status, before any "– extended (…)" note
    }

    public static TheoryData<ContractStatus> Statuses() => new(Enum.GetValues<ContractStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Register_filtered_by_status_returns_exactly_the_contracts_the_domain_rule_gives_that_status(ContractStatus status)
    {
        var client = await Factory.SignedInClientAsync(Viewer);
        var today = Factory.Today;

        var rows = await RegisterReader.AllRowsAsync(client, $"Filter.Status={status}");
        var expected = (await ExpectedAsync(today)).Where(kv => kv.Value == status).Select(kv => kv.Key);

        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r.Reference).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task WhereStatus_query_returns_exactly_the_contracts_the_domain_rule_gives_that_status(ContractStatus status)
    {
        var today = Factory.Today;
        List<string> fromSql;
        await using (var scope = Factory.OpenDb())
        {
            var all = scope.Db.Contracts.AsNoTracking();
            fromSql = await all.WhereStatus(all, status, today).Select(c => c.Reference).ToListAsync();
        }
        var expected = (await ExpectedAsync(today)).Where(kv => kv.Value == status).Select(kv => kv.Key);

        Assert.Equal(expected.Order(StringComparer.Ordinal), fromSql.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sorting_by_status_orders_rows_in_the_order_of_the_status_values()
    {
        var client = await Factory.SignedInClientAsync(Viewer);

        var rows = await RegisterReader.AllRowsAsync(client, "Filter.Sort=status");

        var ranks = rows.Select(r => (int)Enum.Parse<ContractStatus>(r.Status.Split(" – ")[0])).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }
}
