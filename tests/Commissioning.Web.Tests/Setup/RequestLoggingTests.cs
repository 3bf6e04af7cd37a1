using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 14: one log line per request (method, path without its query, status, time, user id, request id),
/// JSON on the console when Logging:Console:FormatterName=json, and the error page quoting the line's id.
/// One application, with the JSON setting and a provider that keeps every request line.
/// </summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private readonly RequestLines _lines = new();
    private readonly CommissioningFactory _settings = CommissioningFactory.With(("Logging:Console:FormatterName", "json"));
    private readonly WebApplicationFactory<Program> _app;

    public RequestLoggingTests() => _app = _settings.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_lines)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _settings.DisposeAsync();
    }

    private HttpClient NewClient() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_request_makes_exactly_one_line_with_method_path_status_time_and_no_user_and_never_the_query()
    {
        var client = NewClient();
        await client.GetAsync("/Account/SignIn");
        var before = _lines.Count;

        using var response = await client.GetAsync("/Account/SignIn?ReturnUrl=%2Fsecret-return&token=query-secret");

        var line = Assert.Single(_lines.Since(before));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET", line["Method"]);
        Assert.Equal("/Account/SignIn", line["Path"]);
        Assert.Equal(200, line["StatusCode"]);
        Assert.InRange((long)line["ElapsedMs"]!, 0, 60_000);
        Assert.Equal("none", line["UserId"]);
        Assert.False(string.IsNullOrEmpty((string?)line["RequestId"]));
        Assert.DoesNotContain("secret", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_request_names_the_user_by_id_and_a_calendar_feed_line_leaves_out_its_token()
    {
        var client = NewClient();
        await client.SignInAsync(CommissioningFactory.Viewer, CommissioningFactory.DemoPassword);
        var before = _lines.Count;

        await client.GetAsync("/Contracts?search=care");
        await client.GetAsync("/Calendar/a-feed-token-nobody-else-should-see.ics");

        var lines = _lines.Since(before);
        Assert.Equal(2, lines.Count);
        Assert.Equal(("/Contracts", 200, await UserIdAsync(CommissioningFactory.Viewer)), ((string?)lines[0]["Path"], (int?)lines[0]["StatusCode"], (string?)lines[0]["UserId"]));
        Assert.Equal("/Calendar/{token}", lines[1]["Path"]);
        Assert.DoesNotContain("a-feed-token", lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_json_setting_the_console_writes_each_line_as_json_with_its_fields()
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        var formatter = _app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == options.FormatterName);
        var before = _lines.Count;

        await NewClient().GetAsync("/Account/SignIn?ReturnUrl=%2Fx");

        using var json = JsonDocument.Parse(Assert.Single(_lines.Since(before)).Format(formatter));
        var state = json.RootElement.GetProperty("State");
        Assert.Equal("GET", state.GetProperty("Method").GetString());
        Assert.Equal("/Account/SignIn", state.GetProperty("Path").GetString());
        Assert.Equal("200", state.GetProperty("StatusCode").ToString());
        Assert.Equal("none", state.GetProperty("UserId").GetString());
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
    }

    [Fact]
    public async Task A_failed_request_shows_the_error_page_quoting_the_request_id_that_its_log_line_carries()
    {
        var client = NewClient();
        await client.SignInAsync(CommissioningFactory.Viewer, CommissioningFactory.DemoPassword);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CommissioningDbContext>().Database
                .ExecuteSqlRawAsync("ALTER TABLE Providers RENAME TO ProvidersGone");
        var before = _lines.Count;

        var page = await HtmlPage.ReadAsync(await client.GetAsync("/Providers"));

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        var line = Assert.Single(_lines.Since(before));
        Assert.Equal(("GET", "/Providers", 500), ((string?)line["Method"], (string?)line["Path"], (int?)line["StatusCode"]));
        var reference = (string)line["RequestId"]!;
        Assert.Contains($"quote this reference: {reference}.", page.Text, StringComparison.Ordinal);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>The request log's lines, with their fields, each able to be written by a console formatter.</summary>
    private sealed class RequestLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<Line> _lines = new();
        public int Count => _lines.Count;
        public IReadOnlyList<Line> Since(int count) => _lines.Skip(count).ToList();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!category.StartsWith("Commissioning.Web.Setup.RequestLogging", StringComparison.Ordinal) || logLevel < LogLevel.Information) return;
                var fields = ((IReadOnlyList<KeyValuePair<string, object?>>)state!).ToDictionary(f => f.Key, f => f.Value);
                lines.Enqueue(new Line(formatter(state, exception), fields, console =>
                {
                    using var writer = new StringWriter();
                    console.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, writer);
                    return writer.ToString();
                }));
            }
        }
    }

    private sealed record Line(string Message, IReadOnlyDictionary<string, object?> Fields, Func<ConsoleFormatter, string> Format)
    {
        public object? this[string field] => Fields[field];
    }
}
