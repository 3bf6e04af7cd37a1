using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// Where a password reset link leads (decision 0017): anyone holding a working link sets the account's new password.
/// The link is the only key, so posts are rate-limited like sign-in; a wrong, used or expired link gets one plain page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class ResetPasswordModel(
    UserManager<ApplicationUser> users, UserSessions sessions, SignInThrottle throttle, ILogger<ResetPasswordModel> logger) : PageModel
{
    public const string Done = "Your password has been set. Sign in with it.";

    [BindProperty(Name = "user", SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public Command Input { get; set; } = new();
    /// <summary>False: the page says the link has expired or has been used, and shows no form.</summary>
    public bool LinkWorks { get; private set; }

    public sealed class Command
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a new password of at least 12 characters");
            RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("Enter the new password again")
                .Equal(x => x.Password).When(x => !string.IsNullOrEmpty(x.Password)).WithMessage("The passwords do not match: enter the same new password twice");
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await UserWithWorkingLinkAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UserWithWorkingLinkAsync();
        LinkWorks = user is not null;
        if (user is null)
        {
            logger.LogWarning("A password reset was tried with a link that is wrong, used or expired, for user id {UserId}", UserId);
            return Page();
        }
        new Validator().Validate(Input).AddTo(this);
        if (ModelState.IsValid)
        {
            // Checks the link again, then the password; saves nothing unless both pass. Renews the security stamp,
            // which voids this link and every other one given before it.
            var result = await users.ResetPasswordAsync(user, Token!, Input.Password!);
            if (result.Succeeded)
            {
                // A person slowed by failed sign-ins who has just proved they hold the link starts afresh, and
                // whoever may have had their old password is signed out everywhere at once (decision 0016).
                throttle.Clear(user.NormalizedEmail ?? "");
                await sessions.EndAllAsync(user.Id);
                logger.LogInformation("User {UserId} set a new password with a reset link", user.Id);
                TempData["Success"] = Done;
                return RedirectToPage("/Account/SignIn");
            }
            LinkWorks = !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            foreach (var e in result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidToken)))
                ModelState.AddModelError("Input.Password", e.Description);
        }
        Input = new Command();
        return Page();
    }

    private async Task<ApplicationUser?> UserWithWorkingLinkAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(UserId);
        return user is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, Token)
            ? user
            : null;
    }
}
