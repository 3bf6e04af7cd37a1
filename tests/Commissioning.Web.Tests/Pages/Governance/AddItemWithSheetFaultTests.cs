using System.Data.Common;
using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>An application whose next insert of a cover sheet can be made to fail (see <see cref="CoverSheetInsertFault"/>).</summary>
public sealed class CoverSheetFaultApp : IDisposable
{
    public CoverSheetInsertFault Fault { get; } = new();
    public CommissioningFactory Factory { get; }

    public CoverSheetFaultApp() => Factory = new CommissioningFactory { Interceptors = [Fault] };

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// "Add an item" with "Start a cover sheet" saves the item and the sheet in one transaction: a sheet the
/// database refuses leaves no item behind, and a busy database runs the whole unit again, saving one of each.
/// </summary>
public sealed class AddItemWithSheetFaultTests(CoverSheetFaultApp app) : IClassFixture<CoverSheetFaultApp>
{
    private readonly CommissioningFactory factory = app.Factory.ResetDatabase();

    private async Task<(HttpClient Client, int Meeting)> MeetingAsync()
    {
        var client = await factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        return (client, await GovernanceSeed.MeetingAsync(client, board, factory.Today.AddDays(14)));
    }

    private static FormFields Item(string title) => new()
    {
        { "Item.Title", title }, { "Item.Action", "Consider" }, { "Item.Presenter", "Will Blandamer" }, { "Item.StartCoverSheet", "true" },
    };

    private async Task<int> SheetCountAsync(int meeting)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.CoverSheets.CountAsync(s => s.MeetingId == meeting);
    }

    [Fact]
    public async Task A_sheet_the_database_refuses_leaves_no_item_on_the_agenda()
    {
        var (client, meeting) = await MeetingAsync();
        var before = await LoadMeetingAsync(factory, meeting);
        app.Fault.Arm(new SqliteException("FOREIGN KEY constraint failed (injected)", 19, 787));

        var page = await PostAsync(client, $"/Governance/Meetings/{meeting}", "Add", Item("Form and Function"));

        Assert.True(app.Fault.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        var after = await LoadMeetingAsync(factory, meeting);
        Assert.Equal((before.Version, 0), (after.Version, after.Agenda.Count));
        Assert.Equal(0, await SheetCountAsync(meeting));
    }

    [Fact]
    public async Task A_busy_database_runs_the_whole_save_again_and_keeps_one_item_and_one_sheet()
    {
        var (client, meeting) = await MeetingAsync();
        app.Fault.Arm(new SqliteException("database is locked (injected)", 5));

        var page = await PostAsync(client, $"/Governance/Meetings/{meeting}", "Add", Item("Form and Function"));

        Assert.True(app.Fault.Fired);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var after = await LoadMeetingAsync(factory, meeting);
        Assert.Equal(["Form and Function"], after.Agenda.Select(i => i.Title));
        Assert.Equal(1, await SheetCountAsync(meeting));
    }
}

/// <summary>Throws the armed exception at the next insert of a cover sheet, once.</summary>
public sealed class CoverSheetInsertFault : DbCommandInterceptor
{
    private Exception? _armed;
    public bool Fired { get; private set; }

    public void Arm(Exception e) => (_armed, Fired) = (e, false);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_armed is null || !System.Text.RegularExpressions.Regex.IsMatch(command.CommandText, """INSERT INTO ["\[]CoverSheets["\]]""")) return ValueTask.FromResult(result);
        var e = _armed;
        (_armed, Fired) = (null, true);
        throw e;
    }
}
