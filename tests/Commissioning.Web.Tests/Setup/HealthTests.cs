using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Setup;

/// <summary>Issue 14: /health/live (the process answers) and /health/ready (= /health) on the shared application.</summary>
[Collection(SharedApp.Register)]
public sealed class HealthTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Live_answers_200_anonymously_and_asks_no_dependency()
    {
        var live = await Health.GetAsync(factory.NewClient(), "/health/live");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Overall);
        Assert.Empty(live.Checks);
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_is_migrated_and_chromium_starts_and_health_answers_the_same()
    {
        var ready = await Health.GetAsync(factory.NewClient(), "/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Overall);
        Assert.Equal(["chromium", "database", "smtp"], ready.Checks.Keys.Order());
        Assert.All(ready.Checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.StartsWith("Chromium ", ready.Checks["chromium"].Description);
        Assert.Equal("Not configured: no e-mail is sent.", ready.Checks["smtp"].Description);

        var health = await Health.GetAsync(factory.NewClient(), "/health");
        Assert.Equal((ready.Status, ready.Text), (health.Status, health.Text));
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_migration_that_is_not_applied_while_live_stays_200()
    {
        string latest;
        await using (var scope = factory.OpenDb())
        {
            latest = (await scope.Db.Database.GetAppliedMigrationsAsync()).Max()!;
            await scope.Db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {latest}");
        }
        try
        {
            var ready = await Health.GetAsync(factory.NewClient(), "/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Unhealthy", ready.Overall);
            Assert.Equal("Unhealthy", ready.Checks["database"].Status);
            Assert.Equal($"1 migration(s) not applied: {latest}.", ready.Checks["database"].Description);
            Assert.Equal("Healthy", ready.Checks["chromium"].Status);
            Assert.DoesNotContain(factory.DatabasePath, ready.Text);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Health.GetAsync(factory.NewClient(), "/health")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Health.GetAsync(factory.NewClient(), "/health/live")).Status);
        }
        finally
        {
            factory.ResetDatabase();
        }
    }
}

/// <summary>Readiness with settings of their own: each test starts its own application.</summary>
public sealed class HealthFailureTests
{
    [Fact]
    public async Task Ready_answers_503_naming_chromium_when_its_path_does_not_exist_and_health_answers_the_same()
    {
        await using var app = CommissioningFactory.With(("Pdf:ChromiumPath", "/nowhere/chromium"), ("Demo:Enabled", "false"));

        var ready = await Health.GetAsync(app.NewClient(), "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Checks["chromium"].Status);
        Assert.StartsWith("Chromium was not found at /nowhere/chromium.", ready.Checks["chromium"].Description);
        Assert.Equal("Healthy", ready.Checks["database"].Status);
        var health = await Health.GetAsync(app.NewClient(), "/health");
        Assert.Equal((ready.Status, ready.Text), (health.Status, health.Text));
        Assert.Equal(HttpStatusCode.OK, (await Health.GetAsync(app.NewClient(), "/health/live")).Status);
    }

    [Fact]
    public async Task Ready_answers_503_naming_smtp_when_nothing_listens_and_200_once_a_server_greets_and_the_kept_answer_expires()
    {
        var port = FreePort();
        var time = new MovableTime(DateTimeOffset.UtcNow);
        await using var settings = CommissioningFactory.With(("Smtp:Host", "127.0.0.1"), ("Smtp:Port", port.ToString(CultureInfo.InvariantCulture)), ("Demo:Enabled", "false"));
        await using var app = settings.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await Health.GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("Unhealthy", refused.Checks["smtp"].Status);
        Assert.Equal($"The mail server on port {port} could not be reached.", refused.Checks["smtp"].Description);
        Assert.Equal("Healthy", refused.Checks["database"].Status);

        using var server = new GreetingServer(port);
        // The answer is kept for a short while: probes every few seconds do not each open a connection.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Health.GetAsync(client, "/health/ready")).Status);
        Assert.Equal(0, server.Connections);

        time.Advance(TimeSpan.FromSeconds(31));
        var greeted = await Health.GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, greeted.Status);
        Assert.Equal($"The mail server on port {port} answered.", greeted.Checks["smtp"].Description);
        Assert.Equal(1, server.Connections);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Just enough of an SMTP server: greets every connection with 220 and counts them.</summary>
    private sealed class GreetingServer : IDisposable
    {
        private readonly TcpListener _listener;
        private int _connections;

        public GreetingServer(int port)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    var stream = client.GetStream();
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("220 test.invalid ESMTP ready\r\n"));
                    var buffer = new byte[64];
                    while (await stream.ReadAsync(buffer) > 0) { }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException) { }
        }

        public void Dispose() => _listener.Stop();
    }
}

internal static class Health
{
    public sealed record Check(string Status, string? Description);
    public sealed record Answer(HttpStatusCode Status, string Overall, IReadOnlyDictionary<string, Check> Checks, string Text);

    public static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => new Check(c.GetProperty("status").GetString()!, c.GetProperty("description").GetString()));
        return new Answer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, text);
    }
}
