using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Two-step sign-in with the code from an authenticator app or a recovery code, "Sign out everywhere", and the
/// throttle's message, as a person meets them. Each test has a user of its own: the demo users' sessions are shared
/// by the other browser tests, and ending them or giving them two-step sign-in would break those tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInJourneys(AppServer app)
{
    [Fact]
    public async Task Signing_in_with_two_step_a_wrong_code_is_refused_and_the_right_one_signs_in()
    {
        var (email, key, _) = await TwoStepUsers.CreateAsync(app.Services, "Priya Shah");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await PasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/TwoStep"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-step sign-in");
        await Browse.ScreenshotAsync(app, page, "two-step sign-in");

        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(WrongCode(key));
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("That code is not right");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Browse.ScreenshotAsync(app, page, "two-step sign-in", "-wrong-code");

        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("header")).ToContainTextAsync("Priya Shah");
        app.Services.GetRequiredService<SignInThrottle>().Reset();
    }

    [Fact]
    public async Task A_recovery_code_signs_in_when_the_app_is_not_to_hand()
    {
        var (email, _, codes) = await TwoStepUsers.CreateAsync(app.Services, "Owen Price");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await PasswordAsync(page, email);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Use a recovery code");
        await Browse.ScreenshotAsync(app, page, "use a recovery code");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter one of your recovery codes");

        await page.GetByLabel("Recovery code").FillAsync(codes[0]);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("header")).ToContainTextAsync("Owen Price");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_session_in_another_browser()
    {
        var (email, _, _) = await TwoStepUsers.CreateAsync(app.Services, "Hannah Morris", twoStep: false);
        await using var here = await app.NewContextAsync();
        await using var elsewhere = await app.NewContextAsync();
        var page = await here.NewPageAsync();
        var other = await elsewhere.NewPageAsync();
        await Browse.SignInAsync(page, email);
        await Browse.SignInAsync(other, email);

        await page.GotoAsync("/Account/SignOutEverywhere");
        await Browse.ScreenshotAsync(app, page, "sign out everywhere");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }));

        Assert.Equal("/Account/SignIn", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out everywhere");
        await Browse.ScreenshotAsync(app, page, "sign out everywhere", "-done");
        await other.GotoAsync("/Contracts");
        Assert.Equal("/Account/SignIn", new Uri(other.Url).AbsolutePath);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_form_says_how_long_to_wait()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            // Five failures are free; after that each waits 1 s, 2, 4 … after the last. On a slow machine a try may come
            // after its wait has passed and count as one more failure, so try until the wait outlasts the typing.
            var waited = false;
            for (var i = 0; i < 15 && !waited; i++)
            {
                await page.GotoAsync("/Account/SignIn");
                await page.GetByLabel("Email address").FillAsync("someone-guessing@council.test");
                await page.GetByLabel("Password").FillAsync($"a wrong password {i}");
                await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
                var message = await page.Locator(".govuk-error-message").InnerTextAsync();
                Assert.True(i >= 5 || message.Contains("Enter a correct email address and password"), $"Try {i + 1} of the first five: {message}");
                waited = message.Contains("Too many sign-in attempts");
            }
            Assert.True(waited, "Fifteen wrong passwords in a row were never asked to wait");
            await Expect(page.Locator(".govuk-error-message")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Too many sign-in attempts\. Wait \d+ seconds?, then try again\."));
            await Expect(page.GetByLabel("Email address")).ToHaveValueAsync("someone-guessing@council.test");
            await Browse.ScreenshotAsync(app, page, "sign in too many attempts");
        }
        finally
        {
            // Every browser test signs in from 127.0.0.1: the next must not wait.
            app.Services.GetRequiredService<SignInThrottle>().Reset();
        }
    }

    private static async Task PasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    /// <summary>A code that is not the one the app shows now (nor the one before or after).</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var near = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !near.Contains(c));
    }
}

/// <summary>Users with two-step sign-in, made as the account page makes them (key, then switched on, then recovery codes).</summary>
public static class TwoStepUsers
{
    public static async Task<(string Email, string Key, IReadOnlyList<string> Codes)> CreateAsync(
        IServiceProvider services, string name, bool twoStep = true, string? email = null)
    {
        email ??= $"two-step-{Guid.NewGuid():N}@council.test";
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().CreateUserAsync(email, name, AppServer.DemoPassword, Roles.Viewer);
        if (!twoStep) return (email, "", []);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return (email, key, codes);
    }
}
