using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// The second step of signing in, after a right password: the code from the person's authenticator app. Identity's
/// two-factor sign-in checks it and signs in (through SessionSignInManager, so the session is made); wrong codes count
/// toward the sign-in throttle like wrong passwords.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class TwoStepModel(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ILogger<TwoStepModel> logger) : PageModel
{
    public const string Label = "Enter the 6-digit code from your authenticator app";

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class Command
    {
        public string? Code { get; set; }
        /// <summary>The code as typed, less the spaces and hyphens some apps show in it.</summary>
        public string Digits => new((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Digits).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(Label)
                .Matches("^[0-9]{6}$").WithMessage("Enter the code as 6 digits, like 123456")
                .OverridePropertyName(nameof(Command.Code));
        }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return BackToSignIn();
        new Validator().Validate(Input).AddTo(this, "Input");
        var code = Input.Digits;
        Input.Code = null;
        if (!ModelState.IsValid) return Page();

        var account = user.NormalizedEmail ?? user.Id;
        var client = SignInModel.Client(HttpContext);
        if (throttle.WaitFor(account, client) is var wait && wait > TimeSpan.Zero)
            return SignInModel.TooManyAttempts(this, "Input.Code", wait);

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return TwoStepResult(this, result, throttle, account, client, ReturnUrl, logger, user.Id,
            "Input.Code", "That code is not right. Enter the code your authenticator app shows now");
    }

    private IActionResult BackToSignIn() => RedirectToPage("SignIn", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });

    /// <summary>What the code and recovery-code pages do with Identity's answer.</summary>
    public static IActionResult TwoStepResult(PageModel page, Microsoft.AspNetCore.Identity.SignInResult result, SignInThrottle throttle,
        string account, string client, string? returnUrl, ILogger logger, string userId, string field, string wrong)
    {
        if (result.Succeeded)
        {
            throttle.Succeeded(account, client);
            logger.LogInformation("Two-step sign-in succeeded for {UserId}", userId);
            return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        throttle.Failed(account, client);
        logger.LogWarning("Two-step sign-in failed for {UserId} from {Client}", userId, client);
        page.ModelState.AddModelError(field, wrong);
        return page.Page();
    }
}
