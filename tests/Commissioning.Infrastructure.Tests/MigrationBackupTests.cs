using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// A SQLite register is copied before migrations are applied to it, because a migration that rebuilds a
/// table runs partly outside a transaction and could be cut off half done.
/// </summary>
public sealed class MigrationBackupTests : IDisposable
{
    private const string Before = "20261123192241_CoverSheetSummaryLength";
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string[] Backups() =>
        Directory.GetFiles(Path.GetDirectoryName(_database.FilePath)!, Path.GetFileName(_database.FilePath) + ".before-*.bak");

    [SqliteOnlyFact("the copy before migrating is SQLite's VACUUM INTO beside the file; a council's DBA backs up SQL Server")]
    public async Task A_new_database_is_migrated_without_a_copy()
    {
        await using var db = _database.NewContext();

        await DatabaseSetup.MigrateAsync(db);

        Assert.Empty(Backups());
    }

    [SqliteOnlyFact("the copy before migrating is SQLite's VACUUM INTO beside the file; a council's DBA backs up SQL Server")]
    public async Task A_register_with_pending_migrations_is_copied_first_as_it_was()
    {
        await using (var db = _database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Providers (Id, Name, OrganisationType, IsSme, IsVcse, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version)
                VALUES (1, 'Riverside Day Opportunities', 'Vcse', 1, 1, '2024-01-01 00:00:00', 'system', '2024-01-01 00:00:00', 'system', '6F9619FF-8B86-D011-B42D-00C04FC96401');
                """);
        }

        string latest;
        await using (var db = _database.NewContext())
        {
            latest = db.Database.GetMigrations().Last();
            await DatabaseSetup.MigrateAsync(db);
        }

        var backup = Assert.Single(Backups());
        Assert.EndsWith($".before-{latest}.bak", backup, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal(Before, await ScalarAsync<string>(copy, "SELECT MAX(MigrationId) FROM __EFMigrationsHistory"));
        Assert.Equal("Riverside Day Opportunities", await ScalarAsync<string>(copy, "SELECT Name FROM Providers WHERE Id = 1"));
    }

    [SqliteOnlyFact("the copy before migrating is SQLite's VACUUM INTO beside the file; a council's DBA backs up SQL Server")]
    public async Task An_up_to_date_register_is_not_copied_again()
    {
        await using (var db = _database.NewContext()) await DatabaseSetup.MigrateAsync(db);
        await using (var db = _database.NewContext()) await DatabaseSetup.MigrateAsync(db);

        Assert.Empty(Backups());
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
