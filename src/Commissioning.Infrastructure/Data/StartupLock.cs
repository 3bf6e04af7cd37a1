using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Lets one instance at a time do the start-up work (create, migrate, roles, administrator, demo data), so two
/// instances started together never both see "no role yet" and both insert it. The second waits, then finds
/// the work done. Both locks end with the process, so an instance killed mid-start never blocks the next.
/// SQLite: an exclusive lock on a file beside the database (<c>commissioning.db.startup-lock</c>); instances of one
/// SQLite register share a machine, as SQLite needs. SQL Server: an application lock (<c>sp_getapplock</c>) held
/// by a connection of its own.
/// </summary>
public static class StartupLock
{
    public const string SqlServerResource = "Commissioning.Startup";
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<IAsyncDisposable> AcquireAsync(CommissioningDbContext db, ILogger log, CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsSqlite()) return await SqliteFileLockAsync(connectionString, log, ct);
        return await SqlServerAppLockAsync(db, connectionString, ct);
    }

    private static async Task<IAsyncDisposable> SqliteFileLockAsync(string connectionString, ILogger log, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return NoLock.Instance;
        var path = Path.GetFullPath(file) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux, between processes and between handles of one process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited < Timeout)
            {
                if (waited == TimeSpan.Zero) log.LogInformation("Start-up: waiting for another instance to finish setting up the database ({Path})", path);
                await Task.Delay(delay, ct);
                waited += delay;
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Start-up: another instance has held {path} for {Timeout.TotalMinutes} minutes; is it stuck?", e);
            }
        }
    }

    private static async Task<IAsyncDisposable> SqlServerAppLockAsync(CommissioningDbContext db, string connectionString, CancellationToken ct)
    {
        // The application lock lives in the register's database, so it must exist first. Two instances may both
        // create it: the one that loses the race is told it exists (1801), which is what it wanted.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try { await creator.CreateAsync(ct); }
            catch (SqlException e) when (e.Number == 1801) { }
        }
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', " +
                "@LockOwner = 'Session', @LockTimeout = @timeout; SELECT @result;";
            command.Parameters.AddWithValue("@resource", SqlServerResource);
            command.Parameters.AddWithValue("@timeout", (int)Timeout.TotalMilliseconds);
            command.CommandTimeout = (int)Timeout.TotalSeconds + 30;
            var result = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            // 0 granted, 1 granted after waiting; negative: timed out, cancelled, deadlock victim or error.
            if (result < 0)
                throw new InvalidOperationException($"Start-up: could not take the SQL Server application lock {SqlServerResource} (sp_getapplock returned {result}).");
            return connection; // closing the session releases the lock
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
