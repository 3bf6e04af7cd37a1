using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account;

/// <summary>The second step of signing in, after a right password: the code from the person's authenticator app.</summary>
public sealed class TwoStepModel(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ILogger<TwoStepModel> logger)
    : SecondStepPage(signIn, throttle, logger)
{
    public const string Label = "Enter the 6-digit code from your authenticator app";

    [BindProperty] public Command Input { get; set; } = new();

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

    public Task<IActionResult> OnPostAsync()
    {
        new Validator().Validate(Input).AddTo(this, "Input");
        var code = Input.Digits;
        Input.Code = null;
        return SignInWithAsync(code, c => Manager.TwoFactorAuthenticatorSignInAsync(c, isPersistent: false, rememberClient: false),
            "That code is not right. Enter the code your authenticator app shows now");
    }
}
