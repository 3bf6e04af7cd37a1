using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// "Sign in with your council account" (docs/decisions/0018-council-single-sign-on.md). The POST sends the person to
/// the council's OpenID Connect provider; the provider's answer comes back through /signin-oidc to the Callback handler,
/// which finds or makes their user, sets their roles from their groups, and signs them in. When something stops that,
/// this page says what, and why.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class ExternalSignInModel(
    SingleSignOn sso, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
    TimeProvider time, ILogger<ExternalSignInModel> logger) : PageModel
{
    public enum Refusal { NotInGroup, PasswordAccount, NoEmail, Failed, Unavailable }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Refusal Problem { get; private set; }

    /// <summary>Nothing to show without a reason: the sign-in page has the button.</summary>
    public IActionResult OnGet() => sso.Enabled ? RedirectToPage("/Account/SignIn") : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!sso.Enabled) return NotFound();
        var callback = Url.Page("/Account/ExternalSignIn", "Callback", new { ReturnUrl = LocalOrHome(ReturnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, callback);
        try
        {
            // Challenged here, not by a ChallengeResult, so a provider that cannot be reached gets a page that says so.
            await HttpContext.ChallengeAsync(SingleSignOn.Scheme, properties);
            return new EmptyResult();
        }
        catch (InvalidOperationException e)
        {
            logger.LogError(e, "Council sign-in provider {Authority} could not be reached", sso.Authority);
            return Refuse(Refusal.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (!sso.Enabled) return NotFound();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Refuse(Refusal.Failed, StatusCodes.Status400BadRequest);
        // The provider's answer has been read: its cookie goes, whatever happens next.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);

        var roles = sso.RolesFor(info.Principal.FindAll(SingleSignOn.GroupsClaim).Select(c => c.Value));
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null && roles.Count > 0)
        {
            var (created, refusal) = await CreateAsync(info);
            if (refusal is { } r) return Refuse(r, StatusCodes.Status403Forbidden);
            user = created;
        }
        if (user is not null) await SetRolesAsync(user, roles);
        if (roles.Count == 0 || user is null)
        {
            logger.LogWarning("Council sign-in refused for {Subject}: in no group mapped to a role", info.ProviderKey);
            return Refuse(Refusal.NotInGroup, StatusCodes.Status403Forbidden);
        }
        // No lockout check: the register's lockout counts wrong passwords, and a council user has none. Checking it would
        // let anyone shut a council user out by typing their address with wrong passwords; the council's provider guards
        // its own sign-in, and taking someone out of the groups is how the council stops them.

        // Through SignInManager, as password sign-in does: "oidc" as the authentication method, and the sign-in time.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(ClaimTypes.AuthenticationMethod, SingleSignOn.Scheme), IdentitySetup.SignInTime(time)]);
        logger.LogInformation("Council sign-in succeeded for {User} with roles {Roles}", user.Email, string.Join(", ", roles));
        return LocalRedirect(LocalOrHome(ReturnUrl));
    }

    /// <summary>Cancelled at the provider, or its answer did not check out (SingleSignOnSetup's OnRemoteFailure).</summary>
    public IActionResult OnGetFailed() => sso.Enabled ? Refuse(Refusal.Failed, StatusCodes.Status400BadRequest) : NotFound();

    /// <summary>
    /// A first council sign-in makes the user. An account that already has the address and signs in with a password is
    /// not joined to it: that would let whoever controls the address in the council's directory take the account.
    /// </summary>
    private async Task<(ApplicationUser? User, Refusal? Refusal)> CreateAsync(ExternalLoginInfo info)
    {
        var email = new[] { info.Principal.FindFirstValue("email"), info.Principal.FindFirstValue("preferred_username") }
            // An address longer than the column is no address the register can keep (decision 0022).
            .Select(e => e?.Trim()).FirstOrDefault(e => e is { Length: > 3 and <= ApplicationUser.EmailMaxLength } && e.Contains('@', StringComparison.Ordinal));
        if (email is null) return (null, Refusal.NoEmail);
        if (await users.FindByEmailAsync(email) is not null)
        {
            logger.LogWarning("Council sign-in refused for {Email}: a local account has that address", email);
            return (null, Refusal.PasswordAccount);
        }
        var name = info.Principal.FindFirstValue("name")?.Trim();
        if (string.IsNullOrEmpty(name) || name.Contains('@', StringComparison.Ordinal)) name = email[..email.IndexOf('@', StringComparison.Ordinal)];
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = name.Length > ApplicationUser.DisplayNameMaxLength ? name[..ApplicationUser.DisplayNameMaxLength] : name,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, SingleSignOn.DisplayName));
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not make the user for {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        logger.LogInformation("Council sign-in made user {User}", email);
        return (user, null);
    }

    /// <summary>
    /// Roles follow the council's groups at every sign-in, added and taken away. A change renews the security stamp,
    /// as an administrator's change does, which ends the person's other sessions.
    /// </summary>
    private async Task SetRolesAsync(ApplicationUser user, IReadOnlySet<string> roles)
    {
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Count == 0 && added.Count == 0) return;
        await users.RemoveFromRolesAsync(user, removed);
        await users.AddToRolesAsync(user, added);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("Council groups changed {User}'s roles: added {Added}; removed {Removed}", user.Email, string.Join(", ", added), string.Join(", ", removed));
    }

    private PageResult Refuse(Refusal problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private string LocalOrHome(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
