using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>After the password, a person with two-step sign-in gives a code from their authenticator app or a recovery code.</summary>
[Collection(SharedApp.People)]
public sealed class TwoStepTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task The_password_leads_to_the_code_and_the_right_code_signs_in_to_the_return_url()
    {
        var key = await TwoStep.TurnOnAsync(factory, Commissioner);
        var client = factory.NewClient();

        var password = await client.PostFormAsync("/Account/SignIn?ReturnUrl=%2FProviders", new FormFields
        {
            { "Input.Email", Commissioner }, { "Input.Password", DemoPassword }, { "ReturnUrl", "/Providers" },
        });
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.Equal("/Account/TwoStep?ReturnUrl=%2FProviders", password.Location);
        // Not signed in yet.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetPageAsync("/Providers")).Status);

        var page = await client.GetPageAsync(password.Location!);
        Assert.Equal("Enter the 6-digit code from your authenticator app", page.Find("label[for='Input-Code']")?.TextContent.Trim());
        Assert.StartsWith("/Account/RecoveryCode", page.Find("main a:contains('Use a recovery code')")?.GetAttribute("href"));

        var wrong = await client.PostFormAsync(password.Location!, page.Form().Set("Input.Code", "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("not right", wrong.FieldError("Input-Code"));

        var right = await client.PostFormAsync(password.Location!, wrong.Form().Set("Input.Code", TwoStep.Code(key)));
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/Providers", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Providers")).Status);
    }

    [Fact]
    public async Task The_code_page_asks_for_six_digits()
    {
        await TwoStep.TurnOnAsync(factory, CommissioningFactory.Finance);
        var client = factory.NewClient();
        await client.SignInAsync(CommissioningFactory.Finance, DemoPassword);

        var empty = await client.PostFormAsync("/Account/TwoStep", new FormFields { { "Input.Code", "" } });
        var letters = await client.PostFormAsync("/Account/TwoStep", new FormFields { { "Input.Code", "12ab56" } });

        Assert.Equal("Enter the 6-digit code from your authenticator app", empty.FieldError("Input-Code"));
        Assert.Equal("Enter the code as 6 digits, like 123456", letters.FieldError("Input-Code"));
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_goes_back_to_sign_in()
    {
        var page = await factory.NewClient().GetPageAsync("/Account/TwoStep");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/SignIn", page.Location);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await TwoStep.TurnOnAsync(factory, Viewer);
        var codes = await TwoStep.RecoveryCodesAsync(factory, Viewer);
        var client = factory.NewClient();
        await client.SignInAsync(Viewer, DemoPassword);

        var page = await client.GetPageAsync("/Account/RecoveryCode");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var used = await client.PostFormAsync("/Account/RecoveryCode", page.Form().Set("Input.Code", codes[3].ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Contracts")).Status);

        var again = factory.NewClient();
        await again.SignInAsync(Viewer, DemoPassword);
        var twice = await again.PostFormAsync("/Account/RecoveryCode", new FormFields { { "Input.Code", codes[3] } });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("not right", twice.FieldError("Input-Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync("/Account/RecoveryCode", new FormFields { { "Input.Code", codes[4] } })).Status);
    }
}

/// <summary>Two-step sign-in switched on for a user as the account page does it, and codes as their app makes them.</summary>
public static class TwoStep
{
    public static async Task<string> TurnOnAsync(CommissioningFactory app, string email)
    {
        await using var scope = app.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    public static async Task<IReadOnlyList<string>> RecoveryCodesAsync(CommissioningFactory app, string email)
    {
        await using var scope = app.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
    }

    /// <summary>The code the authenticator app shows now.</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
}
