using System.Net;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests;

/// <summary>What the pipeline in Program.cs answers before anyone signs in.</summary>
[Collection(SharedApp.Register)]
public sealed class ProgramTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Theory]
    [InlineData("/Contracts")]
    [InlineData("/Contracts/Details/1")]
    [InlineData("/Contracts/Create")]
    [InlineData("/Contracts/Edit/1")]
    [InlineData("/Providers")]
    [InlineData("/Providers/Edit/1")]
    [InlineData("/Admin/Users")]
    [InlineData("/Finance")]
    [InlineData("/Finance/Reviews/1")]
    [InlineData("/Finance/Estimate/1")]
    public async Task Anonymous_request_for_a_register_page_is_redirected_to_sign_in(string path)
    {
        var page = await factory.NewClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/SignIn", page.Location);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), page.Location);
    }

    [Fact]
    public async Task Health_check_answers_200_without_signing_in()
    {
        var health = await Setup.Health.GetAsync(factory.NewClient(), "/health");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Overall);
    }

    [Fact]
    public async Task Sign_in_page_answers_200_anonymously_and_in_demo_mode_shows_the_demo_password_and_users()
    {
        var page = await factory.NewClient().GetPageAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Demo mode", page.Text);
        Assert.Contains(CommissioningFactory.DemoPassword, page.Text);
        foreach (var user in CommissioningFactory.DemoUsers) Assert.Contains(user, page.Text);
        Assert.NotNull(page.Find("input[name='Input.Email']"));
        Assert.NotNull(page.Find("input[name='Input.Password'][type='password']"));
    }

    [Fact]
    public async Task Sign_in_page_does_not_show_the_demo_password_when_demo_mode_is_off()
    {
        // Demo data is seeded only when enabled; the page must not advertise a password that is not in use.
        await using var plain = CommissioningFactory.With(("Demo:Enabled", "false"));

        var page = await plain.NewClient().GetPageAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(CommissioningFactory.DemoPassword, page.Text);
        Assert.DoesNotContain("Demo mode", page.Text);
    }

    [Fact]
    public async Task Access_denied_page_answers_403()
    {
        var client = await factory.SignedInClientAsync(CommissioningFactory.Viewer);

        var page = await client.GetPageAsync("/Account/AccessDenied?ReturnUrl=%2FContracts%2FCreate");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("You do not have permission to do this", page.Text);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_are_not_cached()
    {
        var response = await factory.NewClient().GetAsync("/Account/SignIn");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store expected");
    }
}
