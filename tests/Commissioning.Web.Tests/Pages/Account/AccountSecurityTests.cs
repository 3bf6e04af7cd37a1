using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>"Sign-in and security" (/Account/Security): every role has it, from the header of every page.</summary>
[Collection(SharedApp.People)]
public sealed class AccountSecurityTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public static TheoryData<string> Everyone => [.. DemoUsers];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_role_opens_the_page_from_the_header_link_and_sees_their_own_sign_in_address(string email)
    {
        var client = await factory.SignedInClientAsync(email);
        var home = await client.GetPageAsync("/Contracts");
        var link = home.FindAll("header a").Single(a => Browser.Normalise(a.TextContent) == "Sign-in and security");

        var page = await client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal("/Account/Security", link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign-in and security", Browser.Normalise(page.Find("h1")!.TextContent));
        Assert.Contains(email, Row(page, "Sign-in address"));
        Assert.Equal("Off", Row(page, "Two-step sign-in"));
        Assert.Equal("/Account/Security/ChangePassword", page.FindAll("main a").Single(a => Browser.Normalise(a.TextContent) == "Change password").GetAttribute("href"));
        Assert.Equal("/Account/Security/Authenticator", page.FindAll("main a").Single(a => Browser.Normalise(a.TextContent) == "Set up an authenticator app").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/Account/Security")]
    [InlineData("/Account/Security/ChangePassword")]
    [InlineData("/Account/Security/Authenticator")]
    [InlineData("/Account/Security/RecoveryCodes")]
    public async Task Nobody_signed_in_is_sent_to_sign_in(string route)
    {
        var page = await factory.NewClient().GetPageAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(route), page.Location);
    }

    [Fact]
    public async Task Sign_out_everywhere_is_a_form_posting_with_an_antiforgery_token_to_its_own_page()
    {
        var page = await (await factory.SignedInClientAsync(Viewer)).GetPageAsync("/Account/Security");

        var button = page.FindAll("main button").Single(b => Browser.Normalise(b.TextContent) == "Sign out everywhere");
        var form = button.Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/Account/SignOutEverywhere", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector($"input[name='{Browser.TokenName}']"));
        Assert.Null(button.GetAttribute("formaction"));
    }

    [Fact]
    public async Task Demo_mode_does_not_require_two_step_sign_in_so_it_can_be_turned_off()
    {
        var client = await factory.SignedInClientAsync(Secretary);
        await Authenticator.TurnOnAsync(client);
        var page = await client.GetPageAsync("/Account/Security");
        Assert.Equal("On", Row(page, "Two-step sign-in"));

        var done = await client.PostFormAsync("/Account/Security?handler=TurnOff", [], tokenFrom: "/Account/Security");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var after = await client.GetPageAsync(done.Location!);
        Assert.Equal("Off", Row(after, "Two-step sign-in"));
        Assert.Contains("Two-step sign-in is off", after.Find(".govuk-notification-banner")!.TextContent);
        Assert.False(await Authenticator.TwoStepOnAsync(factory, Secretary));
    }

    [Fact]
    public async Task When_the_council_requires_two_step_sign_in_turning_it_off_is_refused_with_a_message()
    {
        await using var app = With(("Security:RequireTwoStep", "true"));
        var client = await app.SignedInClientAsync(CommissioningFactory.Finance);
        await Authenticator.TurnOnAsync(client);
        var page = await client.GetPageAsync("/Account/Security");
        // No button that can only fail: the page says why instead.
        Assert.DoesNotContain(page.FindAll("main button"), b => b.TextContent.Contains("Turn off two-step sign-in", StringComparison.Ordinal));
        Assert.Contains("requires two-step sign-in for everyone, so it cannot be turned off", page.Text);

        var refused = await client.PostFormAsync("/Account/Security?handler=TurnOff", [], tokenFrom: "/Account/Security");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, m => m.Contains("You cannot turn off two-step sign-in: the council requires it", StringComparison.Ordinal));
        Assert.Equal("On", Row(refused, "Two-step sign-in"));
        Assert.True(await Authenticator.TwoStepOnAsync(app, CommissioningFactory.Finance));
    }

    [Fact]
    public void Requiring_two_step_sign_in_defaults_to_on_outside_demo_mode()
    {
        // The setting's default follows Demo:Enabled; read the way the pages read it.
        Assert.True(Web.Setup.TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "false"))));
        Assert.False(Web.Setup.TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "true"))));
        Assert.True(Web.Setup.TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "true"), ("Security:RequireTwoStep", "true"))));
        Assert.False(Web.Setup.TwoStepRequirement.IsRequired(Config(("Demo:Enabled", "false"), ("Security:RequireTwoStep", "false"))));
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    /// <summary>The value of a row of the page's summary list.</summary>
    internal static string Row(HtmlPage page, string key) =>
        Browser.Normalise(page.FindAll(".govuk-summary-list__row").Single(r => Browser.Normalise(r.QuerySelector("dt")!.TextContent) == key)
            .QuerySelector("dd")!.TextContent);
}
