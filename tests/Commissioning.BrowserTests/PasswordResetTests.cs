using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>
/// Issue 13's password reset, in the browser: an administrator presses "Send a password reset link" and copies the
/// link the page shows; the person opens it in a browser of their own, is refused a weak password with the reason at
/// the field, sets a strong one and signs in with it; the same link then says it has been used.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetTests(AppServer app)
{
    private const string Strong = "Plum tractor; velvet 1887 ocean";

    [Fact]
    public async Task An_administrator_sends_a_link_and_the_person_sets_a_new_password_with_it_and_signs_in()
    {
        var email = $"reset-{Guid.NewGuid():N}@council.test";
        var name = $"Rowan Ashby {email[6..10]}";
        await using var admin = await app.NewContextAsync(AppPages.Admin);
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync("harbour lantern pebble");
        await page.GetByLabel("Viewer").CheckAsync();
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save user" }));
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send a password reset link" }));
        var shown = page.GetByLabel("Password reset link");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        var link = await shown.InputValueAsync();
        Assert.StartsWith(app.BaseAddress + "Account/ResetPassword?user=", link);
        Assert.Contains("It works once, until", await page.Locator("#reset-link-hint").InnerTextAsync());
        await Browse.ScreenshotAsync(app, page, "reset-link-shown-to-the-administrator");
        // Shown once: the person's page, opened again, does not show it.
        await page.GotoAsync(new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.Locator("#reset-link").CountAsync());

        await using var theirs = await app.NewContextAsync();
        var person = await theirs.NewPageAsync();
        await person.GotoAsync(link);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Set a new password" })).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(app, person, "reset-password");

        await person.GetByLabel("New password", new() { Exact = true }).FillAsync("qwertyuiop1234");
        await person.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync("qwertyuiop1234");
        await Browse.ClickToNextPageAsync(person, person.GetByRole(AriaRole.Button, new() { Name = "Set password" }));
        Assert.Contains("row of keys on the keyboard", await person.Locator("#Input-Password-error").InnerTextAsync());
        Assert.Contains("row of keys", await person.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.StartsWith("Error:", await person.TitleAsync());
        Assert.Equal("", await person.GetByLabel("New password", new() { Exact = true }).InputValueAsync());
        await Browse.ScreenshotAsync(app, person, "reset-password-weak");

        await person.GetByLabel("New password", new() { Exact = true }).FillAsync(Strong);
        await person.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(Strong);
        await Browse.ClickToNextPageAsync(person, person.GetByRole(AriaRole.Button, new() { Name = "Set password" }));
        Assert.Equal("/Account/SignIn", new Uri(person.Url).AbsolutePath);
        Assert.Contains("Your password has been set. Sign in with it.", await person.Locator(".govuk-notification-banner").InnerTextAsync());
        await Browse.ScreenshotAsync(app, person, "reset-password-done-sign-in");

        await Browse.SignInAsync(person, email, Strong);
        Assert.Contains(name, await person.Locator("header").InnerTextAsync());

        await using var later = await app.NewContextAsync();
        var reused = await later.NewPageAsync();
        await reused.GotoAsync(link);
        await Assertions.Expect(reused.GetByRole(AriaRole.Heading, new() { Name = "This link has expired or has been used" })).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(app, reused, "reset-password-link-used");
    }
}
