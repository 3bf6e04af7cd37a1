using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.People;

/// <summary>One application whose saves of a directorate can be made to fail, as the database would (see <see cref="DirectorateInsertFault"/>).</summary>
public sealed class FaultyDatabaseApp : IDisposable
{
    public DirectorateInsertFault Fault { get; } = new();
    public BusyOnce Busy { get; } = new();
    public CommissioningFactory Factory { get; }

    public FaultyDatabaseApp() => Factory = new CommissioningFactory { Interceptors = [Fault, Busy] };

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// A unique index's refusal says "already taken" next to the field; any other refusal (a missing foreign key, a value
/// the column refuses) is not something a different name would fix, so it is the error page. A busy database is
/// retried, the whole unit of work again (decision 0021).
/// </summary>
public sealed class DatabaseRefusalTests(FaultyDatabaseApp app) : IClassFixture<FaultyDatabaseApp>
{
    private readonly CommissioningFactory factory = app.Factory.ResetDatabase();

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task A_name_someone_else_saved_a_moment_earlier_is_reported_as_taken()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Public Health");
        app.Fault.Next = DirectorateInsertFault.Kind.SomeoneElseFirst;

        var page = await admin.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", name } });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"There is already a directorate called {name}", page.FieldError("Input-Name"));
        Assert.True(app.Fault.Fired);
    }

    [Theory]
    [InlineData(787, "FOREIGN KEY constraint failed")]
    [InlineData(1299, "NOT NULL constraint failed: Directorates.Name")]
    public async Task Any_other_refusal_is_the_error_page_not_already_taken(int extendedCode, string message)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Public Health");
        app.Fault.Next = DirectorateInsertFault.Kind.Refuse;
        app.Fault.Refusal = new SqliteException(message, 19, extendedCode);

        var page = await admin.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", name } });

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.DoesNotContain("There is already", page.Text);
        Assert.True(app.Fault.Fired);
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.Directorates.AnyAsync(d => d.Name == name));
    }

    [SqliteOnlyFact("injects SQLite's busy answer, which only the SQLite strategy retries")]
    public async Task A_new_contract_whose_opening_value_meets_a_busy_database_is_saved_once_with_one_value_and_one_audit_entry_each()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var title = Unique("Retried day opportunities");
        var fields = ContractInput.Block(title, await factory.ProviderIdAsync("Riverside Day Opportunities"), "12,345.67",
            new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        // The second save of the unit: the contract is already inserted (in the transaction) when the value's insert is refused.
        app.Busy.Arm("""INSERT INTO ["\[]AnnualValueReviews["\]]""");

        var id = await ContractInput.CreateAsync(client, "Block", fields);

        Assert.True(app.Busy.Fired);
        await using var scope = factory.OpenDb();
        var contract = await scope.Db.Contracts.SingleAsync(c => c.Title == title);
        Assert.Equal(id, contract.Id);
        var review = Assert.Single(await scope.Db.AnnualValueReviews.Where(r => r.ContractId == id).ToListAsync());
        Assert.Equal(1_234_567, review.AnnualPence);
        Assert.Single(await scope.Db.AuditEntries.Where(e => e.EntityType == "Contract" && e.EntityId == id).ToListAsync());
        Assert.Single(await scope.Db.AuditEntries.Where(e => e.EntityType == "AnnualValueReview" && e.EntityId == review.Id).ToListAsync());
    }
}

/// <summary>
/// SQLite's "busy" (5) once, at the next command that matches, as a second instance writing the same file
/// would give. The application's retrying execution strategy (decision 0021) must run the whole unit again.
/// </summary>
public sealed class BusyOnce : DbCommandInterceptor
{
    private Regex? _at;

    /// <summary>Answers busy at the next command whose text matches <paramref name="pattern"/>.</summary>
    public void Arm(string pattern) => (_at, Fired) = (new Regex(pattern), false);

    public bool Fired { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_at is null || !_at.IsMatch(command.CommandText)) return ValueTask.FromResult(result);
        (_at, Fired) = (null, true);
        throw new SqliteException("database is locked (injected)", 5);
    }
}

/// <summary>At the next insert of a directorate, either inserts the same row first (a real race the unique index refuses) or fails with a given refusal.</summary>
public sealed partial class DirectorateInsertFault : DbCommandInterceptor
{
    public enum Kind { None, SomeoneElseFirst, Refuse }

    private Kind _next;

    /// <summary>What the next insert of a directorate meets; setting it forgets whether an earlier one fired.</summary>
    public Kind Next { get => _next; set => (_next, Fired) = (value, false); }
    public Exception? Refusal { get; set; }
    public bool Fired { get; private set; }

    [GeneratedRegex("""INSERT INTO ["\[]Directorates["\]]""")]
    private static partial Regex DirectorateInsert();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Next == Kind.None || !DirectorateInsert().IsMatch(command.CommandText)) return result;
        var kind = Next;
        (_next, Fired) = (Kind.None, true);
        if (kind == Kind.Refuse) throw Refusal!;
        // The same insert, on the same connection and transaction, just before the page's own.
        await using var first = command.Connection!.CreateCommand();
        first.Transaction = command.Transaction;
        first.CommandText = command.CommandText;
        foreach (DbParameter p in command.Parameters)
        {
            var copy = first.CreateParameter();
            (copy.ParameterName, copy.DbType, copy.Value) = (p.ParameterName, p.DbType, p.Value);
            first.Parameters.Add(copy);
        }
        await first.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
