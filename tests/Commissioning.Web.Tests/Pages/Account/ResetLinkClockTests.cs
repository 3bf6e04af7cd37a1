using System.Collections.Concurrent;
using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Pages.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Commissioning.Web.Tests.Pages.Account.ResetLinks;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>
/// Reset links on a clock the test moves: they last 24 hours; a reset ends the person's other sessions at the next
/// security stamp check; issuing and using a link are logged with the ids, never with the link's token.
/// </summary>
public sealed class ResetLinkClockTests : IAsyncLifetime
{
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);
    private readonly LogCapture _logs = new();
    private readonly CommissioningFactory _root;
    private readonly WebApplicationFactory<Program> _app;

    public ResetLinkClockTests()
    {
        _root = new CommissioningFactory { Time = _clock };
        _app = _root.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string email, string password = DemoPassword)
    {
        var client = NewClient();
        Assert.True(await SignsInAsync(client, email, password), $"{email} could not sign in");
        return client;
    }

    [Fact]
    public async Task A_link_works_for_24_hours_and_not_after()
    {
        var admin = await SignedInAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, _app.Services);
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));
        var start = _clock.GetUtcNow();

        _clock.Set(start + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Assert.Equal("Set a new password", (await NewClient().GetPageAsync(link)).Find("h1")!.TextContent);

        _clock.Set(start + TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var page = await NewClient().GetPageAsync(link);
        var post = await SetPasswordAsync(NewClient(), link, NewPassword);

        Assert.Equal(Expired, page.Find("h1")!.TextContent);
        Assert.Equal(Expired, post.Find("h1")!.TextContent);
        Assert.True(await SignsInAsync(NewClient(), email, OldPassword));
    }

    [Fact]
    public async Task A_reset_ends_the_persons_other_sessions_at_the_next_stamp_check()
    {
        var admin = await SignedInAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, _app.Services);
        var session = await SignedInAsync(email, OldPassword);
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(NewClient(), link, NewPassword)).Status);

        _clock.Set(_clock.GetUtcNow() + Web.Setup.IdentitySetup.StampInterval + TimeSpan.FromMinutes(1));
        var after = await session.GetPageAsync("/Contracts");

        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/SignIn", after.Location);
    }

    [Fact]
    public async Task Issuing_and_using_a_link_are_logged_with_the_ids_and_never_the_token()
    {
        var admin = await SignedInAsync(Administrator);
        var adminId = await IdOfAsync(Administrator);
        var (id, _) = await NewUserAsync(admin, _app.Services);
        var link = ShownLink(await IssueAsync(admin, id));
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        await SetPasswordAsync(NewClient(), PathOf(link), "qwertyuiop1234");
        await SetPasswordAsync(NewClient(), PathOf(link), NewPassword);
        await SetPasswordAsync(NewClient(), PathOf(link), NewPassword);

        var messages = _logs.Messages;
        Assert.Contains(messages, m => m.Contains(adminId, StringComparison.Ordinal) && m.Contains(id, StringComparison.Ordinal) && m.Contains("reset link", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains($"User {id} set a new password with a reset link", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("wrong, used or expired", StringComparison.Ordinal) && m.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(token[..20], StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("qwertyuiop", StringComparison.Ordinal) || m.Contains("velvet", StringComparison.Ordinal));
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Every message the app logs, formatted, with any exception's text.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();
        public IReadOnlyList<string> Messages => _messages.ToList();
        public ILogger CreateLogger(string categoryName) => new Logger(_messages);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
