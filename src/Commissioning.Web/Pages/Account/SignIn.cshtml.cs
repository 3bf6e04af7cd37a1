using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class SignInModel(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IOptions<DemoOptions> demo,
    TimeProvider time, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public DemoOptions Demo => demo.Value;

    public sealed class Command
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password");
        }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        new Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        // Lockout counts failures [ASVS 2.2.1]: the scaffolded page passes false here.
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [IdentitySetup.SignInTime(time)]);
            logger.LogInformation("Sign-in succeeded for {User}", user!.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Sign-in failed for {Email}: {Reason}", Input.Email, result.IsLockedOut ? "locked out" : "wrong email or password");
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it."
            : "Enter a correct email address and password");
        Input.Password = null;
        return Page();
    }
}
