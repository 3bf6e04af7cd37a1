using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Publishing.Notices;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>The contract's Procurement Act fields and a published notice survive a save; a notice is recorded once; the queries agree with the rules.</summary>
public sealed class NoticePersistenceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
    private static readonly DateOnly Today = new(2026, 6, 1);

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> ContractAsync(DateOnly awarded, ProcurementActDetails? details = null)
    {
        await using var db = _database.NewContext(_alice);
        var provider = new Provider(new ProviderDetails("Advocacy Ltd", OrganisationType.Vcse, true, true));
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        var c = new BlockContract(provider.Id, Money.Pounds(100_000m));
        c.Describe(new ContractDescription("PA-" + Guid.NewGuid().ToString("N")[..8], "Advocacy", null, ServiceCategory.Other, TestData.DirectorateId,
            ResponsibleCommissioner.Historic("Julie"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
        c.SetTerm(new ContractTerm(awarded.AddDays(30), awarded.AddYears(3), [], 6));
        c.RecordAward(awarded, lettingDecision: null);
        if (details is not null) c.SetProcurementActDetails(details);
        db.Contracts.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    [Fact]
    public async Task Act_fields_and_a_published_notice_round_trip_and_are_audited()
    {
        var id = await ContractAsync(new DateOnly(2026, 3, 1), new ProcurementActDetails(true, false, true, new DateOnly(2026, 3, 3)));
        await using (var db = _database.NewContext(_alice))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            var due = (await NoticeQueries.ForContractAsync(db, contract, Today, NoticeSettings.Default, default)).Single(n => n.Kind == NoticeKind.ContractDetails);
            db.PublishedNotices.Add(PublishedNotice.Record(due, new DateOnly(2026, 3, 20), "004321-2026", Today));
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var c = await check.Contracts.SingleAsync(x => x.Id == id);
        Assert.Equal((true, false, true, new DateOnly(2026, 3, 3)), (c.ProcuredUnderProcurementAct, c.IsLightTouchContract, c.IsUserChoiceDirectAward, c.EnteredIntoOn));
        var n = await check.PublishedNotices.SingleAsync(x => x.ContractId == id);
        Assert.Equal((NoticeKind.ContractDetails, "details", new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 20), "004321-2026", "Alice Adams"),
            (n.Kind, n.EventKey, n.EventDate, n.DueBy, n.PublishedOn, n.NoticeId, n.CreatedBy));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(PublishedNotice) && a.EntityId == n.Id && a.Action == "Created"));
    }

    [Fact]
    public async Task The_same_notice_cannot_be_recorded_twice()
    {
        var id = await ContractAsync(new DateOnly(2026, 3, 1));
        NoticeDue due;
        await using (var db = _database.NewContext(_alice))
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            due = (await NoticeQueries.ForContractAsync(db, contract, Today, NoticeSettings.Default, default)).Single(n => n.Kind == NoticeKind.ContractDetails);
            db.PublishedNotices.Add(PublishedNotice.Record(due, Today, "1", Today));
            await db.SaveChangesAsync();
        }
        // A second record made from the same (stale) reading of the notices: the unique index refuses it.
        await using var again = _database.NewContext(_alice);
        again.PublishedNotices.Add(PublishedNotice.Record(due, Today, "2", Today));
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.True(e.IsUniqueViolation());
    }

    [Fact]
    public async Task The_register_query_chooses_the_contracts_the_rule_says_are_under_the_act()
    {
        var before = await ContractAsync(new DateOnly(2025, 2, 23));
        var on = await ContractAsync(new DateOnly(2025, 2, 24));
        var saidNo = await ContractAsync(new DateOnly(2026, 1, 1), new ProcurementActDetails(false, null, false, null));
        var saidYes = await ContractAsync(new DateOnly(2024, 1, 1), new ProcurementActDetails(true, null, false, null));

        await using var db = _database.NewContext();
        var ids = (await NoticeQueries.ForRegisterAsync(db, Today, NoticeSettings.Default, default)).Select(n => n.ContractId).ToHashSet();

        Assert.DoesNotContain(before, ids);
        Assert.Contains(on, ids);
        Assert.DoesNotContain(saidNo, ids);
        Assert.Contains(saidYes, ids);
        foreach (var c in await db.Contracts.AsNoTracking().ToListAsync())
            Assert.Equal(ProcurementActAppliesRule.Applies(NoticeContract.Of(c), NoticeSettings.Default), ids.Contains(c.Id));
    }
}
