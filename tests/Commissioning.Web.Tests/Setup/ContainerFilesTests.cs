using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using YamlDotNet.RepresentationModel;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 14: the Dockerfile, docker-compose.yml and deploy/sqlserver/init.sql, read as files. There is no
/// Docker engine or SQL Server here, so these check what can be checked without one: the image installs what
/// printing needs, compose never hands the app sa, the init script parses as T-SQL and the shell lines as sh.
/// </summary>
public sealed partial class ContainerFilesTests
{
    private static readonly string Root = FindRoot();

    // ---- Dockerfile ----

    [Fact]
    public void Runtime_image_is_alpine_aspnet_with_chromium_the_fonts_icu_tzdata_and_node_for_playwright()
    {
        var final = Stages().Last();

        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0-alpine", final.Image);
        var installed = final.Runs.Where(r => r.StartsWith("apk add", StringComparison.Ordinal))
            .SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        foreach (var package in new[] { "chromium", "font-liberation", "font-dejavu", "icu-libs", "icu-data-full", "tzdata", "nodejs" })
            Assert.Contains(package, installed);

        var env = final.Env;
        Assert.Equal("false", env["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"]);
        // Playwright's bundled Node is a glibc build; on musl the driver must run the image's own.
        Assert.Equal("/usr/bin/node", env["PLAYWRIGHT_NODEJS_PATH"]);
        Assert.Equal("/usr/bin/chromium", env[$"{Infrastructure.Pdf.PdfOptions.Section}__{nameof(Infrastructure.Pdf.PdfOptions.ChromiumPath)}"]);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("$APP_UID", final.User);
    }

    [Fact]
    public void Front_end_is_built_with_node_20_19_or_later_and_copied_into_the_publish_stage()
    {
        var stages = Stages();
        var node = Assert.Single(stages, s => s.Image.StartsWith("node:", StringComparison.Ordinal));
        var version = NodeTag().Match(node.Image);
        Assert.True(version.Success, node.Image);
        var major = int.Parse(version.Groups["major"].Value, CultureInfo.InvariantCulture);
        var minor = version.Groups["minor"].Success ? int.Parse(version.Groups["minor"].Value, CultureInfo.InvariantCulture) : int.MaxValue;
        Assert.True(major > 20 || (major == 20 && minor >= 19), $"Sass needs Node 20.19 or later; the build uses {node.Image}");
        Assert.Contains("npm ci --no-audit --no-fund", node.Runs);
        Assert.Contains("npm run build", node.Runs);

        var build = Assert.Single(stages, s => s.Image.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal));
        Assert.Contains(build.Copies, c => c.Contains($"--from={node.Name}", StringComparison.Ordinal) && c.Contains("wwwroot/css", StringComparison.Ordinal));
        Assert.Contains(build.Copies, c => c.Contains($"--from={node.Name}", StringComparison.Ordinal) && c.Contains("wwwroot/lib", StringComparison.Ordinal));
        var publish = Assert.Single(build.Runs, r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
        // The SDK stage has no Node: the Web project's npm targets must be told the front end is built.
        Assert.Contains("-p:FrontendBuilt=true", publish);
        // Compiled ahead (ReadyToRun) for the Alpine image's runtime, framework-dependent: start-up (issue 15).
        Assert.Contains("-r linux-musl-x64 --no-self-contained -p:PublishReadyToRun=true", publish);
        // Only Playwright's glibc Node goes; PlaywrightPlatform=none would drop the driver's JavaScript as well.
        Assert.DoesNotContain("PlaywrightPlatform=none", publish);
        Assert.Contains("rm -rf /app/.playwright/node", build.Runs);
        Assert.Contains("'$(FrontendBuilt)' != 'true'", File.ReadAllText(Path.Combine(Root, "src/Commissioning.Web/Commissioning.Web.csproj")));
    }

    [Fact]
    public void Every_file_the_dockerfile_copies_from_the_context_exists_and_every_run_line_is_valid_sh()
    {
        foreach (var stage in Stages())
        {
            foreach (var copy in stage.Copies.Where(c => !c.Contains("--from=", StringComparison.Ordinal)))
            {
                var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
                foreach (var source in sources.Where(s => s != "."))
                    Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"COPY {source}: not in the repository");
            }
            foreach (var run in stage.Runs) AssertShellParses(run);
        }
    }

    // ---- docker-compose.yml ----

    [Fact]
    public void Web_connects_with_its_own_login_never_sa_and_the_init_step_runs_first()
    {
        var web = Service("web");
        var connection = new DbConnectionStringBuilder { ConnectionString = Scalar(web, "environment", "ConnectionStrings__Commissioning") };

        var user = (string)connection["User Id"];
        Assert.NotEqual("sa", user, StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith("${APP_DB_LOGIN", user, StringComparison.Ordinal);
        Assert.StartsWith("${APP_DB_PASSWORD", (string)connection["Password"], StringComparison.Ordinal);
        Assert.DoesNotContain("SA_PASSWORD", connection.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("service_completed_successfully", Scalar(web, "depends_on", "db-init", "condition"));
        Assert.Equal("service_healthy", Scalar(web, "depends_on", "db", "condition"));

        // The database the init step prepares is the one the app opens.
        Assert.Contains($"DatabaseName={connection["Database"]}", InitCommand(), StringComparison.Ordinal);
        Assert.Equal("json", Scalar(web, "environment", "Logging__Console__FormatterName"));
    }

    [Fact]
    public void Sql_server_edition_comes_from_the_environment_with_developer_as_the_default()
    {
        Assert.Equal("${MSSQL_PID:-Developer}", Scalar(Service("db"), "environment", "MSSQL_PID"));
        Assert.Contains("NOT licensed for", File.ReadAllText(Path.Combine(Root, "docker-compose.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_long_running_services_have_a_health_check_and_restart_unless_stopped_and_the_init_step_never_restarts()
    {
        foreach (var name in new[] { "db", "web" })
        {
            var service = Service(name);
            Assert.Equal("unless-stopped", Scalar(service, "restart"));
            var test = ((YamlSequenceNode)Node(service, "healthcheck", "test")).Select(n => ((YamlScalarNode)n).Value!).ToList();
            Assert.True(test.Count > 1 && test[0] is "CMD" or "CMD-SHELL", string.Join(" ", test));
            Assert.NotNull(Scalar(service, "healthcheck", "interval"));
        }
        Assert.Equal("no", Scalar(Service("db-init"), "restart"));

        // The web check calls busybox's wget, which the Alpine runtime image has, on the readiness endpoint.
        var web = ((YamlSequenceNode)Node(Service("web"), "healthcheck", "test")).Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal(new[] { "CMD", "wget" }, web.Take(2));
        Assert.Matches("^http://127.0.0.1:8080/health/(ready|live)$", web[^1]);
        Assert.EndsWith("-alpine", Stages().Last().Image.Split(' ')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Init_step_runs_the_script_with_sqlcmd_stopping_on_error_and_its_command_is_valid_bash()
    {
        var init = Service("db-init");
        Assert.Equal("./deploy/sqlserver/init.sql:/init/init.sql:ro", ((YamlScalarNode)((YamlSequenceNode)Node(init, "volumes"))[0]).Value);
        var command = InitCommand();
        Assert.Contains("sqlcmd", command, StringComparison.Ordinal);
        Assert.Contains(" -b ", command, StringComparison.Ordinal);
        Assert.Contains("-i /init/init.sql", command, StringComparison.Ordinal);
        // sa's password reaches sqlcmd through its environment, not the command line.
        Assert.DoesNotContain(" -P ", command, StringComparison.Ordinal);
        Assert.StartsWith("${SA_PASSWORD", Scalar(init, "environment", "SQLCMDPASSWORD"), StringComparison.Ordinal);
        AssertShellParses(command, "bash");

        // Every sqlcmd variable the script uses is given on the command line.
        var given = SqlcmdVariable().Matches(command).Select(m => m.Groups["name"].Value).ToHashSet();
        var used = ScriptVariable().Matches(InitSql()).Select(m => m.Groups["name"].Value).ToHashSet();
        Assert.Equal(used.Order(), given.Order());
    }

    // ---- deploy/sqlserver/init.sql ----

    [Fact]
    public void Init_script_parses_as_t_sql_and_turns_read_committed_snapshot_on()
    {
        var script = Parse(InitSql());

        var options = script.Batches.SelectMany(b => b.Statements).SelectMany(Flatten).OfType<AlterDatabaseSetStatement>()
            .SelectMany(s => s.Options).OfType<OnOffDatabaseOption>();
        Assert.Contains(options, o => o.OptionKind == DatabaseOptionKind.ReadCommittedSnapshot && o.OptionState == OptionState.On);
    }

    [Fact]
    public void Init_script_gives_the_app_login_read_write_and_ddl_rights_and_nothing_more()
    {
        var statements = Parse(InitSql()).Batches.SelectMany(b => b.Statements).SelectMany(Flatten).ToList();

        var roles = statements.OfType<AlterRoleStatement>()
            .Where(s => s.Action is AddMemberAlterRoleAction)
            .Select(s => s.Name.Value).Order();
        Assert.Equal(new[] { "db_datareader", "db_datawriter", "db_ddladmin" }, roles);
        Assert.Empty(statements.OfType<GrantStatement>());
        Assert.Empty(statements.OfType<AlterServerRoleStatement>());
        Assert.Contains(statements, s => s is CreateLoginStatement);
        Assert.Contains(statements, s => s is CreateUserStatement);
    }

    // ---- helpers ----

    private static string InitSql() => File.ReadAllText(Path.Combine(Root, "deploy/sqlserver/init.sql"));

    /// <summary>The script as sqlcmd would send it, with its $(variables) filled in.</summary>
    private static TSqlScript Parse(string sql)
    {
        var filled = ScriptVariable().Replace(sql, m => m.Groups["name"].Value == "AppPassword" ? "Example-Passw0rd" : "commissioning_value");
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(filled);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        return script;
    }

    /// <summary>A statement and those inside its IF ... ELSE and BEGIN ... END.</summary>
    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement) => statement switch
    {
        IfStatement i => new[] { i.ThenStatement, i.ElseStatement }.Where(s => s is not null).SelectMany(Flatten),
        BeginEndBlockStatement b => b.StatementList.Statements.SelectMany(Flatten),
        _ => [statement],
    };

    private static string InitCommand() =>
        ((YamlScalarNode)((YamlSequenceNode)Node(Service("db-init"), "command"))[0]).Value!;

    private static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"))) yaml.Load(reader);
        return (YamlMappingNode)Node((YamlMappingNode)yaml.Documents[0].RootNode, "services", name);
    }

    private static YamlNode Node(YamlMappingNode from, params string[] path)
    {
        YamlNode node = from;
        foreach (var key in path)
        {
            Assert.True(((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var next), $"no '{key}' in {string.Join('.', path)}");
            node = next!;
        }
        return node;
    }

    private static string Scalar(YamlMappingNode from, params string[] path) => ((YamlScalarNode)Node(from, path)).Value!;

    /// <summary>sh -n (or bash -n): parsed, not run. Compose's $$ is a literal $ by the time the shell sees it.</summary>
    private static void AssertShellParses(string script, string shell = "sh")
    {
        using var process = Process.Start(new ProcessStartInfo(shell, ["-n", "-c", script.Replace("$$", "$", StringComparison.Ordinal)])
        {
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{shell} -n: {errors}\n{script}");
    }

    private sealed record Stage(string Image, string Name, List<string> Runs, List<string> Copies, Dictionary<string, string> Env)
    {
        public string? User { get; set; }
    }

    /// <summary>The Dockerfile's stages, with continued lines joined and comments left out.</summary>
    private static List<Stage> Stages()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var lines = Regex.Replace(text, @"\\\r?\n\s*", " ").Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        var stages = new List<Stage>();
        foreach (var line in lines)
        {
            var (instruction, rest) = (line.Split(' ', 2)[0], line.Split(' ', 2)[1].Trim());
            switch (instruction)
            {
                case "FROM":
                    var parts = rest.Split(' ');
                    stages.Add(new Stage(parts[0], parts.Length == 3 ? parts[2] : "", [], [], []));
                    break;
                case "RUN": stages[^1].Runs.AddRange(rest.Split(" && ", StringSplitOptions.TrimEntries)); break;
                case "COPY": stages[^1].Copies.Add(rest); break;
                case "USER": stages[^1].User = rest; break;
                case "ENV":
                    foreach (Match m in EnvPair().Matches(rest)) stages[^1].Env[m.Groups["key"].Value] = m.Groups["value"].Value;
                    break;
            }
        }
        return stages;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Commissioning.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Commissioning.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^node:(?<major>\d+)(\.(?<minor>\d+))?")]
    private static partial Regex NodeTag();

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex ScriptVariable();

    [GeneratedRegex(@"(?<=\s)(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex SqlcmdVariable();
}
