using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>Signing out ends the session on the server, for every copy of its cookie (issue 13, defect 1).</summary>
[Collection(SharedApp.People)]
public sealed class SessionEndTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_no_longer_opens_users_and_roles()
    {
        var client = factory.NewClient();
        var signedIn = await client.SignInAsync(Administrator, DemoPassword);
        var cookie = SessionCookie(signedIn);
        var copy = factory.NewCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(copy, "/Admin/Users", cookie)).StatusCode);

        var form = (await client.GetPageAsync("/Account/SignOut")).Form();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/SignOut", form)).Status);

        var after = await GetWithCookieAsync(copy, "/Admin/Users", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/SignIn", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user_and_says_so()
    {
        var here = await factory.SignedInClientAsync(Commissioner);
        var elsewhere = await factory.SignedInClientAsync(Commissioner);
        var someoneElse = await factory.SignedInClientAsync(Viewer);

        var confirm = await here.GetPageAsync("/Account/SignOutEverywhere");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal("Sign out everywhere", confirm.Find("main button")?.TextContent.Trim());
        var done = await here.PostFormAsync("/Account/SignOutEverywhere", confirm.Form());

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.StartsWith("/Account/SignIn", done.Location);
        var signIn = await here.GetPageAsync(done.Location!);
        Assert.Contains("You have signed out everywhere", signIn.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetPageAsync("/Contracts")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetPageAsync("/Contracts")).Status);
        // Another person's session is theirs.
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetPageAsync("/Contracts")).Status);
        // Signing in again starts a new session.
        Assert.Equal(HttpStatusCode.Redirect, (await here.SignInAsync(Commissioner, DemoPassword)).Status);
        Assert.Equal(HttpStatusCode.OK, (await here.GetPageAsync("/Contracts")).Status);
    }

    [Fact]
    public async Task Sign_out_everywhere_asks_a_signed_out_visitor_to_sign_in()
    {
        var page = await factory.NewClient().GetPageAsync("/Account/SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/SignIn", page.Location);
    }

    /// <summary>The sign-in cookie as the browser got it: name=value.</summary>
    internal static string SessionCookie(HtmlPage signedIn) =>
        signedIn.Response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("Commissioning.Auth=", StringComparison.Ordinal));

    internal static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
