using System.Data.Common;
using System.Text.RegularExpressions;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Documents;
using Commissioning.Tests.Shared;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>One application whose database commands are written down, to count a page's queries.</summary>
public sealed class CountedQueriesApp : IDisposable
{
    public CommandLog Log { get; } = new();
    public CommissioningFactory Factory { get; }

    public CountedQueriesApp() => Factory = new CommissioningFactory { Interceptors = [Log] };

    public void Dispose() => Factory.Dispose();
}

/// <summary>The text of every command the application runs while <see cref="Recording"/> is on.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyList<string> Commands { get { lock (_commands) return [.. _commands]; } }

    public void Clear() { lock (_commands) _commands.Clear(); }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    private void Keep(DbCommand command)
    {
        if (!Recording) return;
        lock (_commands) _commands.Add(command.CommandText);
    }
}

/// <summary>
/// The contract page reads each row once: the contract, its renewal links, its money, governance and history,
/// in few queries (issue 15: it read the contract and its successor twice, 16 queries).
/// </summary>
public sealed partial class DetailsQueryTests(CountedQueriesApp app) : IClassFixture<CountedQueriesApp>
{
    private readonly CommissioningFactory factory = app.Factory.ResetDatabase();

    /// <summary>A renewal whose predecessor is on record: the page shows both links, the values carry on from the predecessor.</summary>
    private async Task<(int Renewal, int Predecessor)> RenewalAsync()
    {
        await using var scope = factory.OpenDb();
        var renewal = await scope.Db.Contracts.Where(c => c.PredecessorId != null).OrderBy(c => c.Id).Select(c => new { c.Id, c.PredecessorId }).FirstAsync();
        return (renewal.Id, renewal.PredecessorId!.Value);
    }

    private async Task<IReadOnlyList<string>> CommandsForAsync(string url, string expectedText)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        await client.GetPageAsync(url); // warm: the first request compiles queries and may read settings
        app.Log.Clear();
        app.Log.Recording = true;
        HtmlPage page;
        try { page = await client.GetPageAsync(url); }
        finally { app.Log.Recording = false; }
        Assert.Contains(expectedText, page.Text);
        return app.Log.Commands;
    }

    [GeneratedRegex("""(FROM|JOIN) "Contracts" AS""")]
    private static partial Regex FromContracts();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Details_reads_the_contract_and_its_renewal_links_once_each(bool renewal)
    {
        var (renewalId, predecessorId) = await RenewalAsync();
        var id = renewal ? renewalId : predecessorId;
        string reference;
        await using (var scope = factory.OpenDb())
            reference = await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.Reference).FirstAsync();

        var commands = await CommandsForAsync($"/Contracts/Details/{id}", reference);
        var dump = string.Join("\n---\n", commands);

        // The contract (with its owned rows), and one query for its successor and predecessor; nothing reads them again.
        var contractReads = commands.Count(c => FromContracts().IsMatch(c));
        Assert.True(contractReads == 2, $"{contractReads} queries read Contracts:\n{dump}");
        // The sign-in's session, the contract, its links, its directorate; its reviews, savings and funding, its predecessor's
        // last agreed value; its providers; its decisions and their cover sheets; its events and audit entries; its documents.
        Assert.True(commands.Count <= 14, $"{commands.Count} queries:\n{dump}");
        Assert.Equal(commands.Count, commands.Distinct().Count());
    }

    [Fact]
    public async Task Details_of_a_contract_under_the_procurement_act_reads_its_events_once_for_its_notices_and_its_history()
    {
        int id;
        string reference;
        await using (var scope = factory.OpenDb())
        {
            // Under the Act, so the notices are worked out (from its variations) as well as the history shown.
            var actInForce = Domain.Publishing.Notices.NoticeSettings.ActInForce;
            var contract = await scope.Db.Contracts.Where(c => c.WithdrawnAtUtc == null && c.AwardedOn != null
                    && (c.ProcuredUnderProcurementAct == true || (c.ProcuredUnderProcurementAct == null && c.AwardedOn >= actInForce)))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Reference }).FirstAsync();
            (id, reference) = (contract.Id, contract.Reference);
        }

        var commands = await CommandsForAsync($"/Contracts/Details/{id}", reference);

        var eventReads = commands.Count(c => FromEvents().IsMatch(c));
        Assert.True(eventReads == 1, $"{eventReads} queries read ContractEvents:\n{string.Join("\n---\n", commands)}");
    }

    [GeneratedRegex("""FROM "ContractEvents" AS""")]
    private static partial Regex FromEvents();

    [GeneratedRegex("""FROM "Documents" AS""")]
    private static partial Regex FromDocuments();

    [Fact]
    public async Task The_documents_of_every_agenda_item_are_read_in_one_query()
    {
        // The contract history's events and a meeting's agenda items each list their documents, read for all of them at
        // once (DocumentStore.ReadAheadAsync), not one query each: a meeting of several items, a document on each.
        int id;
        var names = new List<string>();
        await using (var scope = factory.OpenDb())
        {
            var meeting = (await scope.Db.Meetings.AsNoTracking().ToListAsync()).OrderByDescending(m => m.Agenda.Count).First();
            Assert.True(meeting.Agenda.Count >= 3, "the demo has a meeting of three items or more");
            id = meeting.Id;
            var store = scope.Services.GetRequiredService<DocumentStore>();
            foreach (var item in meeting.Agenda)
            {
                var name = $"Item {item.Id} report.pdf";
                names.Add(name);
                await store.AddAsync(new DocumentOwner(DocumentOwnerKind.AgendaItem, item.Id), name, new MemoryStream(DocumentFiles.Pdf()),
                    new Actor("test", "Test Secretary"));
            }
        }

        var commands = await CommandsForAsync($"/Governance/Meetings/{id}", names[0]);
        var client = await factory.SignedInClientAsync(Commissioner);
        var page = await client.GetPageAsync($"/Governance/Meetings/{id}");

        Assert.Equal(1, commands.Count(c => FromDocuments().IsMatch(c)));
        Assert.All(names, name => Assert.Contains(name, page.Text));
    }
}
