using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqliteDurability());
        else
            options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
    }

    public static IServiceCollection AddCommissioningDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, contentRoot, provider);
        services.AddDbContext<CommissioningDbContext>(o => Configure(o, provider, connectionString));
        return services;
    }

    /// <summary>Applies migrations; on SQLite also turns on write-ahead logging, which the file keeps.</summary>
    public static async Task MigrateAsync(CommissioningDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
