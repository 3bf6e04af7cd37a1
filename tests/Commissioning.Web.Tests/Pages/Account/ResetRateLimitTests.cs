using System.Net;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>The reset page is open to anyone, guarded by its link's token; its posts are bounded like sign-in's.</summary>
public sealed class ResetRateLimitTests
{
    [Fact]
    public async Task Reset_posts_beyond_the_sign_in_rate_are_answered_429()
    {
        await using var app = CommissioningFactory.With(("Security:SignInAttemptsPerMinute", "3"));
        var client = app.NewClient();
        var token = await client.TokenAsync("/Account/SignIn");
        var pages = new List<HtmlPage>();

        for (var i = 0; i < 4; i++)
            pages.Add(await client.PostFormAsync($"/Account/ResetPassword?user=someone&token=guess{i}", new FormFields
            {
                { "Input.Password", "Plum tractor; velvet 1887 ocean" }, { "Input.ConfirmPassword", "Plum tractor; velvet 1887 ocean" }, { Browser.TokenName, token },
            }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], pages.Select(p => p.Status));
        Setup.HardeningTests.AssertRetryAfterWithinAMinute(pages[^1].Response);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Account/ResetPassword?user=someone&token=guess")).Status);
    }
}
