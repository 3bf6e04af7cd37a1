using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Setup;

/// <summary>
/// Puts the person's display name in their sign-in cookie, so the header and the audit columns name them without a
/// query per request. Identity builds the cookie's principal with this factory at sign-in and again each time it
/// re-checks the security stamp (every <see cref="IdentitySetup.StampInterval"/>), so a name an administrator changes
/// reaches the person's pages within that time, and at once when they change their own.
/// </summary>
public sealed class DisplayNameClaims(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(People.DisplayNameClaim, user.DisplayName));
        return identity;
    }

    /// <summary>
    /// A cookie issued before display names were in it gets the claim at its next request (one query, once),
    /// rather than showing the person's e-mail address until the next stamp check.
    /// </summary>
    public static async Task AddIfMissingAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || principal.HasClaim(c => c.Type == People.DisplayNameClaim)) return;
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        if (await signIn.ValidateSecurityStampAsync(principal) is not { } user) return;
        var fresh = await signIn.CreateUserPrincipalAsync(user);
        if (fresh.Identity is ClaimsIdentity identity)
            foreach (var type in IdentitySetup.CarriedClaims)
                if (principal.FindFirst(type) is { } claim)
                    identity.AddClaim(new Claim(type, claim.Value));
        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
    }
}
