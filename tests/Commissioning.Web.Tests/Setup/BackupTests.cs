using System.Diagnostics;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// <c>bash build/backup.sh DEST</c>, run as a person runs it (a process of its own, the application's <c>backup</c>
/// command) while this process keeps saving, then restored as docs/operations.md says.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 4;
    private readonly string _folder = Directory.CreateTempSubdirectory("commissioning-backup-tests-").FullName;

    [Fact]
    public async Task A_backup_during_a_write_load_restores_to_a_sound_database_holding_every_save_acknowledged_before_it()
    {
        var live = "Data Source=" + Path.Combine(_folder, "commissioning.db");
        var options = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, live);
        await using (var db = new CommissioningDbContext(options.Options, new SystemAuditContext()))
            await DatabaseSetup.MigrateAsync(db);

        // Several writers, each saving one directorate at a time (with its audit entry, in one transaction) and
        // noting its id once the save has returned: an acknowledged save.
        var acknowledged = Enumerable.Range(0, Writers).Select(_ => new List<int>()).ToArray();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await using var db = new CommissioningDbContext(options.Options, new SystemAuditContext());
                var directorate = new Directorate($"Writer {w} save {i:D5}");
                db.Directorates.Add(directorate);
                await db.SaveChangesAsync();
                lock (acknowledged[w]) acknowledged[w].Add(directorate.Id);
            }
        })).ToArray();
        while (acknowledged.Any(a => Saved(a).Count < 10) && !load.Any(t => t.IsFaulted)) await Task.Delay(10);

        var before = acknowledged.SelectMany(Saved).ToHashSet();
        var destination = Path.Combine(_folder, "backups", "register.db");
        var clock = Stopwatch.StartNew();
        var (exitCode, said) = await RunAsync("bash", Path.Combine(RepositoryRoot, "build", "backup.sh"), destination, "--ConnectionStrings:Commissioning=" + live);
        var during = acknowledged.Sum(a => Saved(a).Count) - before.Count;
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"{said.Trim()} in {clock.ElapsedMilliseconds} ms; {before.Count} saves before it, {during} during it, {acknowledged.Sum(a => a.Count)} in all");
        Assert.True(exitCode == 0, said);
        Assert.True(during > 0, "The writers saved nothing while the backup ran: the test proves nothing.");

        // Restore: the copy becomes the database file, with no -wal or -shm beside it.
        var restoredFile = Path.Combine(_folder, "restored", "commissioning.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredFile)!);
        File.Copy(destination, restoredFile);
        await using var restored = new SqliteConnection($"Data Source={restoredFile};Pooling=False");
        await restored.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(restored, "PRAGMA integrity_check"));
        var ids = new HashSet<int>();
        await using (var command = restored.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Directorates WHERE Name LIKE 'Writer %'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        }

        Assert.Empty(before.Except(ids));
        // A snapshot of one moment: each writer's saves in the copy are the first ones it made, none missing
        // between, each with the audit entry saved in its transaction; and the saves after the copy are not in it.
        foreach (var saves in acknowledged)
        {
            var inCopy = saves.Where(ids.Contains).ToList();
            Assert.Equal(saves.Take(inCopy.Count), inCopy);
        }
        Assert.Equal(0L, await ScalarAsync(restored, "SELECT COUNT(*) FROM Directorates d WHERE d.Name LIKE 'Writer %' AND NOT EXISTS " +
            "(SELECT 1 FROM AuditEntries a WHERE a.EntityType = 'Directorate' AND a.EntityId = d.Id)"));
        Assert.Equal(0L, await ScalarAsync(restored, "SELECT COUNT(*) FROM AuditEntries a WHERE a.EntityType = 'Directorate' AND NOT EXISTS " +
            "(SELECT 1 FROM Directorates d WHERE d.Id = a.EntityId)"));
        Assert.True(ids.Count < acknowledged.Sum(a => a.Count), "The copy holds saves made after the backup finished.");
    }

    [Fact]
    public async Task The_backup_refuses_sql_server_a_missing_database_and_an_existing_destination()
    {
        var script = Path.Combine(RepositoryRoot, "build", "backup.sh");
        var copy = Path.Combine(_folder, "copy.db");

        var (exitCode, said) = await RunAsync("bash", script, copy,
            "--Database:Provider=SqlServer", "--ConnectionStrings:Commissioning=Server=sql.invalid;Database=Commissioning");
        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider is SqlServer: back SQL Server up with its own tools", said);

        var missing = Path.Combine(_folder, "none.db");
        (exitCode, said) = await RunAsync("bash", script, copy, "--ConnectionStrings:Commissioning=Data Source=" + missing);
        Assert.Equal(1, exitCode);
        Assert.Contains($"There is no database at {missing}", said);
        Assert.False(File.Exists(missing), "The backup created the database it was to copy.");

        var source = Path.Combine(_folder, "source.db");
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, "CREATE TABLE Example (Id INTEGER PRIMARY KEY)");
        }
        await File.WriteAllTextAsync(copy, "an earlier backup");
        (exitCode, said) = await RunAsync("bash", script, copy, "--ConnectionStrings:Commissioning=Data Source=" + source);
        Assert.Equal(1, exitCode);
        Assert.Contains("already exists: choose a new name", said);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(copy));
    }

    private static List<int> Saved(List<int> saves)
    {
        lock (saves) return saves.ToList();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The script as a person runs it, pointed at this build of the application (its folder is the content root).</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["COMMISSIONING_APP"] = AppContext.BaseDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "Commissioning.sln"))) folder = folder.Parent!;
            return folder.FullName;
        }
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection("Data Source=" + Path.Combine(_folder, "commissioning.db")))
            SqliteConnection.ClearPool(connection);
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort: the temp folder is cleaned eventually */ }
    }
}
