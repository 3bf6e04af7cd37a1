using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account;

/// <summary>The second step with one of the ten recovery codes instead of the app's code; each code works once.</summary>
public sealed class RecoveryCodeModel(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ILogger<RecoveryCodeModel> logger)
    : SecondStepPage(signIn, throttle, logger)
{
    [BindProperty] public Command Input { get; set; } = new();

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

    public Task<IActionResult> OnPostAsync()
    {
        new Validator().Validate(Input).AddTo(this, "Input");
        var code = Input.Cleaned;
        Input.Code = null;
        return SignInWithAsync(code, Manager.TwoFactorRecoveryCodeSignInAsync,
            "That recovery code is not right, or it has been used. Enter another of your recovery codes");
    }
}
