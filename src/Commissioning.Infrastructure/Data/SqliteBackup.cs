using Microsoft.Data.Sqlite;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// A consistent copy of the SQLite register while the application runs, through SQLite's online backup API: the
/// copy is the database as it was at one moment, saves in the write-ahead log included, while the application
/// keeps saving. A file copy is not: it can miss the log or catch a page half written.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database to <paramref name="destination"/> (which must not exist), checks the copy and returns its size in bytes.</summary>
    public static long BackUp(string connectionString, string destination)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        var file = source.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            throw new InvalidOperationException($"The connection string names no database file ({connectionString}).");
        if (!File.Exists(file))
            throw new InvalidOperationException($"There is no database at {Path.GetFullPath(file)}: is ConnectionStrings:Commissioning (or the content root) the application's?");
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
            throw new InvalidOperationException($"{destination} already exists: choose a new name, a backup never overwrites another.");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);

        // Never create a database where there was none; never share a pooled connection with anyone.
        source.Mode = SqliteOpenMode.ReadWrite;
        source.Pooling = false;
        // Written under another name and renamed when whole and checked, so a half-made copy never looks like a backup.
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            using (var from = new SqliteConnection(source.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                from.Open();
                Execute(from, "PRAGMA busy_timeout=30000;");
                to.Open();
                // One step, inside one read transaction: a snapshot. In WAL mode the application's writers never wait for it.
                from.BackupDatabase(to);
                // The copy is one self-contained file (no -wal beside it); the application turns WAL back on when it starts on it.
                Execute(to, "PRAGMA journal_mode=DELETE;");
                var check = Execute(to, "PRAGMA integrity_check;");
                if (check != "ok") throw new InvalidOperationException($"The copy failed SQLite's integrity check: {check}");
            }
            File.Move(partial, destination);
            return new FileInfo(destination).Length;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
