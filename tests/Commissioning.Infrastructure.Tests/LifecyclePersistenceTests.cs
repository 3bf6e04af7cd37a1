using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>Each kind of lifecycle event, and a withdrawal, survive a save and a read in a fresh context.</summary>
public sealed class LifecyclePersistenceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
    private static readonly Actor Alice = new("alice-id", "Alice Adams");
    private static readonly DateTime At = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> ContractAsync(ServiceCategory category = ServiceCategory.Other)
    {
        await using var db = _database.NewContext(_alice);
        var provider = new Provider(new ProviderDetails("Advocacy Ltd", OrganisationType.Vcse, true, true));
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        var c = new BlockContract(provider.Id, Money.Pounds(100_000m));
        c.Describe(new ContractDescription("LC-" + Guid.NewGuid().ToString("N")[..8], "Advocacy", null, category, TestData.DirectorateId, ResponsibleCommissioner.Historic("Julie"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
        c.SetTerm(new ContractTerm(new DateOnly(2024, 4, 1), new DateOnly(2027, 3, 31), [new ExtensionOptionTerm(12, false), new ExtensionOptionTerm(12, false)], 6));
        db.Contracts.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    [Fact]
    public async Task Every_event_kind_round_trips_with_its_details()
    {
        var id = await ContractAsync();
        await using (var db = _database.NewContext(_alice))
        {
            var c = await db.Contracts.SingleAsync(x => x.Id == id);
            db.ContractEvents.Add(ExtensionExercised.Next(c, new EventRecord(new DateOnly(2026, 2, 1), "Performs well", "CCMT", Alice, At)));
            db.ContractEvents.Add(ContractVariation.Record(c, new VariationTerms(VariationChange.Value | VariationChange.Scope, "clause 53", Money.Pounds(120_000m)),
                new EventRecord(new DateOnly(2026, 2, 2), "More hours", "DOD-1", Alice, At)));
            db.ContractEvents.Add(NegotiatedContinuation.Approved(c, new DateOnly(2028, 9, 30),
                new SingleSourceJustification("No one else", "Outside the regulations", "Director", new DateOnly(2026, 2, 3)),
                new EventRecord(new DateOnly(2026, 2, 3), "Keep care running", "17/00030b", Alice, At)));
            db.ContractEvents.Add(ContractTermination.ByNotice(c, new EventRecord(new DateOnly(2026, 3, 1), "Provider leaving", "SCB", Alice, At)));
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var events = await check.ContractEvents.Where(e => e.ContractId == id).OrderBy(e => e.EventDate).ToListAsync();
        var x = Assert.IsType<ExtensionExercised>(events[0]);
        Assert.Equal((1, 12, new DateOnly(2027, 3, 31), new DateOnly(2028, 3, 31)), (x.OptionSequence, x.Months, x.EndDateBefore, x.EndDateAfter));
        Assert.Equal(("Performs well", "CCMT", "Alice Adams", At), (x.Reason, x.AuthorisingDecision, x.RecordedByName, x.RecordedAtUtc));
        var v = Assert.IsType<ContractVariation>(events[1]);
        Assert.Equal(VariationChange.Value | VariationChange.Scope, v.Changes);
        Assert.Equal((10_000_000L, 12_000_000L, 20m), (v.ValueBeforePence!.Value, v.ValueAfterPence!.Value, v.ValueChangePercent!.Value));
        Assert.Equal(ChangeNoticeRule.MoreThanTenPercent, v.ChangeNoticeRule);
        Assert.True(v.ChangeNoticeWarning);
        var n = Assert.IsType<NegotiatedContinuation>(events[2]);
        Assert.Equal((ContinuationStatus.Approved, new DateOnly(2028, 3, 31), new DateOnly(2028, 9, 30)), (n.Status, n.EndDateBefore, n.NewEndDate));
        Assert.Equal(new SingleSourceJustification("No one else", "Outside the regulations", "Director", new DateOnly(2026, 2, 3)), n.Justification);
        var t = Assert.IsType<ContractTermination>(events[3]);
        Assert.Equal((TerminationKind.Notice, new DateOnly(2026, 3, 1), 6, new DateOnly(2026, 8, 31)), (t.TerminationKind, t.NoticeServedOn!.Value, t.NoticePeriodMonths!.Value, t.LastDay));
        var contract = await check.Contracts.SingleAsync(c => c.Id == id);
        Assert.Equal((new DateOnly(2028, 9, 30), new DateOnly(2026, 8, 31), 12_000_000L), (contract.CurrentEndDate, contract.TerminatedOn!.Value, contract.AnnualValuePence!.Value));
    }

    [Fact]
    public async Task Withdrawal_round_trips_and_is_audited()
    {
        var id = await ContractAsync();
        await using (var db = _database.NewContext(_alice))
        {
            (await db.Contracts.SingleAsync(x => x.Id == id)).Withdraw("Entered twice", Alice, At);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var c = await check.Contracts.SingleAsync(x => x.Id == id);
        Assert.Equal((At, "Entered twice", "alice-id", "Alice Adams"), (c.WithdrawnAtUtc!.Value, c.WithdrawalReason, c.WithdrawnById, c.WithdrawnByName));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityId == id && a.Changes.Contains("WithdrawnAtUtc")));
        Assert.False(await Data.ContractQueries.WhereNotWithdrawn(check.Contracts).AnyAsync(x => x.Id == id));
    }
}
