using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Commissioning.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Support;

/// <summary>
/// The whole application over a real SQLite file of its own, in a temp folder that is deleted
/// on dispose. Demo mode seeds the paper contracts, 21 generated ones and the five demo users.
/// </summary>
public sealed class CommissioningFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "care-register-demo";
    public const string Commissioner = "commissioner@demo.test";
    public const string Secretary = "secretary@demo.test";
    public const string Finance = "finance@demo.test";
    public const string Viewer = "viewer@demo.test";
    public const string Administrator = "admin@demo.test";

    public static readonly IReadOnlyList<string> DemoUsers = [Commissioner, Secretary, Finance, Viewer, Administrator];
    public static bool CanEditRegister(string email) => email is Commissioner or Administrator;

    /// <summary>A demo user's display name: how the register names them on every page and in every record.</summary>
    public static string NameOf(string email) => Infrastructure.Demo.DemoOptions.Users.Single(u => u.Email == email).Name;

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;

    public CommissioningFactory() : this([]) { }

    private CommissioningFactory(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var name = Guid.NewGuid().ToString("N");
        _folder = Path.Combine(Path.GetTempPath(), "commissioning-web-tests", name);
        Directory.CreateDirectory(_folder);
        // TEST_DATABASE chooses (see TestProvider): a SQLite file in the folder, or a database of this app's own on the test server.
        DatabasePath = Path.Combine(_folder, "commissioning.db");
        ConnectionString = IsSqlServer ? TestProvider.SqlServerDatabase("commissioning_web_" + name) : "Data Source=" + DatabasePath;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestProvider.Current.ToString(),
            ["ConnectionStrings:Commissioning"] = ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Security:SignInAttemptsPerMinute"] = "1000",
            // Chromium starts with the first PDF or readiness check, as each test needs it, not with every test's app.
            ["Pdf:StartWithApp"] = "false",
            // Required outside Development (decision 0020). The test server's own address, so links lead back to it.
            ["App:BaseUrl"] = "http://localhost",
        };
        foreach (var (key, value) in TestCertificate.Settings) _settings[key] = value;
        foreach (var (key, value) in overrides) _settings[key] = value;
    }

    /// <summary>A factory with some settings changed, for the tests that need their own application.</summary>
    public static CommissioningFactory With(params (string Key, string Value)[] settings) =>
        new(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));

    /// <summary>A clock the test can move, in place of the system's, when a test needs time to pass.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>EF Core interceptors added to the application's DbContext, for a test that injects database failures.</summary>
    public IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors { get; init; } = [];

    /// <summary>The SQLite file (SQLite only: tests that read it as a file are <see cref="SqliteOnlyFactAttribute"/>).</summary>
    public string DatabasePath { get; }
    public string ConnectionString { get; }
    public static bool IsSqlServer => TestProvider.IsSqlServer;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Host settings reach Program's builder.Configuration before services are registered...
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // ...and the app configuration holds them too, so IOptions and IConfiguration agree.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (Time is { } time) builder.ConfigureServices(services => services.AddSingleton(time));
        if (Interceptors.Count > 0)
            builder.ConfigureServices(services => services.ConfigureDbContext<CommissioningDbContext>(o => o.AddInterceptors(Interceptors)));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A client that keeps cookies and shows redirects rather than following them.</summary>
    /// <param name="address">The IP address the app sees the client at (the in-memory test server gives none).</param>
    public HttpClient NewClient(string? address = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>A client that sends no cookies but those a test puts on each request: a copy of someone's session cookie.</summary>
    public HttpClient NewCookielessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the real sign-in page and returns the client holding the session cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoPassword)
    {
        var client = NewClient();
        var response = await client.SignInAsync(email, password);
        if (response.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.Status}: {string.Join(" | ", response.ErrorSummary)}");
        return client;
    }

    /// <summary>A scope with the application's own DbContext, to read (or arrange) the database directly.</summary>
    public DbScope OpenDb() => new(Services.CreateAsyncScope());

    /// <summary>Today as the application sees it (UK local date).</summary>
    public DateOnly Today => Services.GetRequiredService<IClock>().Today;

    public async Task<int> ContractCountAsync()
    {
        await using var scope = OpenDb();
        return await scope.Db.Contracts.CountAsync();
    }

    public async Task<int> ProviderIdAsync(string name)
    {
        await using var scope = OpenDb();
        return await scope.Db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    public async Task<int> ContractIdAsync(string reference)
    {
        await using var scope = OpenDb();
        return await scope.Db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync();
    }

    private string? _seeded;

    /// <summary>
    /// Puts the database back as the application seeded it, and returns this factory: a test class that
    /// shares one application with others (see <see cref="SharedApp"/>) starts each test with
    /// <c>private readonly CommissioningFactory factory = factory.ResetDatabase();</c>.
    /// </summary>
    /// <remarks>
    /// The first call starts the application (migrate, seed) and keeps a copy of the seeded database
    /// beside it; each later call copies it back with SQLite's backup API, which is correct for a
    /// database in WAL mode and takes milliseconds. The application's idle pooled connections are
    /// closed first, so none keeps a view of the old file. The data-protection key ring is created
    /// before the copy is taken, so the keys stay in the database across resets and the
    /// application's in-memory key ring and the database agree.
    /// </remarks>
    public CommissioningFactory ResetDatabase()
    {
        lock (_folder)
        {
            if (_seeded is null)
            {
                // Starts the host (migrations, demo seed) and has it write its data-protection key now.
                Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("seed").Protect("key ring");
                if (IsSqlServer) _seeded = SqlServerReset.Keep(ConnectionString);
                else
                {
                    var seeded = Path.Combine(_folder, "seeded.db");
                    Copy(ConnectionString, "Data Source=" + seeded);
                    _seeded = seeded;
                }
            }
            else if (IsSqlServer)
                SqlServerReset.Restore(ConnectionString, _seeded);
            else
                Copy("Data Source=" + _seeded, ConnectionString);
            // Failed sign-ins of an earlier test must not slow this one's.
            Services.GetRequiredService<Web.Setup.SignInThrottle>().Reset();
            // The copy writes no audit entry, so the register's version may read as it did before an earlier test's saves.
            Services.GetRequiredService<Infrastructure.Finance.ScheduleCache>().Clear();
            return this;
        }
    }

    private static void Copy(string from, string to)
    {
        using (var pooled = new SqliteConnection(to)) SqliteConnection.ClearPool(pooled);
        using var source = new SqliteConnection(from + ";Pooling=False");
        using var target = new SqliteConnection(to + ";Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) DeleteDatabase();
    }

    private void DeleteDatabase()
    {
        if (IsSqlServer) TestProvider.DropSqlServerDatabase(ConnectionString);
        // Pooled connections keep the file open; close ours before deleting the folder.
        else
            using (var connection = new SqliteConnection(ConnectionString))
                SqliteConnection.ClearPool(connection);
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException) { /* best effort: the temp folder is cleaned eventually */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// On SQL Server the seeded database is kept as a backup on the server (its default backup folder) and restored
/// over the test database: the same idea as the SQLite copy, with the server's own tools.
/// </summary>
internal static class SqlServerReset
{
    public static string Keep(string connectionString)
    {
        var name = Name(connectionString);
        TestProvider.OnMaster(connectionString, $"BACKUP DATABASE [{name}] TO DISK = N'{name}-seeded.bak' WITH INIT, COPY_ONLY;");
        return $"{name}-seeded.bak";
    }

    public static void Restore(string connectionString, string backup)
    {
        var name = Name(connectionString);
        using (var pooled = new Microsoft.Data.SqlClient.SqlConnection(connectionString)) Microsoft.Data.SqlClient.SqlConnection.ClearPool(pooled);
        TestProvider.OnMaster(connectionString, $"""
            ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
            RESTORE DATABASE [{name}] FROM DISK = N'{backup}' WITH REPLACE;
            ALTER DATABASE [{name}] SET MULTI_USER;
            """);
    }

    private static string Name(string connectionString) => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString).InitialCatalog;
}

/// <summary>
/// The in-memory test server has no network connection, so every client would be the same (unknown) address:
/// a test names its client's address in a header, which this puts on the connection before anything reads it.
/// </summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } address] && IPAddress.TryParse(address, out var ip))
                context.Connection.RemoteIpAddress = ip;
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class DbScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public CommissioningDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
    public IServiceProvider Services => scope.ServiceProvider;
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
