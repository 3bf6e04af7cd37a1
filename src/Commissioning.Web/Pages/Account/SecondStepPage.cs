using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// What the two ways of finishing a two-step sign-in share (the app's code, a recovery code): they open only after a
/// right password, wait out the sign-in throttle, and count a wrong code in it like a wrong password (decision 0016).
/// Identity's two-factor sign-in goes through SessionSignInManager, so a right code makes the session.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public abstract class SecondStepPage(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ILogger logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    protected SignInManager<ApplicationUser> Manager => signIn;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    /// <summary>Signs in with <paramref name="code"/> (already checked by the page's validator) through <paramref name="check"/>.</summary>
    protected async Task<IActionResult> SignInWithAsync(string code, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> check, string wrong)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return BackToSignIn();
        if (!ModelState.IsValid) return Page();

        var account = user.NormalizedEmail ?? user.Id;
        var client = SignInModel.Client(HttpContext);
        if (throttle.WaitFor(account, client) is var wait && wait > TimeSpan.Zero)
            return SignInModel.TooManyAttempts(this, "Input.Code", wait);

        if ((await check(code)).Succeeded)
        {
            throttle.Succeeded(account, client);
            logger.LogInformation("Two-step sign-in succeeded for {UserId}", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        throttle.Failed(account, client);
        logger.LogWarning("Two-step sign-in failed for {UserId} from {Client}", user.Id, client);
        ModelState.AddModelError("Input.Code", wrong);
        return Page();
    }

    private IActionResult BackToSignIn() => RedirectToPage("SignIn", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
}
