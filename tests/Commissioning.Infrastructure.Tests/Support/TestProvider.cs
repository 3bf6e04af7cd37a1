using Commissioning.Infrastructure.Data;
using Microsoft.Data.SqlClient;

namespace Commissioning.Tests.Support;

/// <summary>
/// Which database the tests run on (decision 0021): <c>TEST_DATABASE=Sqlite</c> (the default: a file of each
/// fixture's own) or <c>TEST_DATABASE=SqlServer</c> with <c>TEST_SQLSERVER_CONNECTION</c> (a server login that may
/// create databases; each fixture creates a database of its own on it and drops it when done). Shared by the
/// Infrastructure and Web tests (the Web tests link this file).
/// </summary>
public static class TestProvider
{
    public const string Variable = "TEST_DATABASE";
    public const string ConnectionVariable = "TEST_SQLSERVER_CONNECTION";

    public static DatabaseProvider Current { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    public static bool IsSqlServer => Current == DatabaseProvider.SqlServer;

    public static DatabaseProvider Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"{Variable} is '{name}'; use Sqlite or SqlServer.");
    }

    /// <summary>A connection string to a new database of its own, called <paramref name="name"/>, on the test server.</summary>
    public static string SqlServerDatabase(string name)
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{Variable}=SqlServer needs {ConnectionVariable}, e.g. \"Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=True\".");
        return new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>Drops the database <paramref name="connectionString"/> names, closing whatever still uses it.</summary>
    public static void DropSqlServerDatabase(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        using (var pooled = new SqlConnection(connectionString)) SqlConnection.ClearPool(pooled);
        OnMaster(connectionString, $"""
            IF DB_ID(N'{name}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{name}];
            END
            """);
    }

    /// <summary>Runs <paramref name="sql"/> on the server's master database (the test databases' names are ours: letters, digits, underscores).</summary>
    public static void OnMaster(string connectionString, string sql)
    {
        var master = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString;
        using var connection = new SqlConnection(master);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that asserts SQLite's own behaviour (a file, WAL, VACUUM INTO): skipped, with its reason shown, on SQL Server.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestProvider.IsSqlServer) Skip = $"SQLite only: {reason}";
    }
}

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestProvider.IsSqlServer) Skip = $"SQLite only: {reason}";
    }
}
