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
    public CommissioningFactory Factory { get; }

    public FaultyDatabaseApp() => Factory = new CommissioningFactory { Interceptors = [Fault] };

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// A unique index's refusal says "already taken" next to the field; any other refusal (a missing foreign key, a value
/// the column refuses) is not something a different name would fix, so it is the error page (decision 0021).
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
