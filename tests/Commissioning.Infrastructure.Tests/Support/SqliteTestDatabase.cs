using Commissioning.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before deleting.
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try { File.Delete(FilePath + suffix); }
            catch (IOException) { /* best effort: the temp folder is cleaned eventually */ }
        }
    }
}

/// <summary>Who and when, set by the test.</summary>
public sealed class FakeAuditContext(string userName, DateTime utcNow) : IAuditContext
{
    public string UserName { get; set; } = userName;
    public DateTime UtcNow { get; set; } = utcNow;
}
