using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Setup;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Council single sign-on's settings and what the app does with and without them. The sign-in itself, against a real
/// OpenID Connect provider, is in the browser tests (Commissioning.BrowserTests.SingleSignOnTests).
/// </summary>
public sealed class CouncilSignInTests
{
    private const string Button = "Sign in with your council account";

    [Fact]
    public async Task Without_an_authority_there_is_no_button_no_scheme_and_no_council_sign_in_page()
    {
        await using var app = new CommissioningFactory();
        var client = app.NewClient();

        var signIn = await client.GetPageAsync("/Account/SignIn");

        Assert.DoesNotContain(Button, signIn.Text, StringComparison.Ordinal);
        Assert.Single(signIn.FindAll("main form"));
        Assert.Contains("form-action 'self';", signIn.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(SingleSignOn.Scheme));
        var post = await client.PostFormAsync("/Account/ExternalSignIn", new FormFields { { Browser.TokenName, signIn.Token! } });
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Fact]
    public async Task With_an_authority_the_button_posts_to_council_sign_in_and_a_provider_that_cannot_be_reached_gets_a_page_saying_so()
    {
        var closed = ClosedPort();
        await using var app = CommissioningFactory.With(Configured($"http://127.0.0.1:{closed}"));
        var client = app.NewClient();

        var signIn = await client.GetPageAsync("/Account/SignIn?ReturnUrl=%2FProviders");

        var form = signIn.FindAll("main form").First();
        Assert.Equal("/Account/ExternalSignIn", form.GetAttribute("action"));
        Assert.Contains(Button, form.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Providers", form.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value"));
        // The password form stays, for administrators and other local accounts.
        Assert.NotNull(signIn.Find("#Input-Password"));
        // The button's form is answered with a redirect to the provider, which form-action must allow.
        Assert.Contains($"form-action 'self' http://127.0.0.1:{closed};", signIn.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var post = await client.PostFormAsync("/Account/ExternalSignIn", new FormFields { { Browser.TokenName, signIn.Token! }, { "ReturnUrl", "/Providers" } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.Status);
        Assert.Contains("Council sign-in is not available at the moment", post.Find("h1")?.TextContent);
    }

    [Fact]
    public async Task The_callback_without_an_answer_from_the_provider_says_sign_in_did_not_finish_and_signs_nobody_in()
    {
        await using var app = CommissioningFactory.With(Configured($"http://127.0.0.1:{ClosedPort()}"));
        var client = app.NewClient();

        var callback = await client.GetPageAsync("/Account/ExternalSignIn?handler=Callback&ReturnUrl=%2FProviders");

        Assert.Equal(HttpStatusCode.BadRequest, callback.Status);
        Assert.Contains("Signing in with your council account did not finish", callback.Find("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetPageAsync("/Providers")).Status);
    }

    [Fact]
    public async Task The_antiforgery_token_is_required_to_start_council_sign_in()
    {
        await using var app = CommissioningFactory.With(Configured($"http://127.0.0.1:{ClosedPort()}"));
        var client = app.NewClient();
        await client.GetPageAsync("/Account/SignIn");

        using var post = await client.PostAsync("/Account/ExternalSignIn", new FormUrlEncodedContent([KeyValuePair.Create("ReturnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public void Role_groups_are_read_with_or_without_spaces_in_the_role_and_several_groups_may_give_one_role()
    {
        var sso = SingleSignOn.From(Settings(Configured("https://login.microsoftonline.com/tenant/v2.0",
            ("Authentication:Oidc:RoleGroups:FinanceOfficer", "g-finance, g-finance-2"),
            ("Authentication:Oidc:RoleGroups:Board secretary", "g-secretaries"))));

        Assert.Equal(new HashSet<string> { Roles.Commissioner }, sso.RolesFor(["g-commissioners", "g-unrelated"]));
        Assert.Equal(new HashSet<string> { Roles.FinanceOfficer, Roles.BoardSecretary }, sso.RolesFor(["g-finance-2", "g-secretaries"]));
        Assert.Equal(new HashSet<string> { Roles.Commissioner }, SingleSignOn.From(Settings(Configured("https://x.test"))).RolesFor(["G-COMMISSIONERS"]));
        Assert.Empty(sso.RolesFor(["g-unrelated"]));
        Assert.False(sso.RequireHttpsMetadata);
        Assert.True(SingleSignOn.From(Settings([.. Configured("https://x.test").Where(s => !s.Key.EndsWith("RequireHttpsMetadata", StringComparison.Ordinal))])).RequireHttpsMetadata);
        Assert.False(SingleSignOn.From(Settings([])).Enabled);
    }

    [Theory]
    [InlineData("Authentication:Oidc:RoleGroups:Administrator", "g-admins", "never given through single sign-on")]
    [InlineData("Authentication:Oidc:RoleGroups:Superuser", "g-super", "is not a role")]
    [InlineData("Authentication:Oidc:RoleGroups:Viewer", "g-commissioners", "mapped to both")]
    [InlineData("Authentication:Oidc:ClientSecret", "", "ClientSecret must be set")]
    public void Settings_that_would_give_the_wrong_roles_or_cannot_work_stop_the_app_with_a_message(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SingleSignOn.From(Settings(Configured("https://x.test", (key, value)))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authority_with_no_role_groups_stops_the_app_rather_than_refuse_everyone()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SingleSignOn.From(Settings(
            [("Authentication:Oidc:Authority", "https://x.test"), ("Authentication:Oidc:ClientId", "c"), ("Authentication:Oidc:ClientSecret", "s")])));

        Assert.Contains("no Authentication:Oidc:RoleGroups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_role_group_stops_the_app_at_start_up()
    {
        await using var app = CommissioningFactory.With(Configured("https://x.test", ("Authentication:Oidc:RoleGroups:Administrator", "g-admins")));

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Administrator role is never given through single sign-on", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Identity rebuilds a session's principal at each stamp check (every 5 minutes) and drops the claims made at sign-in.
    /// How the person signed in ("oidc") must survive it, or a council user would count as a password user from then on.
    /// </summary>
    [Fact]
    public async Task The_stamp_check_keeps_how_and_when_the_person_signed_in()
    {
        await using var app = new CommissioningFactory();
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var signedInAt = new Claim(IdentitySetup.SignInTimeClaim, "2026-12-06T09:00:00.0000000+00:00");
        var current = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.AuthenticationMethod, SingleSignOn.Scheme), signedInAt], "Identity.Application"));
        var rebuilt = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone@council.test")], "Identity.Application"));
        var refresh = new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = rebuilt };

        await options.OnRefreshingPrincipal!(refresh);

        Assert.Equal(SingleSignOn.Scheme, refresh.NewPrincipal!.FindFirstValue(ClaimTypes.AuthenticationMethod));
        Assert.Equal(signedInAt.Value, refresh.NewPrincipal.FindFirstValue(IdentitySetup.SignInTimeClaim));
    }

    private static (string Key, string Value)[] Configured(string authority, params (string Key, string Value)[] more) =>
    [
        ("Authentication:Oidc:Authority", authority),
        ("Authentication:Oidc:ClientId", "commissioning-register"),
        ("Authentication:Oidc:ClientSecret", "a-secret"),
        ("Authentication:Oidc:RequireHttpsMetadata", "false"),
        ("Authentication:Oidc:RoleGroups:Commissioner", "g-commissioners"),
        .. more,
    ];

    private static IConfiguration Settings((string Key, string Value)[] settings)
    {
        var last = settings.GroupBy(s => s.Key).Select(g => KeyValuePair.Create(g.Key, (string?)g.Last().Value));
        return new ConfigurationBuilder().AddInMemoryCollection(last).Build();
    }

    /// <summary>A port nothing listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
