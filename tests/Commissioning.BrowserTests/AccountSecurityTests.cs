using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OtpNet;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// "Sign-in and security" as a person uses it: from the link in the header, setting up an authenticator app with the
/// key read off the page, the recovery codes, and changing the password. Each test makes a person of its own, so the
/// demo users' sessions, which other tests share, are never touched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountSecurityTests(AppServer app, ITestOutputHelper output)
{
    private const string CodeLabel = "Enter the 6-digit code from your authenticator app";

    [Fact]
    public async Task A_person_sets_up_an_authenticator_app_after_a_wrong_code_and_sees_their_recovery_codes_once()
    {
        var (email, password) = await NewPersonAsync("Ada Two-step");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, email, password);
        await OpenFromTheHeaderAsync(page);
        await Assertions.Expect(Row(page, "Two-step sign-in")).ToHaveTextAsync("Off");
        await LookAsync(page, "account-security-off");

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app", Exact = true }));
        Assert.EndsWith("/Account/Security/Authenticator", page.Url);
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();
        Assert.Matches("^[A-Z2-7]{32}$", key);
        var qr = page.Locator(".app-qr svg");
        var box = (await qr.BoundingBoxAsync())!;
        Assert.Equal(box.Width, box.Height);
        await LookAsync(page, "account-authenticator");
        await qr.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "account-authenticator-qr.png") });

        // A mistyped code: the error at the field, and the same key to try again with.
        await page.GetByLabel(CodeLabel).FillAsync(WrongCode(key));
        await Fill.PressAsync(page, "Turn on two-step sign-in");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("That code is wrong or has run out");
        await Assertions.Expect(page.Locator("#Code-error")).ToContainTextAsync("That code is wrong or has run out");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        Assert.Equal(key, (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim());
        await LookAsync(page, "account-authenticator-wrong-code");

        await page.GetByLabel(CodeLabel).FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await Fill.PressAsync(page, "Turn on two-step sign-in");
        Assert.EndsWith("/Account/Security/RecoveryCodes", page.Url);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Two-step sign-in is on");
        var codes = (await page.Locator(".app-recovery-codes code").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        await LookAsync(page, "account-recovery-codes");

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "I have kept my codes safe" }));
        await Assertions.Expect(Row(page, "Two-step sign-in")).ToHaveTextAsync("On");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Two-step sign-in is on");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have 10 recovery codes left");
        await LookAsync(page, "account-security-on");

        // Shown once: the codes page now says how many are left, not what they are.
        await page.GotoAsync("/Account/Security/RecoveryCodes");
        Assert.Equal(0, await page.Locator(".app-recovery-codes").CountAsync());
        Assert.DoesNotContain(codes[0], await page.ContentAsync());

        // "Set up a new authenticator app" asks first; Cancel leaves everything as it was.
        await page.GotoAsync("/Account/Security");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Set up a new authenticator app", Exact = true }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up a new authenticator app");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Your current authenticator app stops working");
        await LookAsync(page, "account-authenticator-replace");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Cancel", Exact = true }));
        await Assertions.Expect(Row(page, "Two-step sign-in")).ToHaveTextAsync("On");
    }

    [Fact]
    public async Task A_person_makes_new_recovery_codes_sets_up_a_new_app_and_turns_two_step_sign_in_off()
    {
        var (email, password) = await NewPersonAsync("Cleo New-phone");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, email, password);
        await OpenFromTheHeaderAsync(page);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app", Exact = true }));
        var firstKey = await KeyAsync(page);
        await page.GetByLabel(CodeLabel).FillAsync(new Totp(Base32Encoding.ToBytes(firstKey)).ComputeTotp());
        await Fill.PressAsync(page, "Turn on two-step sign-in");
        var firstCodes = await page.Locator(".app-recovery-codes code").AllInnerTextsAsync();

        await page.GotoAsync("/Account/Security");
        await Fill.PressAsync(page, "Make new recovery codes");
        Assert.EndsWith("/Account/Security/RecoveryCodes", page.Url);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your old ones no longer work");
        var newCodes = await page.Locator(".app-recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, newCodes.Distinct().Count());
        Assert.Empty(firstCodes.Intersect(newCodes));
        await LookAsync(page, "account-new-recovery-codes");

        await page.GotoAsync("/Account/Security");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Set up a new authenticator app", Exact = true }));
        await Fill.PressAsync(page, "Make a new key");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up an authenticator app");
        var secondKey = await KeyAsync(page);
        Assert.NotEqual(firstKey, secondKey);
        await page.GetByLabel(CodeLabel).FillAsync(new Totp(Base32Encoding.ToBytes(secondKey)).ComputeTotp());
        await Fill.PressAsync(page, "Turn on two-step sign-in");
        await Assertions.Expect(page.Locator(".app-recovery-codes code")).ToHaveCountAsync(10);

        await page.GotoAsync("/Account/Security");
        await Fill.PressAsync(page, "Turn off two-step sign-in");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Two-step sign-in is off");
        await Assertions.Expect(Row(page, "Two-step sign-in")).ToHaveTextAsync("Off");
        await LookAsync(page, "account-two-step-turned-off");
    }

    private static async Task<string> KeyAsync(IPage page) =>
        (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();

    [Fact]
    public async Task A_person_changes_their_password_after_a_mistake_then_signs_in_with_the_new_one()
    {
        var (email, password) = await NewPersonAsync("Ben Passwords");
        const string newPassword = "tangerine bicycle glacier";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, email, password);
        await OpenFromTheHeaderAsync(page);

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Change password", Exact = true }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change password");
        await LookAsync(page, "account-change-password");
        await page.GetByLabel("Current password").FillAsync(password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("too-short");
        await page.GetByLabel("Confirm new password").FillAsync("too-short");
        await Fill.PressAsync(page, "Change password");
        await Assertions.Expect(page.Locator("#Input-NewPassword-error")).ToContainTextAsync("at least 12 characters");
        await LookAsync(page, "account-change-password-error");

        await page.GetByLabel("Current password").FillAsync(password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Confirm new password").FillAsync(newPassword);
        await Fill.PressAsync(page, "Change password");
        Assert.EndsWith("/Account/Security", page.Url);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your password has been changed");
        await LookAsync(page, "account-password-changed");

        await Fill.PressAsync(page, "Sign out");
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await Fill.PressAsync(page, "Sign in");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Browse.SignInAsync(page, email, newPassword);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Ben Passwords");
    }

    [Fact]
    public async Task On_a_phone_the_header_link_fits_and_leads_to_the_page_whose_sign_out_everywhere_form_posts_to_its_own_page()
    {
        await using var context = await app.NewContextAsync(AppPages.Finance, width: 375);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Contracts");
        var link = page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign-in and security", Exact = true });
        var box = (await link.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"The header link sticks out at 375 px: {box.X} + {box.Width}");
        await page.Locator("header").ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "account-header-375.png") });

        await Browse.ClickToNextPageAsync(page, link);
        Assert.EndsWith("/Account/Security", page.Url);
        var form = page.Locator("main form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere", Exact = true }) });
        Assert.Equal("/Account/SignOutEverywhere", await form.GetAttributeAsync("action"));
        Assert.Equal("post", await form.GetAttributeAsync("method"));
        Assert.Equal(1, await form.Locator("input[name='__RequestVerificationToken']").CountAsync());
        await LookAsync(page, "account-security-375");
    }

    /// <summary>From whatever page, the header's link, as a person would.</summary>
    private static async Task OpenFromTheHeaderAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Browse.ClickToNextPageAsync(page, page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign-in and security", Exact = true }));
        Assert.EndsWith("/Account/Security", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign-in and security");
    }

    private static ILocator Row(IPage page, string key) =>
        page.Locator(".govuk-summary-list__row").Filter(new() { Has = page.Locator("dt", new() { HasTextString = key }) }).Locator("dd");

    /// <summary>A screenshot for people, and axe on the page as it stands (states AppPages cannot reach: codes shown, a QR code).</summary>
    private async Task LookAsync(IPage page, string name)
    {
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, name)}");
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, $"{name}: axe found {string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}"))}");
    }

    /// <summary>A person of the test's own, added by an administrator through the users pages.</summary>
    private async Task<(string Email, string Password)> NewPersonAsync(string name)
    {
        var email = $"account-{Guid.NewGuid():N}@council.test";
        const string password = "juniper harbour candle";
        await using var admin = await app.NewContextAsync(AppPages.Admin);
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Viewer").CheckAsync();
        await Fill.PressAsync(page, "Save user");
        Assert.EndsWith("/Admin/Users", page.Url);
        return (email, password);
    }

    /// <summary>Six digits that are no code of this key for several minutes either side of now.</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var valid = Enumerable.Range(-10, 21).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(123456, 100).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
