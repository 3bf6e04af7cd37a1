using System.Text.RegularExpressions;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Commissioning.Web.Pages.Account.Security;

/// <summary>
/// "Set up an authenticator app": Identity's authenticator token provider (TOTP, RFC 6238). The person scans the QR
/// code or types the key, then proves it with a code; only then is two-step sign-in on. Security:RequireTwoStep sends
/// a person without two-step sign-in here, so it works for anyone signed in.
/// </summary>
public sealed partial class AuthenticatorModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IConfiguration configuration,
    ILogger<AuthenticatorModel> logger) : PageModel
{
    public const string CodeLabel = "Enter the 6-digit code from your authenticator app";
    // Where Identity's UserStoreBase keeps the authenticator key (AuthenticatorTests checks GetAuthenticatorKeyAsync finds it).
    private const string StoreProvider = "[AspNetUserStore]";
    private const string StoreKeyName = "AuthenticatorKey";

    [BindProperty] public string? Code { get; set; }

    /// <summary>Two-step sign-in is already on: the page first asks before replacing the app.</summary>
    public bool Replacing { get; private set; }
    public bool Required => TwoStepRequirement.IsRequired(configuration);
    /// <summary>The key in groups of four, for typing into the app.</summary>
    public string KeyText { get; private set; } = "";
    /// <summary>The otpauth:// address as a QR code: SVG made here from the key, no text of the person's own.</summary>
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Replacing = await users.GetTwoFactorEnabledAsync(user);
        if (!Replacing) await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("Index");

        var code = Spaces().Replace(Code ?? "", "");
        var message = code.Length == 0 ? CodeLabel
            : !SixDigits().IsMatch(code) ? "The code must be 6 digits, like 123456"
            : !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                ? "That code is wrong or has run out. Enter the code your authenticator app shows now"
                : null;
        if (message is not null)
        {
            ModelState.AddModelError(nameof(Code), message);
            // The same key as before: the person may have added it to their app already.
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count) ?? [];
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned on two-step sign-in with an authenticator app and has new recovery codes", user.Id);
        TempData[SuccessBanner.MessageKey] = "Two-step sign-in is on";
        RecoveryCodesModel.ShowOnce(TempData, codes);
        return RedirectToPage("RecoveryCodes");
    }

    /// <summary>"Set up a new authenticator app": a new key, and two-step sign-in off until a code from the new app proves it.</summary>
    public async Task<IActionResult> OnPostNewKeyAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} made a new authenticator key; two-step sign-in is off until it is confirmed", user.Id);
        return RedirectToPage();
    }

    private async Task ShowKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first visit makes the key, stored where GetAuthenticatorKeyAsync reads it (Identity's own store). Not with
            // ResetAuthenticatorKeyAsync, which renews the security stamp: looking at this page must not sign the person out
            // on their other devices, and a key that is not yet switched on guards nothing (turning it on renews the stamp).
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, StoreProvider, StoreKeyName, key);
        }
        KeyText = string.Join(" ", key.Chunk(4).Select(c => new string(c)));
        QrSvg = QrCode(OtpAuthUri(key, user.Email ?? user.UserName ?? ""));
    }

    /// <summary>The key-uri format authenticator apps read: issuer and account name shown in the app, the key, 6 digits.</summary>
    public string OtpAuthUri(string key, string account)
    {
        var issuer = (configuration["Council:Name"] is { Length: > 0 } council ? council : "Commissioning").Replace(":", "", StringComparison.Ordinal);
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
    }

    private static string QrCode(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // 4 px a module with the 4-module quiet zone: about 230 px, sharp at any zoom as SVG.
        var svg = new SvgQRCode(data).GetGraphic(4, "#0b0c0c", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.WidthHeightAttribute);
        return svg.Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code to scan with your authenticator app\" focusable=\"false\" class=\"app-qr-code\" ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
