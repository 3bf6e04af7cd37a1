using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using QRCoder;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>Setting up an authenticator app, and the recovery codes that come with it.</summary>
[Collection(SharedApp.People)]
public sealed class AuthenticatorTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task The_page_shows_the_key_in_groups_of_four_and_a_QR_code_of_the_key_for_the_council()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var stamp = await StampAsync(Viewer);

        var page = await client.GetPageAsync("/Account/Security/Authenticator");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Set up an authenticator app", Browser.Normalise(page.Find("h1")!.TextContent));
        var shown = Browser.Normalise(page.Find("#authenticator-key")!.TextContent);
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", shown);
        var key = Authenticator.Key(page);
        Assert.Equal(await StoredKeyAsync(Viewer), key);
        // Looking at the page makes a key but signs nobody out anywhere: the security stamp is the same.
        Assert.Equal(stamp, await StampAsync(Viewer));
        // The QR code is exactly the key-uri of the key, with the council (Council:Name) as issuer.
        var expected = new SvgQRCode(QRCodeGenerator.GenerateQrCode(
            $"otpauth://totp/Bury%20Council:viewer%40demo.test?secret={key}&issuer=Bury%20Council&digits=6", QRCodeGenerator.ECCLevel.M)).GetGraphic(4, "#0b0c0c", "#ffffff");
        var svg = page.Find(".app-qr svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var drawn = Browser.Parse($"<div>{expected}</div>").QuerySelector("svg")!;
        Assert.Equal(drawn.QuerySelector("path")!.GetAttribute("d"), svg.QuerySelector("path")!.GetAttribute("d"));
        Assert.Equal("#0b0c0c", svg.QuerySelector("path")!.GetAttribute("fill"));
        // Square, with a white quiet zone of 4 modules around the code (the first dark module is at 4,4).
        Assert.Equal(svg.GetAttribute("width"), svg.GetAttribute("height"));
        Assert.Equal("#ffffff", svg.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.StartsWith("M4 4h7v1h-7z", svg.QuerySelector("path")!.GetAttribute("d"));
        Assert.NotNull(page.Find("label[for='Code']"));
        Assert.Equal("Enter the 6-digit code from your authenticator app", Browser.Normalise(page.Find("label[for='Code']")!.TextContent));
        // The page never shows the secret in its address or its title.
        Assert.DoesNotContain(key, page.Find("title")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_at_the_field_and_the_page_shows_the_same_key_again()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var key = Authenticator.Key(await client.GetPageAsync("/Account/Security/Authenticator"));

        var wrong = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", Authenticator.WrongCode(key) } });
        var malformed = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", "12a45" } });
        var empty = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", "" } });
        var reloaded = await client.GetPageAsync("/Account/Security/Authenticator");

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal("That code is wrong or has run out. Enter the code your authenticator app shows now", wrong.FieldError("Code"));
        Assert.Equal(["That code is wrong or has run out. Enter the code your authenticator app shows now"], wrong.ErrorSummary);
        Assert.Equal("The code must be 6 digits, like 123456", malformed.FieldError("Code"));
        Assert.Equal("Enter the 6-digit code from your authenticator app", empty.FieldError("Code"));
        Assert.All(new[] { wrong, malformed, empty, reloaded }, p => Assert.Equal(key, Authenticator.Key(p)));
        Assert.Equal(key, await StoredKeyAsync(Viewer));
        Assert.False(await Authenticator.TwoStepOnAsync(factory, Viewer));
    }

    [Fact]
    public async Task The_right_code_turns_two_step_sign_in_on_and_shows_ten_different_recovery_codes_once()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var key = Authenticator.Key(await client.GetPageAsync("/Account/Security/Authenticator"));

        var done = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", Authenticator.Code(key) } });

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/Account/Security/RecoveryCodes", done.Location);
        Assert.DoesNotContain(key, done.Location);
        var codesPage = await client.GetPageAsync(done.Location!);
        var codes = Authenticator.Codes(codesPage);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Two-step sign-in is on", codesPage.Find(".govuk-notification-banner")!.TextContent);
        Assert.Contains("This is the only time they are shown", codesPage.Text);
        Assert.True(await Authenticator.TwoStepOnAsync(factory, Commissioner));
        // Shown once: loading the page again shows how many are left, not the codes.
        var again = await client.GetPageAsync("/Account/Security/RecoveryCodes");
        Assert.Empty(Authenticator.Codes(again));
        Assert.Contains("You have 10 recovery codes left", again.Text);
        Assert.All(codes, c => Assert.DoesNotContain(c, again.Html));
        // This device is still signed in, and the account page says two-step sign-in is on.
        var account = await client.GetPageAsync("/Account/Security");
        Assert.Equal("On", AccountSecurityTests.Row(account, "Two-step sign-in"));
        Assert.Contains("You have 10 recovery codes left", account.Text);
        // Each code works once.
        Assert.True(await RedeemAsync(Commissioner, codes[0]));
        Assert.False(await RedeemAsync(Commissioner, codes[0]));
    }

    [Fact]
    public async Task Make_new_recovery_codes_gives_ten_new_ones_and_the_old_ones_stop_working()
    {
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var first = Authenticator.Codes(await client.GetPageAsync((await Authenticator.TurnOnAsync(client)).Location!));
        var account = await client.GetPageAsync("/Account/Security");
        var form = account.FindAll("main form").Single(f => f.TextContent.Contains("Make new recovery codes", StringComparison.Ordinal));
        Assert.Equal("/Account/Security/RecoveryCodes", form.GetAttribute("action"));

        var done = await client.PostFormAsync("/Account/Security/RecoveryCodes", [], tokenFrom: "/Account/Security");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var page = await client.GetPageAsync(done.Location!);
        var second = Authenticator.Codes(page);
        Assert.Equal(10, second.Distinct().Count());
        Assert.Empty(first.Intersect(second));
        Assert.Contains("Your old ones no longer work", page.Find(".govuk-notification-banner")!.TextContent);
        Assert.Equal(10, await CountCodesAsync(CommissioningFactory.Finance));
        foreach (var old in first.Take(3)) Assert.False(await RedeemAsync(CommissioningFactory.Finance, old));
        Assert.True(await RedeemAsync(CommissioningFactory.Finance, second[5]));
        Assert.Equal(9, await CountCodesAsync(CommissioningFactory.Finance));
    }

    [Fact]
    public async Task Setting_up_a_new_app_asks_first_then_makes_a_new_key_and_turns_two_step_on_only_with_a_code_from_it()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        await Authenticator.TurnOnAsync(client);
        var oldKey = await StoredKeyAsync(Administrator);

        var ask = await client.GetPageAsync("/Account/Security/Authenticator");
        Assert.Equal("Set up a new authenticator app", Browser.Normalise(ask.Find("h1")!.TextContent));
        Assert.Null(ask.Find("#authenticator-key"));
        Assert.Equal(oldKey, await StoredKeyAsync(Administrator));
        Assert.True(await Authenticator.TwoStepOnAsync(factory, Administrator));

        var made = await client.PostFormAsync("/Account/Security/Authenticator?handler=NewKey", ask.Form());
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        var setUp = await client.GetPageAsync(made.Location!);
        var newKey = Authenticator.Key(setUp);
        Assert.NotEqual(oldKey, newKey);
        Assert.False(await Authenticator.TwoStepOnAsync(factory, Administrator));
        // A code from the old app no longer works.
        var old = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", Authenticator.Code(oldKey!) } });
        Assert.NotNull(old.FieldError("Code"));

        var done = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", Authenticator.Code(newKey) } });
        Assert.Equal("/Account/Security/RecoveryCodes", done.Location);
        Assert.True(await Authenticator.TwoStepOnAsync(factory, Administrator));
        // The administrator's session carried on throughout.
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Admin/Users")).Status);
    }

    [Fact]
    public async Task Recovery_codes_cannot_be_made_without_two_step_sign_in()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var done = await client.PostFormAsync("/Account/Security/RecoveryCodes", [], tokenFrom: "/Account/Security");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/Account/Security/Authenticator", done.Location);
        Assert.Equal(0, await CountCodesAsync(Viewer));
    }

    private async Task<string?> StoredKeyAsync(string email)
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetSecurityStampAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> RedeemAsync(string email, string code)
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.RedeemTwoFactorRecoveryCodeAsync((await users.FindByEmailAsync(email))!, code)).Succeeded;
    }

    private async Task<int> CountCodesAsync(string email)
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
    }
}

/// <summary>Reading the authenticator page as a person with an authenticator app would: the key, a code from it.</summary>
public static class Authenticator
{
    public static string Key(HtmlPage page) => page.Find("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>The code an authenticator app shows now for this key (Otp.NET: RFC 6238, 30 s, 6 digits).</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>Six digits that are no code of this key for the last or next few minutes.</summary>
    public static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var valid = Enumerable.Range(-10, 21).Select(i => totp.ComputeTotp(now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(123456, 100).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    public static IReadOnlyList<string> Codes(HtmlPage page) =>
        page.FindAll(".app-recovery-codes code").Select(c => c.TextContent.Trim()).ToList();

    /// <summary>Sets up an authenticator app through the page with the right code; answers the redirect to the codes.</summary>
    public static async Task<HtmlPage> TurnOnAsync(HttpClient client)
    {
        var key = Key(await client.GetPageAsync("/Account/Security/Authenticator"));
        var done = await client.PostFormAsync("/Account/Security/Authenticator", new FormFields { { "Code", Code(key) } });
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Setting up the authenticator answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        return done;
    }

    public static async Task<bool> TwoStepOnAsync(CommissioningFactory factory, string email)
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!);
    }
}
