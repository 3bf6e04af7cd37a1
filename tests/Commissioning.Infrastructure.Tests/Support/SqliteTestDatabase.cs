using Commissioning.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Infrastructure.Tests.Support;

/// <summary>
/// A real SQLite database in a file of its own under the temp folder, migrated with the
/// application's migrations and deleted (with its WAL and shared-memory files) on dispose.
/// Test classes create one per instance, so every test starts from an empty, migrated database.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"commissioning-infra-tests-{Guid.NewGuid():N}.db");
        ConnectionString = "Data Source=" + FilePath;
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, ConnectionString);
        Options = builder.Options;
    }

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
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Directorates (Id, Name, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) " +
            "VALUES ({0}, 'Adult Social Care', '2021-01-01 00:00:00', 'system', '2021-01-01 00:00:00', 'system', {1})",
            TestData.DirectorateId, Guid.NewGuid());
    }

    public void Dispose()
    {
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

/// <summary>Who (a display name and an account id, as a signed-in person is recorded) and when, set by the test.</summary>
public sealed class FakeAuditContext(string userName, DateTime utcNow, string? userId = null) : IAuditContext
{
    public string UserName { get; set; } = userName;
    public string? UserId { get; set; } = userId;
    public DateTime UtcNow { get; set; } = utcNow;
}
