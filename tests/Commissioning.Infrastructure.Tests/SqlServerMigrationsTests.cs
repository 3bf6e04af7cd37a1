using System.Diagnostics;
using System.Reflection;
using System.Text;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
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
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(5);

    private readonly SqliteTestDatabase _sqlite = new();
    private readonly List<string> _cleanup = [];

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

    [Fact]
    public async Task Dotnet_ef_cli_writes_an_idempotent_sql_server_script_that_creates_contracts()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "Commissioning.Migrations.SqlServer");
        var script = Path.Combine(Path.GetTempPath(), $"commissioning-sqlserver-{Guid.NewGuid():N}.sql");
        // The CLI builds the project. It builds into a private artifacts folder, not src/*/bin and obj,
        // so that it cannot collide with other builds of the repository running at the same time.
        var artifacts = Path.Combine(Path.GetTempPath(), $"commissioning-ef-cli-{Guid.NewGuid():N}");
        _cleanup.Add(script);
        _cleanup.Add(artifacts);
        using var timeout = new CancellationTokenSource(CliTimeout);
        var clock = Stopwatch.StartNew();

        // dotnet ef reads the project's metadata before it builds, so the private obj folder needs a restore first.
        var restore = await RunDotnetAsync(root, artifacts, ["restore", project], timeout.Token);
        Assert.True(restore.ExitCode == 0, $"dotnet restore failed ({restore.ExitCode}):\n{restore.Output}");

        var ef = await RunDotnetAsync(root, artifacts,
            ["ef", "migrations", "script", "--idempotent", "--project", project, "--startup-project", project, "--output", script],
            timeout.Token);
        output.WriteLine($"dotnet restore + dotnet ef migrations script took {clock.Elapsed.TotalSeconds:0.0}s");

        Assert.True(ef.ExitCode == 0,
            $"dotnet ef migrations script failed ({ef.ExitCode}); is the tool restored (dotnet tool restore)?\n{ef.Output}");
        Assert.True(File.Exists(script), $"dotnet ef reported success but wrote no script.\n{ef.Output}");
        var sql = await File.ReadAllTextAsync(script);
        Assert.Contains("CREATE TABLE [Contracts]", sql);
        Assert.Contains("IF NOT EXISTS", sql);
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

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(string workingDirectory, string artifacts,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host may inherit MSBuild settings from the `dotnet test` that started it; a child build must not.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["UseArtifactsOutput"] = "true";
        start.Environment["ArtifactsPath"] = artifacts;
        // Leave no idle MSBuild nodes behind (the shared compiler server is kept: it makes the build several times faster).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = new Process { StartInfo = start };
        var text = new StringBuilder();
        void Append(string? line)
        {
            if (line is null) return;
            lock (text) text.AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (text)
                Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {CliTimeout.TotalMinutes} minutes.\n{text}");
        }
        process.WaitForExit(); // drains the redirected output
        lock (text) return (process.ExitCode, text.ToString());
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        foreach (var path in _cleanup)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else File.Delete(path);
            }
            catch (IOException) { /* best effort */ }
            catch (UnauthorizedAccessException) { /* best effort */ }
        }
    }
}
