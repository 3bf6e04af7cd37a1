using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Commissioning.Infrastructure.Pdf;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commissioning.Web.Setup;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is asked, so a database outage never gets the
/// app restarted). <c>/health/ready</c>, and <c>/health</c> as before: the database is reachable and
/// migrated, Chromium starts, and the mail server greets when Smtp:Host is set. Both are anonymous; the
/// answer names each check and says what is wrong in words of our own, never an exception's text.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddCommissioningHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<ChromiumHealthCheck>();
        services.AddSingleton<SmtpHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .Add(new HealthCheckRegistration("chromium", sp => sp.GetRequiredService<ChromiumHealthCheck>(), null, [Ready]))
            .Add(new HealthCheckRegistration("smtp", sp => sp.GetRequiredService<SmtpHealthCheck>(), null, [Ready]));
        return services;
    }

    public static void MapCommissioningHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        endpoints.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        endpoints.MapHealthChecks("/health", ready).AllowAnonymous();
    }

    /// <summary>{"status":"Unhealthy","checks":[{"name":"chromium","status":"Unhealthy","description":"..."}]}</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var answer = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer));
    }
}

/// <summary>Reachable and every migration applied: an instance with an older schema than its code must not take traffic.</summary>
internal sealed class DatabaseHealthCheck(CommissioningDbContext db, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Reachable, with every migration applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception can name the server and the login: the log has it, the anonymous answer does not.
            logger.LogWarning(e, "The readiness check could not reach the database.");
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

/// <summary>
/// A result kept for <see cref="For"/>: load balancers probe every few seconds, and neither Chromium nor the
/// council's mail relay needs to be asked that often. The database check is not cached.
/// </summary>
internal sealed class CachedResult(TimeProvider time)
{
    public static readonly TimeSpan For = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private HealthCheckResult? _result;
    private DateTimeOffset _at;

    public async Task<HealthCheckResult> GetAsync(Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_result is { } kept && time.GetUtcNow() - _at < For) return kept;
            _result = await check(ct);
            _at = time.GetUtcNow();
            return _result.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Starts the app's own print browser (<see cref="ChromiumPdfRenderer.CheckAsync"/>), which then stays up for the
/// first cover sheet; while it runs, the check costs nothing. Once shut down for being idle it is not started
/// again by this check, only by the next PDF.
/// </summary>
internal sealed class ChromiumHealthCheck(ChromiumPdfRenderer renderer, TimeProvider time) : IHealthCheck
{
    private readonly CachedResult _cache = new(time);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        _cache.GetAsync(async token =>
        {
            try
            {
                return HealthCheckResult.Healthy(await renderer.CheckAsync(token));
            }
            catch (PdfUnavailableException e)
            {
                // Our own message: the path and what to do, no secrets.
                return HealthCheckResult.Unhealthy(e.Message);
            }
        }, ct);
}

/// <summary>
/// When Smtp:Host is set, the mail server must accept a connection and greet with 220 within
/// <see cref="Timeout"/>. Port 465 speaks TLS first; other ports greet in plain text (STARTTLS comes later).
/// </summary>
internal sealed class SmtpHealthCheck(IConfiguration configuration, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly CachedResult _cache = new(time);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var host = configuration["Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
            return Task.FromResult(HealthCheckResult.Healthy("Not configured: no e-mail is sent."));
        var port = configuration.GetValue("Smtp:Port", 587);
        return _cache.GetAsync(token => GreetAsync(host, port, token), ct);
    }

    private static async Task<HealthCheckResult> GreetAsync(string host, int port, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, limit.Token);
            await using Stream stream = port == 465 ? await TlsAsync(client.GetStream(), host, limit.Token) : client.GetStream();
            var greeting = await ReadLineAsync(stream, limit.Token);
            if (!greeting.StartsWith("220", StringComparison.Ordinal))
                return HealthCheckResult.Unhealthy($"The mail server on port {port} did not greet with 220.");
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), limit.Token);
            return HealthCheckResult.Healthy($"The mail server on port {port} answered.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The mail server on port {port} did not answer within {Timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return HealthCheckResult.Unhealthy($"The mail server on port {port} could not be reached.");
        }
    }

    private static async Task<Stream> TlsAsync(NetworkStream network, string host, CancellationToken ct)
    {
        var tls = new SslStream(network);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, ct);
        return tls;
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken ct)
    {
        var line = new StringBuilder();
        var buffer = new byte[256];
        while (line.Length < 512)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0) break;
            line.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (line.ToString().Contains('\n')) break;
        }
        return line.ToString();
    }
}
