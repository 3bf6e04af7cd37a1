using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account.Security;

/// <summary>What the pages of "Sign-in and security" share: the two-step setting and keeping this device signed in.</summary>
public static class AccountSecurity
{
    /// <summary>
    /// <c>Security:RequireTwoStep</c>: on by default outside demo mode (issue 13). When on, two-step sign-in
    /// cannot be turned off here.
    /// </summary>
    public static bool TwoStepRequired(IConfiguration configuration) =>
        configuration.GetValue("Security:RequireTwoStep", !configuration.GetValue<bool>("Demo:Enabled"));

    /// <summary>
    /// Issues this device's cookie again after a change that renewed the person's security stamp (a new password,
    /// two-step on or off, a new key): their other sessions end at the next stamp check, this one carries on.
    /// </summary>
    /// <remarks>
    /// SignInManager.RefreshSignInAsync would drop the sign-in time, and the absolute timeout would then end the session.
    /// Claims the principal factory does not make (the sign-in time, how the person signed in, a session id) are carried
    /// over; roles never are, so a role taken away in the meantime stays taken away.
    /// </remarks>
    public static async Task KeepSignedInAsync(this SignInManager<ApplicationUser> signIn, ApplicationUser user, ClaimsPrincipal current)
    {
        var fresh = await signIn.CreateUserPrincipalAsync(user);
        var carried = current.Claims
            .Where(c => c.Type != ClaimTypes.Role && !fresh.HasClaim(f => f.Type == c.Type))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
            .ToList();
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, carried);
    }
}
