using Commissioning.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Infrastructure.Tests.Support;

/// <summary>
/// A real database of the test's own, migrated with the application's migrations and deleted on dispose:
/// a SQLite file under the temp folder (with its WAL and shared-memory files), or, with
/// <c>TEST_DATABASE=SqlServer</c>, a database on the server <c>TEST_SQLSERVER_CONNECTION</c> names (see
/// <see cref="TestProvider"/>). Test classes create one per instance, so every test starts from an empty,
/// migrated database.
/// </summary>
public class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        var name = $"commissioning-infra-tests-{Guid.NewGuid():N}";
        Provider = TestProvider.Current;
        if (Provider == DatabaseProvider.SqlServer)
        {
            FilePath = "";
            ConnectionString = TestProvider.SqlServerDatabase(name.Replace('-', '_'));
        }
        else
        {
            FilePath = Path.Combine(Path.GetTempPath(), name + ".db");
            ConnectionString = "Data Source=" + FilePath;
        }
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString);
        Options = builder.Options;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file; empty on SQL Server (tests that need the file are <see cref="SqliteOnlyFactAttribute"/>).</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }
    public DbContextOptions<CommissioningDbContext> Options { get; }

    public CommissioningDbContext NewContext(IAuditContext? audit = null) => new(Options, audit ?? new SystemAuditContext());

    /// <summary>A context whose commands and transactions also pass through <paramref name="interceptors"/> (to inject failures).</summary>
    public CommissioningDbContext NewContext(IAuditContext? audit, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>(Options);
        builder.AddInterceptors(interceptors);
        return new(builder.Options, audit ?? new SystemAuditContext());
    }

    /// <summary>Migrates, and adds the directorate every test contract belongs to (<see cref="TestData.DirectorateId"/>), without an audit entry.</summary>
    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db);
        // SQL both databases read (double-quoted names, ISO dates); the first row of an empty table gets id 1 on both.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Directorates\" (\"Name\", \"CreatedAtUtc\", \"CreatedBy\", \"UpdatedAtUtc\", \"UpdatedBy\", \"Version\") " +
            "VALUES ('Adult Social Care', '2021-01-01 00:00:00', 'system', '2021-01-01 00:00:00', 'system', {0})",
            Guid.NewGuid());
        var id = await db.Directorates.Select(d => d.Id).SingleAsync();
        if (id != TestData.DirectorateId) throw new InvalidOperationException($"The test directorate was given id {id}, not {TestData.DirectorateId}.");
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Provider == DatabaseProvider.SqlServer)
        {
            TestProvider.DropSqlServerDatabase(ConnectionString);
            return;
        }
        // Pooled connections keep the file open; close them before deleting.
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        // With the copies DatabaseSetup takes before migrating a database that already has some migrations.
        var copies = Directory.GetFiles(Path.GetDirectoryName(FilePath)!, Path.GetFileName(FilePath) + ".before-*.bak");
        foreach (var file in new[] { "", "-wal", "-shm", "-journal" }.Select(s => FilePath + s).Concat(copies))
        {
            try { File.Delete(file); }
            catch (IOException) { /* best effort: the temp folder is cleaned eventually */ }
        }
    }
}

/// <summary>The name the tests knew it by before it could be SQL Server: a <see cref="TestDatabase"/> on whichever provider is chosen.</summary>
public sealed class SqliteTestDatabase : TestDatabase;

/// <summary>Who (a display name and an account id, as a signed-in person is recorded) and when, set by the test.</summary>
public sealed class FakeAuditContext(string userName, DateTime utcNow, string? userId = null) : IAuditContext
{
    public string UserName { get; set; } = userName;
    public string? UserId { get; set; } = userId;
    public DateTime UtcNow { get; set; } = utcNow;
}
