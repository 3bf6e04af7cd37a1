using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 13, defect 4: the headers and cookies an attacker reads first. Each test starts an
/// application of its own: one on real Kestrel (the in-process test server never writes a
/// Server header, so only Kestrel can show it is gone), one in the Production environment.
/// </summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task On_Kestrel_answers_carry_a_Permissions_Policy_no_Server_header_and_a_429_says_when_to_retry()
    {
        await using var app = With(("Security:SignInAttemptsPerMinute", "2"));
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) };

        using var page = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), $"Server: {string.Join(", ", page.Headers.TryGetValues("Server", out var s) ? s : [])}");
        var policy = Assert.Single(page.Headers.GetValues("Permissions-Policy"));
        foreach (var feature in new[] { "camera", "microphone", "geolocation", "payment", "usb" })
            Assert.Contains($"{feature}=()", policy);

        // Two sign-in posts a minute are allowed here; the third is refused with when to try again.
        var token = await client.TokenAsync("/Account/SignIn");
        HtmlPage? last = null;
        for (var i = 0; i < 3; i++)
            last = await client.PostFormAsync("/Account/SignIn", new FormFields
            {
                { "Input.Email", Viewer }, { "Input.Password", $"wrong-{i}" }, { Browser.TokenName, token },
            });
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.Status);
        AssertRetryAfterWithinAMinute(last.Response);
        Assert.False(last.Response.Headers.Contains("Server"));
        Assert.Single(last.Response.Headers.GetValues("Permissions-Policy"));
    }

    [Fact]
    public async Task In_Production_the_antiforgery_TempData_and_sign_in_cookies_are_always_Secure()
    {
        await using var app = new CommissioningFactory();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        // Over https, as the app is served in production.
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });

        using (var signInPage = await client.GetAsync("/Account/SignIn"))
            AssertSecure(signInPage, ".AspNetCore.Antiforgery.");
        var signedIn = await client.SignInAsync(Administrator, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        AssertSecure(signedIn.Response, "__Host-Commissioning");
        // Adding a directorate says so on the next page: the message travels in the TempData cookie.
        var added = await client.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", "Hardening Directorate" } });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        AssertSecure(added.Response, ".AspNetCore.Mvc.CookieTempDataProvider");

        // Behind a proxy that speaks http to the app, SameAsRequest would drop the flag: the policy itself is Always.
        Assert.Equal(CookieSecurePolicy.Always, production.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, production.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task In_Production_behind_a_proxy_that_ends_TLS_the_forms_still_work()
    {
        await using var app = With(("Proxy:KnownProxies", "10.0.0.5"));
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        // The proxy (a known one: decision 0020) speaks http to the app and says the visitor used https.
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "10.0.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecure(page, ".AspNetCore.Antiforgery.");
    }

    /// <summary>A Retry-After of whole seconds, at most the limiter's one-minute window.</summary>
    internal static void AssertRetryAfterWithinAMinute(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= 60, $"Retry-After: {response.Headers.RetryAfter}");
    }

    private static void AssertSecure(HttpResponseMessage response, string cookiePrefix)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        var cookie = Assert.Single(cookies, c => c.StartsWith(cookiePrefix, StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
