using System.Reflection;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit.Abstractions;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// Each provider's migrations must match the model, and the SQL Server script must be producible
/// without a server: there is no SQL Server engine here, so the script is the SQL Server check.
/// </summary>
public sealed class SqlServerMigrationsTests(ITestOutputHelper output) : IDisposable
{
    // A connection string that is never opened: nothing here touches a server.
    private const string DummySqlServer = "Server=tcp:sql.invalid,1433;Database=Commissioning;User Id=nobody;Password=unused;TrustServerCertificate=True;Connect Timeout=1";

    private readonly SqliteTestDatabase _sqlite = new();

    private static CommissioningDbContext SqlServerContext()
    {
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.SqlServer, DummySqlServer);
        return new CommissioningDbContext(builder.Options, new SystemAuditContext());
    }

    [Fact]
    public void Sql_server_migrations_match_the_model_with_no_pending_changes()
    {
        using var db = SqlServerContext();

        Assert.True(db.Database.IsSqlServer());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last SQL Server migration: add one with dotnet ef migrations add <Name> --project src/Commissioning.Migrations.SqlServer --startup-project src/Commissioning.Migrations.SqlServer");
    }

    [Fact]
    public void Sqlite_migrations_match_the_model_with_no_pending_changes()
    {
        using var db = _sqlite.NewContext();

        Assert.True(db.Database.IsSqlite());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last SQLite migration: add one with dotnet ef migrations add <Name> --project src/Commissioning.Migrations.Sqlite --startup-project src/Commissioning.Migrations.Sqlite");
    }

    [Fact]
    public void Sqlite_and_sql_server_have_the_same_migrations_by_name()
    {
        using var server = SqlServerContext();
        using var sqlite = _sqlite.NewContext();

        // Timestamps differ per provider; the names after the timestamp must line up one for one.
        static IEnumerable<string> Names(IEnumerable<string> ids) => ids.Select(id => id[(id.IndexOf('_') + 1)..]);
        Assert.Equal(Names(server.Database.GetMigrations()), Names(sqlite.Database.GetMigrations()));
    }

    [Fact]
    public void Idempotent_sql_server_script_generated_in_process_creates_contracts_with_pence_as_bigint()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Contracts]", script);
        Assert.Contains("bigint", script);
        Assert.Contains("[AnnualValuePence] bigint NULL", script);
        Assert.Contains("[UnitRatePence] bigint NOT NULL", script);
        // Idempotent: every migration is guarded by a check of the history table.
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("[__EFMigrationsHistory]", script);
        // Many contracts have no predecessor: the unique index must ignore NULLs on SQL Server.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Contracts_PredecessorId] ON [Contracts] ([PredecessorId]) WHERE [PredecessorId] IS NOT NULL", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Contracts_Reference] ON [Contracts] ([Reference])", script);
    }

    /// <summary>
    /// No SQL Server runs here, so the hand-written T-SQL of the data migrations (display names, directorates,
    /// commissioners, names for addresses) is at least parsed as SQL Server 2022 would: a typo fails here, not in production.
    /// The plain script is parsed, since the idempotent one hides each statement in a string.
    /// </summary>
    [Fact]
    public void Sql_server_script_parses_as_t_sql_including_the_people_data_migration()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("INSERT INTO Directorates", script);
        Assert.Contains("OPTION (MAXRECURSION 300)", script);
        Assert.Contains("UPDATE AuditEntries SET ChangedBy = (SELECT u.DisplayName", script);
    }

    /// <summary>The parser must refuse broken T-SQL, or its passing above would mean nothing.</summary>
    [Fact]
    public void The_t_sql_parser_refuses_a_broken_statement()
    {
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("UPDATE Contracts SET DirectorateId = (SELECT d.Id FROM Directorates d WHERE;");
        parser.Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    /// <summary>
    /// What <c>dotnet ef migrations script --idempotent --project src/Commissioning.Migrations.SqlServer
    /// --startup-project src/Commissioning.Migrations.SqlServer</c> does once the project is built, in process:
    /// the CLI hands its arguments to EF's <see cref="OperationExecutor"/>, which loads the startup assembly, finds
    /// the context through its design-time factory and writes the script. (Running the CLI itself took over two
    /// minutes, nearly all of it restoring and building the project a second time.)
    /// </summary>
    [Fact]
    public void Design_time_tools_write_an_idempotent_sql_server_script_from_the_migrations_project()
    {
        var design = DesignTime(DatabaseSetup.SqlServerMigrationsAssembly);

        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", design.ProviderName());
        var sql = (string)design.Run((e, h) => new OperationExecutor.ScriptMigration(e, h, new Dictionary<string, object?>
        {
            ["fromMigration"] = null, ["toMigration"] = null, ["idempotent"] = true, ["noTransactions"] = false, ["contextType"] = null,
        }))!;

        Assert.Contains("CREATE TABLE [Contracts]", sql);
        Assert.Contains("IF NOT EXISTS", sql);
    }

    /// <summary>
    /// <c>dotnet ef migrations has-pending-model-changes</c> for each migrations project, in process: the model its
    /// design-time factory builds against the last migration's snapshot. Fails when the model changes without a migration.
    /// </summary>
    [Theory]
    [InlineData(DatabaseSetup.SqlServerMigrationsAssembly, "Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData(DatabaseSetup.SqliteMigrationsAssembly, "Microsoft.EntityFrameworkCore.Sqlite")]
    public void Design_time_tools_find_no_pending_model_changes_in_each_migrations_project(string project, string provider)
    {
        var design = DesignTime(project);

        Assert.Equal(provider, design.ProviderName());
        design.Run((e, h) => new OperationExecutor.HasPendingModelChanges(e, h, new Dictionary<string, object?> { ["contextType"] = null }));
    }

    /// <summary>
    /// The CLI the README tells people to run is the local tool of .config/dotnet-tools.json; it must be the EF Core
    /// version the projects use, or it refuses to run (or warns) against them.
    /// </summary>
    [Fact]
    public void The_dotnet_ef_local_tool_is_the_ef_core_version_of_the_projects()
    {
        var root = RepositoryRoot();
        using var tools = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, ".config", "dotnet-tools.json")));
        var tool = tools.RootElement.GetProperty("tools").GetProperty("dotnet-ef").GetProperty("version").GetString();
        var packages = System.Xml.Linq.XDocument.Load(Path.Combine(root, "Directory.Packages.props"));
        var design = packages.Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Microsoft.EntityFrameworkCore.Design").Attribute("Version")!.Value;

        Assert.Equal(design, tool);
    }

    /// <summary>EF's design-time entry point as the dotnet-ef CLI starts it, the project being its own startup project.</summary>
    private DesignTimeTools DesignTime(string project) => new(project, Path.Combine(RepositoryRoot(), "src", project), output);

    private sealed class DesignTimeTools(string project, string projectDir, ITestOutputHelper output)
    {
        private readonly OperationExecutor _executor = new(
            new OperationReportHandler(m => output.WriteLine("error: " + m), m => output.WriteLine("warn: " + m), output.WriteLine, _ => { }),
            new Dictionary<string, object?>
            {
                ["targetName"] = project, ["startupTargetName"] = project, ["projectDir"] = projectDir,
                ["rootNamespace"] = project, ["language"] = "C#", ["nullable"] = true, ["toolsVersion"] = null, ["remainingArguments"] = null,
            });

        /// <summary>The provider of the context the design-time factory makes (what <c>dotnet ef dbcontext info</c> prints).</summary>
        public object? ProviderName() =>
            ((System.Collections.IDictionary)Run((e, h) => new OperationExecutor.GetContextInfo(e, h, new Dictionary<string, object?>()))!)["ProviderName"];

        /// <summary>Runs one operation and returns its result; an error the CLI would print fails the test with its message.</summary>
        public object? Run(Func<OperationExecutor, IOperationResultHandler, object> operation)
        {
            var result = new OperationResultHandler();
            operation(_executor, result);
            Assert.True(result.ErrorType is null, $"{result.ErrorType}: {result.ErrorMessage}");
            return result.Result;
        }
    }

    /// <summary>The folder holding Commissioning.sln: above the test binaries, or where they were built from when the build output lives elsewhere.</summary>
    private static string RepositoryRoot()
    {
        var builtFrom = typeof(SqlServerMigrationsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, builtFrom })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Commissioning.sln")))
                    return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find Commissioning.sln above {AppContext.BaseDirectory} nor above {builtFrom}.");
    }

    public void Dispose() => _sqlite.Dispose();
}
