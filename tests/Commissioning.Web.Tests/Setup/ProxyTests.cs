using System.Net;
using Commissioning.Web.Tests.Pages.KeyDates;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 14, behind the council's TLS proxy (decision 0020): X-Forwarded-For, -Proto and -Host are believed from
/// the proxies in Proxy:KnownProxies / Proxy:KnownNetworks only. The test server has no connection, so a client's
/// own address is set by <see cref="ClientAddressFromHeader"/>; the forwarded headers are what the proxy would add.
/// </summary>
public static class Proxied
{
    public const string Proxy = "10.0.0.5";
    /// <summary>A second proxy, known by its network rather than its address.</summary>
    public const string ProxyInNetwork = "10.1.2.3";
    public const string PublicUrl = "https://register.council.test";

    public static readonly (string, string)[] Settings =
        [("Proxy:KnownProxies", Proxy), ("Proxy:KnownNetworks", "10.1.0.0/16"), ("App:BaseUrl", PublicUrl)];

    /// <summary>A client whose requests arrive from <paramref name="from"/> carrying the forwarded headers given.</summary>
    public static HttpClient Client(CommissioningFactory app, string from, string? forwardedFor = null, string? proto = null,
        string host = "register.council.test")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false, HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, from);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    /// <summary>One wrong password from a new client (its own antiforgery cookie), as a fresh browser would send it. Each
    /// is for an address of its own unless one is given, so only the client's counts grow, never an account's.</summary>
    public static async Task<HtmlPage> WrongSignInAsync(CommissioningFactory app, string from, string? forwardedFor, string? email = null) =>
        await Client(app, from, forwardedFor).SignInAsync(email ?? $"nobody-{Guid.NewGuid():N}@council.test", "not-the-password");
}

/// <summary>The sign-in rate limit (3 a minute here) counts the client behind the proxy, not the proxy.</summary>
public sealed class ProxyRateLimitTests : IAsyncLifetime
{
    private readonly CommissioningFactory _app = With([.. Proxied.Settings, ("Security:SignInAttemptsPerMinute", "3")]);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_clients_behind_a_known_proxy_each_get_their_own_sign_in_allowance()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.10")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.10")).Status);

        // Another person behind the same proxy, and one behind the proxy known by its network, still have theirs.
        Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.11")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, Proxied.ProxyInNetwork, "203.0.113.12")).Status);
        // Through a chain of known proxies the client is the first address that is not one of them.
        Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.13, 10.1.9.9")).Status);
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_is_counted_by_its_own_address_whatever_it_claims()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, "198.51.100.20", $"203.0.113.{100 + i}")).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Proxied.WrongSignInAsync(_app, "198.51.100.20", "203.0.113.200")).Status);
        // Nor can a client behind the proxy pass itself off as someone else by adding its own entry to the header:
        // the proxy appends the address it saw, and only that one is believed.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, $"192.0.2.{i}, 203.0.113.50")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "192.0.2.99, 203.0.113.50")).Status);
    }
}

/// <summary>The sign-in throttle, HSTS, and the addresses the app hands out, behind the proxy.</summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private readonly CommissioningFactory _app = With(Proxied.Settings);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_sign_in_throttle_slows_the_guesser_behind_the_proxy_and_not_the_next_person()
    {
        // Five failures are free, then each waits longer than the last; within a few the wait outlasts the typing,
        // however slow the machine.
        HtmlPage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var page = await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.60");
            if (page.Status == HttpStatusCode.TooManyRequests) refused = page;
        }
        Assert.NotNull(refused);
        Assert.StartsWith("Too many sign-in attempts", refused.FieldError("Input-Email"));

        var next = await Proxied.WrongSignInAsync(_app, Proxied.Proxy, "203.0.113.61");
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task A_request_the_proxy_says_came_over_https_counts_as_https_and_gets_HSTS()
    {
        using var client = Proxied.Client(_app, Proxied.Proxy, "203.0.113.70", "https");

        using var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        // The app saw https: the antiforgery cookie (SameAsRequest in this environment) is Secure.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)
            && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_claim_https()
    {
        using var client = Proxied.Client(_app, "198.51.100.71", proto: "https");

        using var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_the_proxy_the_calendar_address_is_https_and_its_events_are_the_same_whatever_the_host()
    {
        // The proxy speaks http to the app under its own name for it.
        var client = Proxied.Client(_app, Proxied.Proxy, "203.0.113.80", host: "commissioning-web:8080");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Commissioner, DemoPassword)).Status);

        var feed = (await client.GetPageAsync("/")).Find("#feed-url")!.GetAttribute("value")!;

        Assert.StartsWith(Proxied.PublicUrl + "/Calendar/", feed);
        var path = new Uri(feed).PathAndQuery;
        var byHost = new Dictionary<string, CalendarFeedTests.Ics.Component>();
        foreach (var host in new[] { "register.council.test", "commissioning-web:8080", "old-name.council.test" })
        {
            var text = await Proxied.Client(_app, Proxied.Proxy, "203.0.113.81", "https", host).GetStringAsync(path);
            byHost[host] = CalendarFeedTests.Ics.Parse(text);
        }
        var events = byHost["register.council.test"].Events;
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.EndsWith("@register.council.test", e.Property("UID")));
        Assert.All(events, e => Assert.StartsWith(Proxied.PublicUrl + "/Contracts/Details/", e.Property("URL")));
        foreach (var calendar in byHost.Values)
            Assert.Equal(events.Select(e => e.Property("UID")), calendar.Events.Select(e => e.Property("UID")));
    }
}
