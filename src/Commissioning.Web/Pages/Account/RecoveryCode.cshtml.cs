using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Pages.Account;

/// <summary>The second step with one of the ten recovery codes instead of the app's code; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class RecoveryCodeModel(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ILogger<RecoveryCodeModel> logger) : PageModel
{
    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class Command
    {
        public string? Code { get; set; }
        /// <summary>Recovery codes are upper case; people type them in any case, with spaces.</summary>
        public string Cleaned => new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Cleaned).NotEmpty().WithMessage("Enter one of your recovery codes").OverridePropertyName(nameof(Command.Code));
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return BackToSignIn();
        new Validator().Validate(Input).AddTo(this, "Input");
        var code = Input.Cleaned;
        Input.Code = null;
        if (!ModelState.IsValid) return Page();

        var account = user.NormalizedEmail ?? user.Id;
        var client = SignInModel.Client(HttpContext);
        if (throttle.WaitFor(account, client) is var wait && wait > TimeSpan.Zero)
            return SignInModel.TooManyAttempts(this, "Input.Code", wait);

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return TwoStepModel.TwoStepResult(this, result, throttle, account, client, ReturnUrl, logger, user.Id,
            "Input.Code", "That recovery code is not right, or it has been used. Enter another of your recovery codes");
    }

    private IActionResult BackToSignIn() => RedirectToPage("SignIn", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
}
