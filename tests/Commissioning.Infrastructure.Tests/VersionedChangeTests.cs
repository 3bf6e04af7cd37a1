using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The change a meeting's or a decision's page makes with one button (decision 0015): applied through
/// the aggregate's own methods over the version the page showed, or refused with nothing saved.
/// </summary>
public sealed class VersionedChangeTests : IAsyncLifetime
{
    private static readonly DateOnly Board = new(2025, 3, 20);
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2025, 3, 14, 9, 0, 0, DateTimeKind.Utc));
    private readonly FakeAuditContext _bob = new("Bob Brown", new DateTime(2025, 3, 14, 9, 0, 5, DateTimeKind.Utc));

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Change_over_the_stored_version_is_made_saved_and_says_what_it_did()
    {
        var (id, version) = await AddMeetingAsync();
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);

        var result = await db.ChangeVersionedAsync(meeting, version, m => m.AddItem("Homecare", GovernanceAction.Decide, "4").Title);

        Assert.Equal(ChangeOutcome.Saved, result.Outcome);
        Assert.Equal("Homecare", result.Done);
        Assert.Equal(["Homecare"], await AgendaAsync(id));
    }

    [Fact]
    public async Task Change_from_a_page_older_than_the_meeting_is_stale_and_nothing_is_made()
    {
        var (id, version) = await AddMeetingAsync();
        await RenameAsync(id, _bob);
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
        var made = false;

        var result = await db.ChangeVersionedAsync(meeting, version, m => { made = true; return m.AddItem("Homecare", GovernanceAction.Decide).Title; });

        Assert.Equal(ChangeOutcome.Stale, result.Outcome);
        Assert.False(made);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Empty(await AgendaAsync(id));
    }

    [Fact]
    public async Task Change_the_meeting_refuses_gives_its_rule_and_saves_nothing()
    {
        var (id, version) = await AddMeetingAsync(("Care homes", "4"));
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);

        // The first change is made in memory, then the second breaks a rule: neither may be saved.
        var result = await db.ChangeVersionedAsync(meeting, version, m =>
        {
            m.AddItem("Homecare", GovernanceAction.Decide, "5");
            return m.AddItem("Day services", GovernanceAction.Decide, "4").Title;
        });

        Assert.Equal(ChangeOutcome.Refused, result.Outcome);
        Assert.IsType<AgendaItemNumbersMustBeUniqueRule>(result.Refusal!.Rule);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(["Care homes"], await AgendaAsync(id));
    }

    [Fact]
    public async Task Change_naming_an_item_no_longer_there_is_refused_and_saves_nothing()
    {
        var (id, version) = await AddMeetingAsync(("Care homes", "4"));
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);

        var result = await db.ChangeVersionedAsync(meeting, version, m => { m.RemoveItem(2, []); return "removed"; });

        Assert.Equal(ChangeOutcome.PartGone, result.Outcome);
        Assert.Equal(["Care homes"], await AgendaAsync(id));
    }

    [Fact]
    public async Task Change_saved_as_someone_else_saves_is_stale_and_theirs_is_kept()
    {
        var (id, version) = await AddMeetingAsync();
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);

        // Bob saves after Alice's page checked the version and made its change, before it saved.
        var result = await db.ChangeVersionedAsync(meeting, version, m =>
        {
            RenameAsync(id, _bob).GetAwaiter().GetResult();
            return m.AddItem("Homecare", GovernanceAction.Decide).Title;
        });

        Assert.Equal(ChangeOutcome.Stale, result.Outcome);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Empty(await AgendaAsync(id));
        await using var check = _database.NewContext();
        Assert.Equal("Renamed by Bob", (await check.Meetings.SingleAsync(m => m.Id == id)).Title);
    }

    private async Task<(int Id, Guid Version)> AddMeetingAsync(params (string Title, string Number)[] items)
    {
        await using var db = _database.NewContext(_alice);
        var body = new DecisionBody("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard);
        db.DecisionBodies.Add(body);
        await db.SaveChangesAsync();
        var meeting = new Meeting(body, Board);
        foreach (var (title, number) in items) meeting.AddItem(title, GovernanceAction.Decide, number);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Version);
    }

    private async Task RenameAsync(int id, FakeAuditContext who)
    {
        await using var db = _database.NewContext(who);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
        meeting.Reschedule(meeting.Date, "Renamed by Bob");
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> AgendaAsync(int id)
    {
        await using var db = _database.NewContext();
        return (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id)).Agenda.Select(i => i.Title).ToList();
    }
}
