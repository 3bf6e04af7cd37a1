using System.Collections.Concurrent;
using System.Net;
using Commissioning.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>
/// Every browser test shares one app and one browser: starting either takes seconds. (Two collections,
/// each with its own app and browser, were tried in issue 12: on two cores, next to the Web tests, the
/// browser tests took longer, not less: docs/testing.md.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a throw-away SQLite file and the demo data, and one
/// headless Chromium (Debian's, at /usr/bin/chromium or $CHROMIUM_PATH) driven by Playwright.
/// Each test opens its own browser context, so cookies never leak from one test to the next.
/// </summary>
public class AppServer : IAsyncLifetime
{
    private readonly TimeProvider? time;

    public AppServer() { }

    /// <summary>The app on a clock of the test's choosing (<see cref="FiguresAppServer"/>), for pages whose figures depend on the day.</summary>
    protected AppServer(TimeProvider time) => this.time = time;

    public const string DemoPassword = "care-register-demo";

    /// <summary>
    /// How long any one wait may take before a test fails: clicks, navigations, Expect assertions, a page's load.
    /// Tests wait for a condition (an element, a URL, the next page's load), never for a fixed time, so this is
    /// a ceiling that only a broken page reaches; it is generous because a busy two-core machine can take tens of
    /// seconds to answer a sign-in (15 s was once too short).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"commissioning-browser-{Guid.NewGuid():N}.db");
    private readonly ConcurrentDictionary<string, string> storageStates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> resolved = new();
    private Factory? factory;
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>The app's services, for reading its own page list.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app has not started.");
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots for people to look at; no test compares pixels.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Settings added to the app's, for a server of its own (<see cref="SingleSignOnAppServer"/>: council sign-in).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    public virtual async Task InitializeAsync()
    {
        // The port is chosen first: App:BaseUrl, which links are built on, must name it before the app starts.
        var port = FreePort();
        factory = new Factory(databasePath, time, [("App:BaseUrl", $"http://127.0.0.1:{port}"), .. TestCertificate.Settings, .. Settings]);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? factory.ClientOptions.BaseAddress.ToString();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        // The two-step pages of AppPages need someone with two-step sign-in.
        if (await factory.Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Commissioning.Infrastructure.Identity.ApplicationUser>>()
                .FindByEmailAsync(AppPages.TwoStep) is null)
            await TwoStepUsers.CreateAsync(factory.Services, "Rhys Evans", email: AppPages.TwoStep);

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // This machine's network is closed: without these Chromium keeps trying to reach Google.
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-gpu"],
        });

        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        Directory.CreateDirectory(ScreenshotFolder);
        Console.WriteLine($"Browser tests: app at {BaseAddress}, screenshots in {ScreenshotFolder}");
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(databasePath + suffix); }
            catch (IOException) { }
        }
    }

    /// <summary>
    /// A fresh browser context, signed in as <paramref name="user"/> when one is named. The first
    /// time a user is needed they sign in through the form like a person; later contexts reuse that
    /// session's cookies, which saves a sign-in per test. <paramref name="width"/> is the window's
    /// width in CSS pixels (375: a phone).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string? user = null, int width = 1280)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
        };
        if (user is not null) options.StorageState = await StorageStateAsync(user);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return context;
    }

    private async Task<string> StorageStateAsync(string user)
    {
        if (storageStates.TryGetValue(user, out var state)) return state;
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, user);
        state = await context.StorageStateAsync();
        storageStates[user] = state;
        return state;
    }

    /// <summary>
    /// Turns a route of <see cref="AppPages"/> into a real address: {contract:SC-2021-0001},
    /// {provider:Persona} and {user:Tom Whitfield} become the ids the app's own links use.
    /// </summary>
    public async Task<string> ResolveAsync(string route)
    {
        var start = route.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) return route;
        var end = route.IndexOf('}', start);
        var token = route[(start + 1)..end];
        if (!resolved.TryGetValue(token, out var id))
        {
            id = await FindIdAsync(token);
            resolved[token] = id;
        }
        return await ResolveAsync(route[..start] + id + route[(end + 1)..]);
    }

    private async Task<string> FindIdAsync(string token)
    {
        var (kind, text) = (token[..token.IndexOf(':', StringComparison.Ordinal)], token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        if (kind == "reset-link") return await ResetLinkQueryAsync(text);
        if (await ImportFiles.ResolveAsync(this, kind, text) is { } upload) return upload;
        // The query of "Create cover sheet" for a meeting's first agenda item. Read from the item's own page link:
        // a past meeting's agenda no longer offers "Create cover sheet", and the page then shows its refusal.
        // The id alone of a meeting's first agenda item, for routes written out as the app's template is ("…/Items/{id}").
        if (kind == "item-id-of-meeting") return (await FindIdAsync("item-of-meeting:" + text)).Split("/Items/")[1];
        if (kind == "new-sheet-of-meeting" && (await FindIdAsync("item-of-meeting:" + text)).Split("/Items/") is [var meetingId, var itemId])
            return $"meetingId={meetingId}&itemId={itemId}";
        if (await DocumentJourneyTests.ResolveAsync(this, kind, text) is { } document) return document;
        var (listPath, prefix) = kind switch
        {
            "contract" => ($"/Contracts?Filter.Q={Uri.EscapeDataString(text)}", "/Contracts/Details/"),
            "provider" => ($"/Providers?Q={Uri.EscapeDataString(text)}", "/Providers/Edit/"),
            "user" => ("/Admin/Users", "/Admin/Users/Edit/"),
            "directorate" => ("/Admin/Directorates", "/Admin/Directorates/Edit/"),
            // The first review waiting for agreement, whichever contract the demo gave it to.
            "review" => ("/Finance/Reviews", "/Finance/Reviews/"),
            // A contract's first savings target, from the contract's own page.
            "savings" => ($"/Contracts/Details/{await FindIdAsync("contract:" + text)}", "/Finance/Savings/Edit/"),
            "meeting" => ("/Governance/Meetings", "/Governance/Meetings/"),
            "decision" => ("/Governance/Decisions", "/Governance/Decisions/"),
            // The first cover sheet linked from a contract's page, or from a meeting's agenda.
            "sheet-of-contract" => ($"/Contracts/Details/{await FindIdAsync("contract:" + text)}", "/CoverSheets/"),
            "sheet-of-meeting" => ($"/Governance/Meetings/{await FindIdAsync("meeting:" + text)}", "/CoverSheets/"),
            "body" => ("/Governance/Bodies", "/Governance/Bodies/Edit/"),
            // A meeting's first agenda item's own page ("Open item" on the agenda): "{meeting id}/Items/{item id}".
            "item-of-meeting" => ($"/Governance/Meetings/{await FindIdAsync("meeting:" + text)}", "/Governance/Meetings/"),
            // The first agenda item of a meeting, by its "Attach a document" link.
            "agenda-item" => ($"/Governance/Meetings/{await FindIdAsync("meeting:" + text)}", "/Documents/Upload/AgendaItem/"),
            _ => throw new ArgumentException($"Unknown kind of id in route: {token}"),
        };
        await using var context = await NewContextAsync(AppPages.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync(listPath);
        // Links to a page that makes something ("…/Create", "…/Create?…") are not the thing itself.
        var links = kind == "item-of-meeting" ? page.Locator($"main #agenda-table a[href*='/Items/']")
            : page.Locator($"main a[href^='{prefix}']:not([href*='/Create']):not([href^='{prefix}Create'])");
        var link = kind is "review" or "savings" or "sheet-of-contract" or "sheet-of-meeting" or "item-of-meeting" or "agenda-item" ? links.First : links.Filter(new() { HasText = text }).First;
        var href = await link.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"No link to {text} on {listPath}");
        return href[prefix.Length..];
    }

    /// <summary>
    /// The query of a working password reset link for a user (by display name): an administrator presses "Send a
    /// password reset link" on the user's page and reads the link it shows. Opening the link does not use it up.
    /// </summary>
    private async Task<string> ResetLinkQueryAsync(string user)
    {
        var edit = $"/Admin/Users/Edit/{await FindIdAsync("user:" + user)}";
        await using var context = await NewContextAsync(AppPages.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync(edit);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send a password reset link" }));
        var link = await page.Locator("#reset-link").InputValueAsync();
        return new Uri(link).Query.TrimStart('?');
    }

    /// <summary>A port nobody is listening on now (the system picks it; it is free again when this returns).</summary>
    protected static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(string databasePath, TimeProvider? time, IReadOnlyList<(string Key, string Value)> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            if (time is not null) builder.ConfigureServices(services => services.AddSingleton(time));
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Commissioning", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
            builder.UseSetting("Pdf:StartWithApp", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
