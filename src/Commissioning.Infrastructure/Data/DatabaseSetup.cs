using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>Chooses the database from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Commissioning</c>.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Commissioning.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Commissioning.Migrations.SqlServer";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{name}'; use Sqlite or SqlServer.");
    }

    /// <summary>With no connection string the app keeps a SQLite file at App_Data/commissioning.db under the content root.</summary>
    public static string ConnectionStringFrom(IConfiguration configuration, string contentRoot, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Commissioning");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider == DatabaseProvider.SqlServer)
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Commissioning is not set.");
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "commissioning.db")}";
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)
                    .ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)))
                .AddInterceptors(new SqliteDurability());
        else
            // Azure SQL and Always On fail over: a dropped connection, a deadlock victim or a timeout is
            // retried, and every explicit transaction runs inside the execution strategy (decision 0021).
            options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure());
    }

    public static IServiceCollection AddCommissioningDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, contentRoot, provider);
        services.AddDbContext<CommissioningDbContext>(o => Configure(o, provider, connectionString));
        // Held per app instance, checked against the database on every use (decision 0029).
        services.AddSingleton<Finance.ScheduleCache>();
        return services;
    }

    /// <summary>Applies migrations; on SQLite also turns on write-ahead logging, which the file keeps.</summary>
    public static async Task MigrateAsync(CommissioningDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite()) await BackUpBeforeMigratingAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// SQLite cannot rebuild a table inside a transaction (EF Core turns foreign keys off around it), so a
    /// migration that drops a column could be cut off half done. Before applying migrations to a SQLite
    /// register that already holds some, a consistent copy is taken beside it with VACUUM INTO:
    /// <c>commissioning.db.before-20261206112239_PeopleByName.bak</c>. A new, empty database needs none.
    /// Returns the copy's path, or null when none was needed.
    /// </summary>
    public static async Task<string?> BackUpBeforeMigratingAsync(CommissioningDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0 || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()) return null;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return null;
        var backup = $"{Path.GetFullPath(file)}.before-{pending[^1]}.bak";
        if (File.Exists(backup)) return backup; // an earlier start already took it; keep the first copy
#pragma warning disable EF1002 // the path is ours, not user input, and VACUUM INTO takes no parameters
        await db.Database.ExecuteSqlRawAsync($"VACUUM INTO '{backup.Replace("'", "''", StringComparison.Ordinal)}';", cancellationToken);
#pragma warning restore EF1002
        return backup;
    }

    /// <summary>synchronous=FULL is per connection: a committed save must survive a power cut.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
    }
}
