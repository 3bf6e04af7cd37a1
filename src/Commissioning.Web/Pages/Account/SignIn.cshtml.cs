using System.Globalization;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class SignInModel(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IPasswordHasher<ApplicationUser> hasher,
    StandInPassword standIn, SignInThrottle throttle, IOptions<DemoOptions> demo, ILogger<SignInModel> logger) : PageModel
{
    public const string WrongEmailOrPassword = "Enter a correct email address and password";

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

    /// <summary>
    /// Known and unknown addresses take the same path (issue 13, defect 2): the throttle is asked by the address as
    /// typed, one password hash is checked either way (a stand-in hash when there is no account or no password), and
    /// every failure says the same words.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        new Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();

        var email = users.NormalizeEmail(Input.Email!.Trim()) ?? "";
        var client = Client(HttpContext);
        var password = Input.Password!;
        Input.Password = null;
        if (throttle.WaitFor(email, client) is var wait && wait > TimeSpan.Zero)
            return TooManyAttempts(this, "Input.Email", wait);

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        var result = user?.PasswordHash is null
            ? standIn.Refuse(hasher, password)
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        // The pair's count is forgotten only once the person is in: a right password alone must not wipe the
        // count of wrong two-step codes that follow it.
        if (result.RequiresTwoFactor) return RedirectToPage("TwoStep", new { ReturnUrl = returnUrl });
        if (result.Succeeded)
        {
            throttle.Succeeded(email, client);
            logger.LogInformation("Sign-in succeeded for {UserId}", user!.Id);
            return LocalRedirect(returnUrl ?? "/");
        }

        throttle.Failed(email, client);
        logger.LogWarning("Sign-in failed for {Email} from {Client}", Input.Email, client);
        ModelState.AddModelError("Input.Email", WrongEmailOrPassword);
        return Page();
    }

    /// <summary>The address the throttle counts by: the client's. Behind a known proxy UseProxyHeaders has put the address
    /// the proxy saw in place of the proxy's own (decision 0020).</summary>
    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// 429 with Retry-After and the form again, its message beside the field: people read the page, scripts and
    /// monitoring read the status, just as for the per-client rate limit (decision 0016).
    /// </summary>
    public static IActionResult TooManyAttempts(PageModel page, string field, TimeSpan wait)
    {
        page.ModelState.AddModelError(field, SignInThrottle.Message(wait));
        page.Response.Headers.RetryAfter = SignInThrottle.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}

/// <summary>
/// A hash of a random password made once with the app's own hasher, so an address with no account costs the same
/// work as one with an account: its password is checked against this, and always refused (issue 13, defect 2).
/// </summary>
public sealed class StandInPassword
{
    private static readonly ApplicationUser Nobody = new() { Id = "stand-in" };
    private string? _hash;

    public Microsoft.AspNetCore.Identity.SignInResult Refuse(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }
}
