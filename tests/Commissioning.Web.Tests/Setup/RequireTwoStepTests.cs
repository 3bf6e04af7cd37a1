using System.Net;
using System.Security.Claims;
using Commissioning.Web.Setup;
using Commissioning.Web.Tests.Pages.Account;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Setup;

/// <summary>With <c>Security:RequireTwoStep</c>, a local user without two-step sign-in sets it up before anything else.</summary>
public sealed class RequireTwoStepTests
{
    [Fact]
    public async Task A_user_without_two_step_is_sent_to_set_it_up_and_may_still_use_account_pages()
    {
        await using var app = CommissioningFactory.With(("Security:RequireTwoStep", "true"));
        var client = await app.SignedInClientAsync(Viewer);

        foreach (var path in new[] { "/", "/Contracts", "/Providers" })
        {
            var page = await client.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal("/Account/Security/Authenticator", page.Location);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Account/SignOut")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/app.css")).StatusCode);
        // The calendar feed is opened by Outlook with its token, never sent elsewhere.
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.GetAsync("/Calendar/not-a-token.ics")).StatusCode);

        var key = await TwoStep.TurnOnAsync(app, Viewer);
        var again = app.NewClient();
        await again.SignInAsync(Viewer, DemoPassword);
        await again.PostFormAsync("/Account/TwoStep", new FormFields { { "Input.Code", TwoStep.Code(key) } });
        Assert.Equal(HttpStatusCode.OK, (await again.GetPageAsync("/Contracts")).Status);
    }

    [Fact]
    public async Task Demo_mode_does_not_require_it_and_outside_demo_mode_it_is_required_by_default()
    {
        await using var demo = new CommissioningFactory();
        Assert.Equal(HttpStatusCode.OK, (await (await demo.SignedInClientAsync(Viewer)).GetPageAsync("/Contracts")).Status);
        Assert.False(TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "true"))));
        Assert.True(TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "false"))));
        Assert.False(TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "false"), ("Security:RequireTwoStep", "false"))));
    }

    [Fact]
    public void People_signed_in_through_their_councils_single_sign_on_are_exempt()
    {
        var local = new ClaimsPrincipal(new ClaimsIdentity([new Claim("amr", "pwd")], "Identity.Application"));
        var external = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.AuthenticationMethod, "oidc")], "Identity.Application"));

        Assert.False(TwoStepRequirement.SignedInExternally(local));
        Assert.True(TwoStepRequirement.SignedInExternally(external));
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
